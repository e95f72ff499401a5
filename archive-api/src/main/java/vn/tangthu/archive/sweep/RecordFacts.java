package vn.tangthu.archive.sweep;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.schedule.Eligibility;
import vn.tangthu.retention.schedule.RetentionPeriod;
import vn.tangthu.retention.schedule.Schedule;
import vn.tangthu.retention.sweep.RecordStatus;
import vn.tangthu.retention.sweep.SweepCandidate;

/**
 * A main record's retention facts as stored in {@code records} (the effective retention last
 * computed), with the active holds on it or on any of its attachments.
 *
 * @param holdIds ids of unreleased holds covering the record or one of its attachments
 */
public record RecordFacts(
    UUID id,
    String fileCode,
    String status,
    String retentionState,
    String retentionSeries,
    String retentionPeriod,
    String retentionAction,
    LocalDate eligibleOn,
    List<String> holdIds) {

  public RecordFacts {
    holdIds = holdIds == null ? List.of() : List.copyOf(holdIds);
  }

  /** The facts as the retention library's candidate. */
  public SweepCandidate candidate() {
    return new SweepCandidate(
        id.toString(),
        Optional.ofNullable(fileCode),
        RecordStatus.valueOf(status),
        eligibility(),
        Set.copyOf(holdIds));
  }

  /**
   * The eligibility the stored columns describe. Anything inconsistent (a SCHEDULED row without a
   * date, an unreadable period) counts as unscheduled: kept, never swept.
   */
  Eligibility eligibility() {
    try {
      return switch (retentionState) {
        case "SCHEDULED" ->
            eligibleOn == null
                ? new Eligibility.Unscheduled(Eligibility.UnscheduledReason.NO_DATE)
                : new Eligibility.Scheduled(schedule(), eligibleOn);
        case "PERMANENT" -> new Eligibility.Permanent(schedule());
        default -> new Eligibility.Unscheduled(unscheduledReason());
      };
    } catch (IllegalArgumentException | NullPointerException e) {
      return new Eligibility.Unscheduled(Eligibility.UnscheduledReason.UNKNOWN_SERIES);
    }
  }

  private Schedule schedule() {
    RetentionPeriod period = RetentionPeriod.parse(retentionPeriod);
    DispositionAction action =
        retentionAction == null
            ? DispositionAction.REVIEW
            : DispositionAction.valueOf(retentionAction);
    return Schedule.verified(retentionSeries, retentionSeries, period, action, "as recorded");
  }

  private Eligibility.UnscheduledReason unscheduledReason() {
    if (retentionSeries == null) {
      return Eligibility.UnscheduledReason.NO_SERIES;
    }
    return retentionPeriod == null
        ? Eligibility.UnscheduledReason.UNKNOWN_SERIES
        : Eligibility.UnscheduledReason.NO_DATE;
  }
}
