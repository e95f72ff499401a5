package vn.tangthu.retention.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionPeriodTest {

  @ParameterizedTest
  @ValueSource(strings = {"1y", "5y", "10y", "20y", "70y", "200y", "PERMANENT"})
  void parsesAndFormatsRoundTrip(String text) {
    assertThat(RetentionPeriod.parse(text).format()).isEqualTo(text);
  }

  @Test
  void parsesYears() {
    assertThat(RetentionPeriod.parse("10y").finiteYears()).hasValue(10);
    assertThat(RetentionPeriod.parse("PERMANENT").permanent()).isTrue();
    assertThat(RetentionPeriod.PERMANENT.finiteYears()).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "0y",
        "10",
        "y",
        "-1y",
        "10Y",
        " 10y",
        "10y ",
        "010y",
        "permanent",
        "1.5y",
        "201y",
        "9999y",
        "10 năm",
        "vĩnh viễn"
      })
  void rejectsMalformedText(String text) {
    assertThatThrownBy(() -> RetentionPeriod.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention period");
  }

  @Test
  void rejectsOutOfRangeYears() {
    assertThatThrownBy(() -> RetentionPeriod.ofYears(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetentionPeriod.ofYears(201))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetentionPeriod(3, true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
