package vn.tangthu.archive.evidence;

import java.util.Objects;
import java.util.UUID;

/**
 * What checking or renewing one record's evidence came to.
 *
 * @param recordId the record
 * @param state the result
 * @param detail why it failed, or what was done; never null
 */
public record EvidenceOutcome(UUID recordId, State state, String detail) {

  /** The result for one record. */
  public enum State {
    /** Verified (or renewed and verified). */
    OK,
    /** The record has no evidence yet (the next daily run makes it). */
    PENDING,
    /** Nothing to do (a renewal not yet due). */
    SKIPPED,
    /** The evidence does not prove the stored bytes, or the work could not be done. */
    FAILED
  }

  public EvidenceOutcome {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
  }

  /** One line for a console: {@code <id> OK|FAILED|... <detail>}. */
  public String line() {
    return recordId + " " + state + (detail.isEmpty() ? "" : " " + detail);
  }
}
