package vn.tangthu.indexer.ocr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TesseractTsvTest {

  private static final String HEADER =
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

  private static String word(int block, int par, int line, int word, double conf, String text) {
    return String.format(
        java.util.Locale.ROOT,
        "5\t1\t%d\t%d\t%d\t%d\t0\t0\t10\t10\t%.6f\t%s%n",
        block,
        par,
        line,
        word,
        conf,
        text);
  }

  @Test
  void joinsWordsLinesAndParagraphsAsTesseractText() {
    String tsv =
        HEADER
            + "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
            + "4\t1\t1\t1\t1\t0\t0\t0\t900\t40\t-1\t\n"
            + word(1, 1, 1, 1, 96, "Điều")
            + word(1, 1, 1, 2, 94, "1.")
            + word(1, 1, 2, 1, 90, "Phê")
            + word(1, 1, 2, 2, 91, "duyệt")
            + word(1, 2, 1, 1, 80, "Sở")
            + word(2, 1, 1, 1, 70, "Nội")
            + word(2, 1, 1, 2, 95, " ");
    TesseractTsv.Page page = TesseractTsv.parse(tsv);
    assertThat(page.text()).isEqualTo("Điều 1.\nPhê duyệt\n\nSở\n\nNội");
    assertThat(page.words()).isEqualTo(6);
    double expected = (96 * 4 + 94 * 2 + 90 * 3 + 91 * 5 + 80 * 2 + 70 * 3) / 19.0;
    assertThat(page.confidence()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void decomposedOutputBecomesNfc() {
    TesseractTsv.Page page = TesseractTsv.parse(HEADER + word(1, 1, 1, 1, 90, "ho\u0300a"));
    assertThat(page.text()).isEqualTo("hòa");
  }

  @Test
  void aPageWithoutWordsHasNoConfidence() {
    TesseractTsv.Page page =
        TesseractTsv.parse(HEADER + "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n");
    assertThat(page.text()).isEmpty();
    assertThat(page.confidence()).isNaN();
  }

  @Test
  void refusesOutputThatIsNotTsv() {
    assertThatThrownBy(() -> TesseractTsv.parse("Điều 1. Phê duyệt\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
