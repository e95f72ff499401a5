package vn.tangthu.retention.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * When a record may be disposed of, by the contract's rule: {@code eligibleOn} is 1 January of
 * (year of the work end date + period years + 1). A permanent record is never eligible; a record
 * with no schedule or no date is {@link Unscheduled}, kept and reported with the reason. Values are
 * immutable and thread-safe.
 */
public sealed interface Eligibility
    permits Eligibility.Scheduled, Eligibility.Permanent, Eligibility.Unscheduled {

  /** Why a record has no eligibility date. */
  enum UnscheduledReason {
    /** Neither the record nor its dossier names a series. */
    NO_SERIES,
    /** The series named has no schedule. */
    UNKNOWN_SERIES,
    /** No work end date (nor issued date, nor dossier end date) to count from. */
    NO_DATE
  }

  /**
   * The eligibility of a record of {@code schedule} whose matter ended on {@code workEndDate}.
   *
   * @param schedule the series' schedule, empty when none applies
   * @param seriesNamed whether a series code was named at all (to tell the reasons apart)
   * @param workEndDate the retention trigger, empty when unknown
   */
  static Eligibility of(
      Optional<Schedule> schedule, boolean seriesNamed, Optional<LocalDate> workEndDate) {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(workEndDate, "workEndDate");
    if (schedule.isEmpty()) {
      return new Unscheduled(
          seriesNamed ? UnscheduledReason.UNKNOWN_SERIES : UnscheduledReason.NO_SERIES);
    }
    Schedule s = schedule.get();
    if (s.period().permanent()) {
      return new Permanent(s);
    }
    if (workEndDate.isEmpty()) {
      return new Unscheduled(UnscheduledReason.NO_DATE);
    }
    return new Scheduled(s, eligibleOn(workEndDate.get(), s.period()));
  }

  /** The eligibility of a record of {@code schedule} whose matter ended on {@code workEndDate}. */
  static Eligibility of(Schedule schedule, LocalDate workEndDate) {
    return of(Optional.of(schedule), true, Optional.ofNullable(workEndDate));
  }

  /**
   * 1 January of (year of {@code workEndDate} + years + 1).
   *
   * @throws IllegalArgumentException for a permanent period
   */
  static LocalDate eligibleOn(LocalDate workEndDate, RetentionPeriod period) {
    if (period.permanent()) {
      throw new IllegalArgumentException("a permanent period has no eligibility date");
    }
    return LocalDate.of(workEndDate.getYear() + period.years() + 1, 1, 1);
  }

  /** The date disposition becomes allowed; empty when never (permanent) or unknown. */
  Optional<LocalDate> eligibleOn();

  /** Whether a record may be disposed of on {@code asOf} (a date in Vietnam). */
  default boolean isEligible(LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    return eligibleOn().map(d -> !asOf.isBefore(d)).orElse(false);
  }

  /** Whether a record may be disposed of today in Vietnam, according to {@code clock}. */
  default boolean isEligibleNow(Clock clock) {
    return isEligible(VietnamTime.today(clock));
  }

  /**
   * The S3 COMPLIANCE retain-until: 00:00 of {@code eligibleOn} in Vietnam. Empty when there is no
   * eligibility date (a permanent record carries a legal hold instead).
   */
  default Optional<Instant> retainUntil() {
    return eligibleOn().map(VietnamTime::startOf);
  }

  /**
   * The retain-until instant for an eligibility date: {@code eligibleOn} 00:00 Asia/Ho_Chi_Minh.
   */
  static Instant retainUntil(LocalDate eligibleOn) {
    return VietnamTime.startOf(eligibleOn);
  }

  /** A finite schedule with a known date: disposition allowed from {@code eligibleOn}. */
  record Scheduled(Schedule schedule, LocalDate date) implements Eligibility {
    public Scheduled {
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(date, "date");
      if (schedule.period().permanent()) {
        throw new IllegalArgumentException("a permanent schedule is never scheduled for disposal");
      }
    }

    @Override
    public Optional<LocalDate> eligibleOn() {
      return Optional.of(date);
    }
  }

  /** Kept forever: never eligible; in storage under an S3 legal hold. */
  record Permanent(Schedule schedule) implements Eligibility {
    public Permanent {
      Objects.requireNonNull(schedule, "schedule");
      if (!schedule.period().permanent()) {
        throw new IllegalArgumentException("schedule " + schedule.seriesCode() + " is finite");
      }
    }

    @Override
    public Optional<LocalDate> eligibleOn() {
      return Optional.empty();
    }
  }

  /** No schedule or no date: kept, never swept, reported with {@code reason}. */
  record Unscheduled(UnscheduledReason reason) implements Eligibility {
    public Unscheduled {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Optional<LocalDate> eligibleOn() {
      return Optional.empty();
    }
  }
}
