package vn.tangthu.bench.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextMetricsTest {

  @Test
  void characterErrorsCountEditsOverTheTruth() {
    TextMetrics.Errors e = TextMetrics.characters("Nhân dan", "Nhân dân");
    assertThat(e.edits()).isEqualTo(1);
    assertThat(e.length()).isEqualTo(8);
    assertThat(TextMetrics.characters("hoà", "hòa").edits()).isEqualTo(2);
    assertThat(TextMetrics.characters("ab", "").rate()).isZero();
  }

  @Test
  void lineBreaksAndSpaceRunsAreLayout() {
    assertThat(TextMetrics.characters("Điều 1.\n\nPhê  duyệt", "Điều 1. Phê duyệt").edits())
        .isZero();
    assertThat(TextMetrics.characters("Quye\u0302\u0301t", "Quyết").edits()).isZero();
  }

  @Test
  void wordErrorsCountWholeWords() {
    TextMetrics.Errors e = TextMetrics.words("thì bi phạt tù", "thì bị phạt tù từ");
    assertThat(e.edits()).isEqualTo(2);
    assertThat(e.length()).isEqualTo(5);
    assertThat(e.plus(e).rate()).isEqualTo(0.4);
  }
}
