package vn.tangthu.archive.sweep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.sweep.SweepItem;

/** One row of {@code sweep_items}. */
public record ItemRow(
    UUID sweepId,
    UUID recordId,
    String fileCode,
    String action,
    LocalDate eligibleOn,
    String state,
    String removedBy,
    String removedReason,
    String skipReason,
    Instant doneAt) {

  /** The item as the retention library sees it. */
  public SweepItem item() {
    return new SweepItem(
        recordId.toString(),
        Optional.ofNullable(fileCode),
        DispositionAction.valueOf(action),
        eligibleOn);
  }
}
