package vn.tangthu.retention.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tangthu.retention.schedule.Fixtures.at;
import static vn.tangthu.retention.schedule.Fixtures.permanent;
import static vn.tangthu.retention.schedule.Fixtures.years;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.tangthu.retention.schedule.Eligibility.UnscheduledReason;

class EligibilityTest {

  @ParameterizedTest
  @CsvSource({
    "2020-01-01, 10, 2031-01-01",
    "2020-12-31, 10, 2031-01-01",
    "2020-06-15, 1, 2022-01-01",
    "2024-02-29, 5, 2030-01-01",
    "1999-12-31, 70, 2070-01-01"
  })
  void eligibleOnIsFirstJanuaryOfEndYearPlusPeriodPlusOne(
      LocalDate end, int period, LocalDate expected) {
    assertThat(Eligibility.of(years("S", period), end).eligibleOn()).hasValue(expected);
  }

  @Test
  void permanentIsNeverEligible() {
    Eligibility e = Eligibility.of(permanent("P"), LocalDate.of(1950, 1, 1));
    assertThat(e).isInstanceOf(Eligibility.Permanent.class);
    assertThat(e.eligibleOn()).isEmpty();
    assertThat(e.isEligible(LocalDate.of(9999, 12, 31))).isFalse();
    assertThat(e.retainUntil()).isEmpty();
    assertThatThrownBy(() -> Eligibility.eligibleOn(LocalDate.now(), RetentionPeriod.PERMANENT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noScheduleOrNoDateIsUnscheduledWithTheReason() {
    Optional<LocalDate> date = Optional.of(LocalDate.of(2020, 1, 1));
    assertThat(Eligibility.of(Optional.empty(), false, date))
        .isEqualTo(new Eligibility.Unscheduled(UnscheduledReason.NO_SERIES));
    assertThat(Eligibility.of(Optional.empty(), true, date))
        .isEqualTo(new Eligibility.Unscheduled(UnscheduledReason.UNKNOWN_SERIES));
    assertThat(Eligibility.of(Optional.of(years("S", 5)), true, Optional.empty()))
        .isEqualTo(new Eligibility.Unscheduled(UnscheduledReason.NO_DATE));
    assertThat(Eligibility.of(Optional.empty(), true, Optional.empty()).isEligible(LocalDate.MAX))
        .isFalse();
  }

  @Test
  void eligibleFromTheDateItselfNotTheDayBefore() {
    Eligibility e = Eligibility.of(years("S", 10), LocalDate.of(2020, 5, 1));
    assertThat(e.isEligible(LocalDate.of(2030, 12, 31))).isFalse();
    assertThat(e.isEligible(LocalDate.of(2031, 1, 1))).isTrue();
    assertThat(e.isEligible(LocalDate.of(2031, 1, 2))).isTrue();
  }

  @Test
  void nowIsVietnamsDateNotUtcs() {
    Eligibility e = Eligibility.of(years("S", 10), LocalDate.of(2020, 5, 1));
    // 2030-12-31T16:59:59Z is 23:59:59 on 31 Dec in Vietnam: not yet
    assertThat(e.isEligibleNow(at("2030-12-31T16:59:59Z"))).isFalse();
    // 2030-12-31T17:00:00Z is already 1 Jan 2031 in Vietnam, still 31 Dec in UTC: eligible
    assertThat(e.isEligibleNow(at("2030-12-31T17:00:00Z"))).isTrue();
  }

  @Test
  void retainUntilIsMidnightInVietnam() {
    Eligibility e = Eligibility.of(years("S", 10), LocalDate.of(2020, 5, 1));
    assertThat(e.retainUntil()).hasValue(Instant.parse("2030-12-31T17:00:00Z"));
    assertThat(Eligibility.retainUntil(LocalDate.of(2031, 1, 1)))
        .isEqualTo(Instant.parse("2030-12-31T17:00:00Z"));
  }

  @Test
  void storageProtectionFollowsTheContract() {
    Eligibility finite = Eligibility.of(years("S", 10), LocalDate.of(2020, 5, 1));
    var beforeDate = StorageProtection.of(finite, false, at("2030-12-31T16:59:59Z"));
    assertThat(beforeDate.retainUntil()).hasValue(Instant.parse("2030-12-31T17:00:00Z"));
    assertThat(beforeDate.legalHold()).isFalse();

    var afterDate = StorageProtection.of(finite, false, at("2030-12-31T17:00:00Z"));
    assertThat(afterDate.retainUntil()).isEmpty();
    assertThat(afterDate.legalHold()).isFalse();

    assertThat(StorageProtection.of(finite, true, at("2040-01-01T00:00:00Z")).legalHold()).isTrue();
    var perm =
        StorageProtection.of(
            Eligibility.of(permanent("P"), null), false, at("2020-01-01T00:00:00Z"));
    assertThat(perm.legalHold()).isTrue();
    assertThat(perm.retainUntil()).isEmpty();
  }
}
