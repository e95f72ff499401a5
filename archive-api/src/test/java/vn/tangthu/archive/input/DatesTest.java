package vn.tangthu.archive.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

  /** 16:59:59 UTC on 14 June 2025 is 23:59:59 in Vietnam: today there is still 14 June. */
  private final Dates dates =
      new Dates(Clock.fixed(Instant.parse("2025-06-14T16:59:59Z"), ZoneOffset.UTC));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-999999999-01-01",
        "+999999999-12-31",
        "+10000-01-01",
        "0000-01-01",
        "1799-12-31",
        "2024-03-15T00:00:00",
        "2024-03-15\u0000",
        " 2024-03-15",
        "2024-03-15 ",
        "",
        "20240315",
        "2024-3-15",
        "2024-02-30",
        "2023-02-29",
        "２０２４-03-15",
        "٢٠٢٤-03-15"
      })
  void onlyPlainDatesFrom1800AreRead(String text) {
    assertThatThrownBy(() -> Dates.parse(text)).isInstanceOf(Dates.Refused.class);
  }

  @Test
  void plainDatesAreRead() {
    assertThat(Dates.parse("1800-01-01")).isEqualTo(LocalDate.of(1800, 1, 1));
    assertThat(Dates.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(Dates.parse("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
  }

  @Test
  void documentDatesEndOneYearAfterTodayInVietnam() {
    assertThat(dates.today()).isEqualTo(LocalDate.of(2025, 6, 14));
    assertThat(dates.document("2026-06-14")).isEqualTo(LocalDate.of(2026, 6, 14));
    assertThatThrownBy(() -> dates.document("2026-06-15"))
        .isInstanceOf(Dates.Refused.class)
        .hasMessageContaining("2026-06-14");
    assertThat(dates.document("1800-01-01")).isEqualTo(LocalDate.of(1800, 1, 1));
    assertThat(dates.requireDocument(null)).isNull();
  }

  @Test
  void todayFollowsVietnamNotUtc() {
    Dates nextDay = new Dates(Clock.fixed(Instant.parse("2025-06-14T17:00:00Z"), ZoneOffset.UTC));
    assertThat(nextDay.today()).isEqualTo(LocalDate.of(2025, 6, 15));
    assertThat(nextDay.document("2026-06-15")).isEqualTo(LocalDate.of(2026, 6, 15));
  }

  @Test
  void sweepDatesEndAHundredYearsAfterToday() {
    assertThat(dates.asOf("2125-06-14")).isEqualTo(LocalDate.of(2125, 6, 14));
    assertThatThrownBy(() -> dates.asOf("2125-06-15")).isInstanceOf(Dates.Refused.class);
    assertThatThrownBy(() -> dates.asOf("+999999999-12-31")).isInstanceOf(Dates.Refused.class);
    assertThat(dates.asOf("1990-01-01")).isEqualTo(LocalDate.of(1990, 1, 1));
  }

  @Test
  void instantsNeedAZoneAndFourDigitYears() {
    assertThat(Dates.parseInstant("2024-03-15T08:30:00Z"))
        .isEqualTo(Instant.parse("2024-03-15T08:30:00Z"));
    assertThat(Dates.parseInstant("2024-03-15T15:30+07:00"))
        .isEqualTo(Instant.parse("2024-03-15T08:30:00Z"));
    for (String bad :
        new String[] {
          "2024-03-15",
          "2024-03-15T08:30:00",
          "+1000000000-01-01T00:00:00Z",
          "1799-12-31T23:59:59Z",
          "2024-13-01T00:00:00Z",
          "1700000000",
          ""
        }) {
      assertThatThrownBy(() -> Dates.parseInstant(bad)).as(bad).isInstanceOf(Dates.Refused.class);
    }
  }
}
