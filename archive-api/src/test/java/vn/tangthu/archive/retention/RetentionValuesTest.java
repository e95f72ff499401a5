package vn.tangthu.archive.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.tangthu.retention.schedule.Eligibility;
import vn.tangthu.retention.schedule.RetentionChange;
import vn.tangthu.retention.schedule.StorageProtection;

/**
 * The stored retention columns read back as an eligibility, and whether a lock exists around
 * midnight in Vietnam (17:00 UTC the day before).
 */
class RetentionValuesTest {

  private static final UUID ID = UUID.randomUUID();

  private static RetentionValues scheduled(String eligibleOn) {
    return new RetentionValues(
        ID, "SCHEDULED", "S-10Y", "10y", "DESTROY", LocalDate.parse(eligibleOn));
  }

  @Test
  void storedValuesRoundTripThroughTheirEligibility() {
    RetentionValues v = scheduled("2027-01-01");
    Eligibility e = v.eligibility();
    assertThat(e.eligibleOn()).contains(LocalDate.parse("2027-01-01"));
    assertThat(RetentionValues.of(ID, "S-10Y", e)).isEqualTo(v);
    RetentionValues permanent =
        new RetentionValues(ID, "PERMANENT", "P", "PERMANENT", "TRANSFER", null);
    assertThat(permanent.eligibility()).isInstanceOf(Eligibility.Permanent.class);
    assertThat(RetentionValues.of(ID, "P", permanent.eligibility())).isEqualTo(permanent);
  }

  @Test
  void inconsistentRowsCountAsUnscheduled() {
    assertThat(new RetentionValues(ID, "SCHEDULED", "S", null, null, null).eligibility())
        .isInstanceOf(Eligibility.Unscheduled.class);
    assertThat(new RetentionValues(ID, "UNSCHEDULED", null, null, null, null).eligibility())
        .isInstanceOf(Eligibility.Unscheduled.class);
    assertThat(new RetentionValues(ID, "PERMANENT", "bad code!", "x", "y", null).eligibility())
        .isInstanceOf(Eligibility.Unscheduled.class);
  }

  @Test
  void lockEndsAtMidnightInVietnamNotInUtc() {
    Eligibility e = scheduled("2027-01-01").eligibility();
    Instant justBefore = Instant.parse("2026-12-31T16:59:59Z");
    Instant vietnamMidnight = Instant.parse("2026-12-31T17:00:00Z");
    assertThat(RetentionRecompute.lockExists(e, justBefore)).isTrue();
    assertThat(RetentionRecompute.lockExists(e, vietnamMidnight)).isFalse();
    assertThat(RetentionRecompute.lockExists(e, Instant.parse("2026-12-31T23:59:59Z")))
        .as("still 31 December in UTC, already 1 January in Vietnam")
        .isFalse();
    assertThat(
            StorageProtection.of(e, false, Clock.fixed(justBefore, ZoneOffset.UTC)).retainUntil())
        .contains(vietnamMidnight);
    assertThat(
            StorageProtection.of(e, false, Clock.fixed(vietnamMidnight, ZoneOffset.UTC))
                .retainUntil())
        .isEmpty();
  }

  @Test
  void shorteningIsRefusedOnlyWhileTheLockLasts() {
    Eligibility before = scheduled("2027-01-01").eligibility();
    Eligibility after = scheduled("2026-01-01").eligibility();
    RetentionChange change = RetentionChange.between(before, after);
    assertThat(change).isEqualTo(RetentionChange.SHORTEN);
    assertThat(
            change.refusedWhen(
                RetentionRecompute.lockExists(before, Instant.parse("2026-12-31T16:00:00Z"))))
        .isTrue();
    assertThat(
            change.refusedWhen(
                RetentionRecompute.lockExists(before, Instant.parse("2026-12-31T18:00:00Z"))))
        .isFalse();
    Eligibility permanent =
        new RetentionValues(ID, "PERMANENT", "P", "PERMANENT", "TRANSFER", null).eligibility();
    assertThat(RetentionRecompute.lockExists(permanent, Instant.EPOCH)).isTrue();
  }
}
