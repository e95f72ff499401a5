package vn.tangthu.storage.internal.store;

import java.time.Instant;

/**
 * Object Lock state of a version.
 *
 * @param mode {@code GOVERNANCE}, {@code COMPLIANCE} or null for no retention
 * @param retainUntil end of retention (null iff mode is null)
 * @param legalHold whether a legal hold is on
 */
public record LockState(String mode, Instant retainUntil, boolean legalHold) {
  public static final LockState NONE = new LockState(null, null, false);

  public LockState {
    if ((mode == null) != (retainUntil == null)) {
      throw new IllegalArgumentException("mode and retainUntil go together");
    }
    if (mode != null && !mode.equals("GOVERNANCE") && !mode.equals("COMPLIANCE")) {
      throw new IllegalArgumentException("unknown lock mode " + mode);
    }
  }

  /** Whether retention is still running at {@code now}. */
  public boolean retainedAt(Instant now) {
    return mode != null && retainUntil.isAfter(now);
  }
}
