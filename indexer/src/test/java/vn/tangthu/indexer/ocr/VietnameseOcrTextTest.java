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
}
