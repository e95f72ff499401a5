package vn.tangthu.retention.sweep;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.schedule.Eligibility;

/**
 * The current facts about one record, as the archive-api reads them for planning or re-checking.
 *
 * @param recordId the record
 * @param fileCode its dossier, if any; a dossier's records are swept together
 * @param status its status
 * @param eligibility its eligibility under the current schedule and metadata
 * @param activeHoldIds the legal holds that cover it now (empty when none)
 */
public record SweepCandidate(
    String recordId,
    Optional<String> fileCode,
    RecordStatus status,
    Eligibility eligibility,
    Set<String> activeHoldIds) {

  public SweepCandidate {
    if (recordId == null || recordId.isBlank()) {
      throw new IllegalArgumentException("recordId is required");
    }
    Objects.requireNonNull(fileCode, "fileCode");
    fileCode = fileCode.filter(s -> !s.isBlank());
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(eligibility, "eligibility");
    activeHoldIds = Set.copyOf(activeHoldIds);
  }

  /** Whether any legal hold covers the record. */
  public boolean held() {
    return !activeHoldIds.isEmpty();
  }

  /** The action of its schedule, when it has a finite one. */
  public Optional<DispositionAction> action() {
    return eligibility instanceof Eligibility.Scheduled s
        ? Optional.of(s.schedule().action())
        : Optional.empty();
  }
}
