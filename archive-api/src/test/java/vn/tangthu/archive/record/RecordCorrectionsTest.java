package vn.tangthu.archive.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordCorrectionsTest {

  @ParameterizedTest
  @CsvSource({
    "PUBLIC, INTERNAL, true",
    "PUBLIC, RESTRICTED, true",
    "INTERNAL, RESTRICTED, true",
    "RESTRICTED, INTERNAL, true",
    "INTERNAL, PUBLIC, false",
    "RESTRICTED, PUBLIC, false",
    "PUBLIC, PUBLIC, false",
    "INTERNAL, INTERNAL, false",
    "RESTRICTED, RESTRICTED, false",
  })
  void everyChangeOfAccessLevelButToPublicNarrowsWhoSeesTheRecord(
      String from, String to, boolean narrows) {
    assertThat(RecordCorrections.narrowsVisibility(from, to)).isEqualTo(narrows);
  }
}
