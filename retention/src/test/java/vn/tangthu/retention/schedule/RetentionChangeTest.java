package vn.tangthu.retention.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tangthu.retention.schedule.Fixtures.permanent;
import static vn.tangthu.retention.schedule.Fixtures.years;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.tangthu.retention.schedule.Eligibility.UnscheduledReason;

class RetentionChangeTest {
  private static final LocalDate END = LocalDate.of(2020, 3, 1);
  private static final Eligibility TEN = Eligibility.of(years("A", 10), END);
  private static final Eligibility TWENTY = Eligibility.of(years("B", 20), END);
  private static final Eligibility PERM = Eligibility.of(permanent("P"), END);
  private static final Eligibility NONE = new Eligibility.Unscheduled(UnscheduledReason.NO_DATE);

  @Test
  void longerPeriodOrLaterEndDateExtends() {
    assertThat(RetentionChange.between(TEN, TWENTY)).isEqualTo(RetentionChange.EXTEND);
    assertThat(RetentionChange.between(TEN, Eligibility.of(years("A", 10), END.plusYears(1))))
        .isEqualTo(RetentionChange.EXTEND);
    assertThat(RetentionChange.between(TEN, PERM)).isEqualTo(RetentionChange.EXTEND);
    assertThat(RetentionChange.between(NONE, TEN)).isEqualTo(RetentionChange.EXTEND);
  }

  @Test
  void sameYearIsSameEvenWithAnotherDay() {
    assertThat(
            RetentionChange.between(
                TEN, Eligibility.of(years("A", 10), LocalDate.of(2020, 12, 31))))
        .isEqualTo(RetentionChange.SAME);
    assertThat(RetentionChange.between(PERM, PERM)).isEqualTo(RetentionChange.SAME);
    assertThat(RetentionChange.between(NONE, NONE)).isEqualTo(RetentionChange.SAME);
  }

  @Test
  void earlierDateLosingPermanenceOrLosingTheScheduleShortens() {
    assertThat(RetentionChange.between(TWENTY, TEN)).isEqualTo(RetentionChange.SHORTEN);
    assertThat(RetentionChange.between(PERM, TWENTY)).isEqualTo(RetentionChange.SHORTEN);
    assertThat(RetentionChange.between(TEN, NONE)).isEqualTo(RetentionChange.SHORTEN);
    assertThat(RetentionChange.between(PERM, NONE)).isEqualTo(RetentionChange.SHORTEN);
  }

  @Test
  void shorteningIsRefusedOnlyWhileALockExists() {
    assertThat(RetentionChange.SHORTEN.refusedWhen(true)).isTrue();
    assertThat(RetentionChange.SHORTEN.refusedWhen(false)).isFalse();
    assertThat(RetentionChange.EXTEND.refusedWhen(true)).isFalse();
    assertThat(RetentionChange.SAME.refusedWhen(true)).isFalse();
  }
}
