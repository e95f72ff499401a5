package vn.tangthu.indexer.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {

  private static String nfd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "hoà, hòa",
    "HOÀ, hòa",
    "thuỷ, thủy",
    "Thuỷ lợi, thủy lợi",
    "khoẻ, khỏe",
    "loà, lòa",
    "quỳ, quỳ",
    "quý, quý",
    "qủa, quả",
    "hoá đơn, hóa đơn",
    "Uỷ ban, ủy ban",
    "tuỳ, tùy",
    "xoè, xòe",
  })
  void bothTonePlacementsGiveOneForm(String input, String expected) {
    assertThat(VietnameseText.exact(input)).isEqualTo(expected);
    assertThat(VietnameseText.exact(expected)).isEqualTo(expected);
    assertThat(VietnameseText.exact(nfd(input))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "hoàng", "khuyến", "người", "quyết", "quốc", "giữ", "giường", "gìn", "già", "giếng", "huỳnh",
    "quỳnh", "ngoài", "khuỷu", "thuở", "hươu", "tuấn", "mía", "múa", "cửa", "yêu", "ý", "điều",
    "luật", "hoạch", "toán", "oánh", "thuyền", "khuya", "nghiêng",
  })
  void wellPlacedSyllablesAreUnchanged(String word) {
    assertThat(VietnameseText.exact(word)).isEqualTo(word);
    assertThat(VietnameseText.exact(nfd(word))).isEqualTo(word);
    assertThat(VietnameseText.exact(word.toUpperCase(java.util.Locale.ROOT))).isEqualTo(word);
  }

  @Test
  void misplacedTonesInLongerSyllablesAreMoved() {
    assertThat(VietnameseText.exact("hoàng")).isEqualTo("hoàng");
    assertThat(VietnameseText.exact("hòang")).isEqualTo("hoàng");
    assertThat(VietnameseText.exact("ngòai")).isEqualTo("ngoài");
    assertThat(VietnameseText.exact("ngừơi")).isEqualTo("người");
    assertThat(VietnameseText.exact("khúyên")).isEqualTo("khuyến");
  }

  @Test
  void foreignWordsAndOddTokensAreOnlyLowerCased() {
    assertThat(VietnameseText.exact("Café")).isEqualTo("café");
    assertThat(VietnameseText.exact("Ñandú")).isEqualTo("ñandú");
    assertThat(VietnameseText.exact("Übergrößen")).isEqualTo("übergrößen");
    assertThat(VietnameseText.exact("ISO-9001")).isEqualTo("iso-9001");
    assertThat(VietnameseText.exact(null)).isEmpty();
  }

  @Test
  void punctuationAndSpacingArePreserved() {
    assertThat(VietnameseText.exact("Điều 5. Hoà giải, thuỷ lợi!"))
        .isEqualTo("điều 5. hòa giải, thủy lợi!");
  }

  @Test
  void nfdSentenceEqualsNfcSentence() {
    String sentence = "Quyết định số 123/QĐ-UBND của Ủy ban nhân dân tỉnh Bắc Ninh về thuỷ lợi";
    assertThat(VietnameseText.exact(nfd(sentence))).isEqualTo(VietnameseText.exact(sentence));
    assertThat(VietnameseText.exact(sentence))
        .isEqualTo("quyết định số 123/qđ-ubnd của ủy ban nhân dân tỉnh bắc ninh về thủy lợi");
  }

  @Test
  void foldedRemovesEveryDiacriticAndD() {
    assertThat(VietnameseText.folded("Quyết định")).isEqualTo("quyet dinh");
    assertThat(VietnameseText.folded("ĐƯỜNG Đi")).isEqualTo("duong di");
    assertThat(VietnameseText.folded(nfd("người khuyết tật"))).isEqualTo("nguoi khuyet tat");
    assertThat(VietnameseText.folded("hoà")).isEqualTo(VietnameseText.folded("hòa"));
    assertThat(VietnameseText.folded("Café")).isEqualTo("cafe");
    assertThat(VietnameseText.folded("quyet dinh")).isEqualTo("quyet dinh");
  }

  @ParameterizedTest
  @CsvSource({
    "123/QĐ-UBND, 123/qd-ubnd",
    "123/qd-ubnd, 123/qd-ubnd",
    "123/QD-UBND, 123/qd-ubnd",
    "123 / QĐ - UBND, 123/qd-ubnd",
    "0123/QĐ–UBND, 123/qd-ubnd",
    "15/2020/NĐ-CP, 15/2020/nd-cp",
    "01/2021/TT-BTC, 1/2021/tt-btc",
    "23-NQ/TW, 23-nq/tw",
    "91/2015/QH13, 91/2015/qh13",
  })
  void docNumbersHaveOneCanonicalForm(String input, String canonical) {
    assertThat(VietnameseText.docNumber(input)).isEqualTo(canonical);
    assertThat(VietnameseText.docNumber(nfd(input))).isEqualTo(canonical);
  }

  @Test
  void docNumbersAreFoundInText() {
    String text =
        "Căn cứ Luật số 80/2015/QH13 ngày 22/6/2015; Nghị định 15/2020/NĐ-CP, "
            + "Quyết định số 123/QĐ-UBND và Nghị quyết 23-NQ/TW. Tỷ lệ 1/2, năm 2020-2025, "
            + "nhắc lại 123/qđ-ubnd.";
    assertThat(VietnameseText.docNumbers(text))
        .containsExactly("80/2015/qh13", "15/2020/nd-cp", "123/qd-ubnd", "23-nq/tw");
    assertThat(VietnameseText.docNumbers(nfd(text))).isEqualTo(VietnameseText.docNumbers(text));
    assertThat(VietnameseText.docNumbers("")).isEmpty();
  }

  @Test
  void queryTokensAreRecognisedAsDocNumbers() {
    assertThat(VietnameseText.looksLikeDocNumber("123/QĐ-UBND")).isTrue();
    assertThat(VietnameseText.looksLikeDocNumber("123/qd-ubnd")).isTrue();
    assertThat(VietnameseText.looksLikeDocNumber("22/6/2015")).isFalse();
    assertThat(VietnameseText.looksLikeDocNumber("quyết")).isFalse();
    assertThat(VietnameseText.looksLikeDocNumber("2020-2025")).isFalse();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "các, true",
    "Việc, true",
    "HOÀ, true",
    "người, true",
    "khuỷu, true",
    "cac, false",
    "dich, false",
    "cáchh, false",
    "viet, false",
    "email, false",
    "UBND, false",
    "hòà, false"
  })
  void syllablesAreRecognisedWithTheToneTheirFinalAllows(String word, boolean syllable) {
    assertThat(VietnameseText.isSyllable(word)).isEqualTo(syllable);
  }
}
