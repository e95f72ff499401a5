package vn.tangthu.indexer.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseOcrTextTest {

  @Test
  void decomposedTextBecomesNfc() {
    assertThat(VietnameseOcrText.nfc("Quye\u0302\u0301t đi\u0323nh")).isEqualTo("Quyết định");
  }

  @ParameterizedTest
  @CsvSource({
    "hoà, hòa",
    "Hoà, Hòa",
    "HOÀ, HÒA",
    "thuỷ lợi, thủy lợi",
    "Khoẻ mạnh, Khỏe mạnh",
    "hòa, hòa",
    "hoàng, hoàng",
    "người, người",
    "quý, quý",
    "NGOÀI, NGOÀI"
  })
  void toneMarksGoWhereTheIndexPutsThem(String in, String out) {
    assertThat(VietnameseOcrText.placeTones(in)).isEqualTo(out);
  }

  @Test
  void wordsThatAreNotSyllablesAreLeftAlone() {
    String text = "Số 123/QĐ-UBND ngày 5/3/2024 (xem www.bacninh.gov.vn) — Café, naïve";
    assertThat(VietnameseOcrText.placeTones(text)).isSameAs(text);
  }

  @Test
  void correctionKeepsLayout() {
    String text = "Điều 1.\nPhê duyệt kế hoạch\n\nCộng hoà xã hội";
    assertThat(VietnameseOcrText.correct(text))
        .isEqualTo("Điều 1.\nPhê duyệt kế hoạch\n\nCộng hòa xã hội");
  }

  @ParameterizedTest
  @CsvSource({
    "thì bi phạt cải tao, thì bị phạt cải tạo",
    "dich vu công, dịch vụ công",
    "sau day:, sau đây:",
    "Nhân dan, Nhân dân",
    "Dau tư, Đầu tư",
    "cham dứt, chấm dứt",
    "két quả, kết quả",
    "VIET NAM, VIỆT NAM"
  })
  void confusedWordsBecomeTheCommonSyllable(String in, String out) {
    assertThat(VietnameseOcrText.fixConfusions(in)).isEqualTo(out);
  }

  @Test
  void knownWordsCodesAndForeignWordsStay() {
    String text =
        "Số 123/QĐ-UBND, hồ sơ so sánh; Email: vanthu@bacninh.gov.vn; H2SO4; Internet; a) b) đ)";
    assertThat(VietnameseOcrText.fixConfusions(text)).isSameAs(text);
  }

  @Test
  void onlyMalformedWordsChangeWhenUnseenWordsAreTrusted() {
    assertThat(VietnameseOcrText.fixConfusions("dich vu va", false)).isEqualTo("dịch vu va");
  }
}
