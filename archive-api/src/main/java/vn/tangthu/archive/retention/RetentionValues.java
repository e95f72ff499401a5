package vn.tangthu.archive.retention;

import java.time.LocalDate;
import java.util.UUID;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.schedule.Eligibility;
import vn.tangthu.retention.schedule.RetentionPeriod;
import vn.tangthu.retention.schedule.Schedule;

/**
 * A record's effective retention as stored in its {@code retention_*} and {@code eligible_on}
 * columns.
 *
 * @param state SCHEDULED, PERMANENT or UNSCHEDULED
 * @param series the governing series code, if any was named
 * @param period the schedule's period, null when unscheduled
 * @param action the schedule's action, null when unscheduled
 */
public record RetentionValues(
    UUID id, String state, String series, String period, String action, LocalDate eligibleOn) {

  private static final String STORED = "as stored";

  /** The values for a freshly computed eligibility. */
  static RetentionValues of(UUID id, String series, Eligibility e) {
    if (e instanceof Eligibility.Scheduled s) {
      return new RetentionValues(
          id,
          "SCHEDULED",
          s.schedule().seriesCode(),
          s.schedule().period().format(),
          s.schedule().action().name(),
          s.date());
    }
    if (e instanceof Eligibility.Permanent p) {
      return new RetentionValues(
          id,
          "PERMANENT",
          p.schedule().seriesCode(),
          p.schedule().period().format(),
          p.schedule().action().name(),
          null);
    }
    return new RetentionValues(id, "UNSCHEDULED", series, null, null, null);
  }

  /**
   * The eligibility these stored values stand for, enough to compare lock horizons and to derive
   * the storage protection; an inconsistent row counts as unscheduled.
   */
  Eligibility eligibility() {
    try {
      return switch (state == null ? "" : state) {
        case "SCHEDULED" ->
            eligibleOn == null ? unscheduled() : new Eligibility.Scheduled(schedule(), eligibleOn);
        case "PERMANENT" -> new Eligibility.Permanent(schedule());
        default -> unscheduled();
      };
    } catch (IllegalArgumentException | NullPointerException e) {
      return unscheduled();
    }
  }

  private Schedule schedule() {
    return new Schedule(
        series,
        STORED,
        RetentionPeriod.parse(period),
        DispositionAction.valueOf(action),
        STORED,
        true,
        "");
  }

  private static Eligibility unscheduled() {
    return new Eligibility.Unscheduled(Eligibility.UnscheduledReason.NO_SERIES);
  }
}
