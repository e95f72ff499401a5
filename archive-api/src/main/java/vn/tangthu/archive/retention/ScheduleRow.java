package vn.tangthu.archive.retention;

import java.time.Instant;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.schedule.RetentionPeriod;
import vn.tangthu.retention.schedule.Schedule;

/**
 * One row of {@code retention_schedules}, also its JSON form.
 *
 * @param verified false for starter entries the agency has not confirmed yet
 * @param note why an entry is not verified
 */
public record ScheduleRow(
    String seriesCode,
    String title,
    String period,
    String action,
    String legalBasis,
    boolean verified,
    String note,
    Instant updatedAt,
    String updatedBy) {

  /** The library's schedule. */
  public Schedule schedule() {
    return new Schedule(
        seriesCode,
        title,
        RetentionPeriod.parse(period),
        DispositionAction.valueOf(action),
        legalBasis,
        verified,
        note);
  }

  static ScheduleRow of(Schedule s, Instant at, String by) {
    return new ScheduleRow(
        s.seriesCode(),
        s.title(),
        s.period().format(),
        s.action().name(),
        s.legalBasis(),
        s.verified(),
        s.note(),
        at,
        by);
  }
}
