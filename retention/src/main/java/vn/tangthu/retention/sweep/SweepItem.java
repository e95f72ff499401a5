package vn.tangthu.retention.sweep;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import vn.tangthu.retention.schedule.DispositionAction;

/**
 * One record taken into a sweep.
 *
 * @param recordId the record
 * @param fileCode its dossier, if any
 * @param action what the sweep does with it; {@code REVIEW} items are listed, never executed
 * @param eligibleOn the eligibility date it was planned with
 */
public record SweepItem(
    String recordId, Optional<String> fileCode, DispositionAction action, LocalDate eligibleOn) {

  public SweepItem {
    if (recordId == null || recordId.isBlank()) {
      throw new IllegalArgumentException("recordId is required");
    }
    Objects.requireNonNull(fileCode, "fileCode");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(eligibleOn, "eligibleOn");
  }

  /** Whether execution acts on it (DESTROY or TRANSFER); REVIEW items are only listed. */
  public boolean executable() {
    return action != DispositionAction.REVIEW;
  }
}
