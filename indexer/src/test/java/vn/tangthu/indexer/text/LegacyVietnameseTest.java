package vn.tangthu.indexer.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tangthu.indexer.testing.Corpus;
import vn.tangthu.indexer.text.LegacyVietnamese.Encoding;

class LegacyVietnameseTest {

  @ParameterizedTest
  @CsvSource({
    "Quyết định, QuyÕt ®Þnh, Quyeát ñònh",
    "người, ng­êi, ngöôøi",
    "Ủy ban nhân dân, ñy ban nh©n d©n, UÛy ban nhaân daân",
    "khuyến khích, khuyÕn khÝch, khuyeán khích",
    "thuỷ lợi, thuû lîi, thuyû lôïi",
  })
  void publishedCodesEncodeAndDecode(String unicode, String tcvn3, String vni) {
    String lowerFirst = unicode.substring(0, 1).toLowerCase() + unicode.substring(1);
    assertThat(LegacyVietnamese.encode(unicode, Encoding.VNI)).isEqualTo(vni);
    assertThat(LegacyVietnamese.decode(vni, Encoding.VNI)).isEqualTo(unicode);
    assertThat(LegacyVietnamese.decode(tcvn3, Encoding.TCVN3))
        .isIn(unicode, lowerFirst, VietnameseText.exact(unicode));
    assertThat(VietnameseText.exact(LegacyVietnamese.encode(unicode, Encoding.TCVN3)))
        .isEqualTo(VietnameseText.exact(tcvn3));
  }

  @Test
  void detectsTheEncodingOfASentence() {
    String sentence =
        "Quyết định về việc ban hành quy chế quản lý văn bản của Ủy ban nhân dân tỉnh";
    assertThat(LegacyVietnamese.detect(LegacyVietnamese.encode(sentence, Encoding.TCVN3)))
        .isEqualTo(Encoding.TCVN3);
    assertThat(LegacyVietnamese.detect(LegacyVietnamese.encode(sentence, Encoding.VNI)))
        .isEqualTo(Encoding.VNI);
    assertThat(LegacyVietnamese.detect(sentence)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Quyết định về việc ban hành quy chế, hòa giải, thuỷ lợi, người khuyết tật.",
        "The quick brown fox jumps over the lazy dog.",
        "Où est la bibliothèque? Déjà vu, façade, garçon, crème brûlée à côté.",
        "Größenordnung, Übermäßig, Straße und Fußgänger.",
        "Prices: 5 × 3 = 15; ½ cup; © 2024 ACME® — «quoted» ±2°",
        ""
      })
  void leavesUnicodeAndOtherLanguagesAlone(String text) {
    assertThat(LegacyVietnamese.repair(text)).isEqualTo(text);
  }

  @Test
  void repairsOnlyTheLegacyLinesOfAMixedText() {
    String unicode = "Cộng hòa xã hội chủ nghĩa Việt Nam, độc lập tự do hạnh phúc";
    String legacy = "Điều 1. Phạm vi điều chỉnh của luật này về quyền và nghĩa vụ";
    String mixed = unicode + "\n" + LegacyVietnamese.encode(legacy, Encoding.VNI);
    assertThat(LegacyVietnamese.repair(mixed)).isEqualTo(unicode + "\n" + legacy);
  }

  static List<String> smallLaws() {
    return List.of(
        "luat-khuyen-khich-dau-tu-trong-nuoc.txt",
        "luat-thue-thu-nhap-doanh-nghiep.txt",
        "luat-thue-gia-tri-gia-tang.txt",
        "luat-binh-dang-gioi.txt");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("smallLaws")
  void realLegalTextSurvivesARoundTripThroughBothEncodings(String name) throws IOException {
    String text =
        Normalizer.normalize(
            Files.readString(Corpus.viLegal().resolve(name), StandardCharsets.UTF_8),
            Normalizer.Form.NFC);
    String vni = LegacyVietnamese.encode(text, Encoding.VNI);
    String tcvn3 = LegacyVietnamese.encode(text, Encoding.TCVN3);
    assertThat(vni).isNotEqualTo(text);
    assertThat(LegacyVietnamese.repair(vni)).isEqualTo(text);
    assertThat(VietnameseText.exact(LegacyVietnamese.repair(tcvn3)))
        .isEqualTo(VietnameseText.exact(text));
    assertThat(LegacyVietnamese.repair(text)).isEqualTo(text);
  }
}
