package vn.tangthu.retention.schedule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How a recomputed eligibility compares with the previous one, seen as a lock horizon: a date, or
 * forever for a permanent record, or no lock at all for an unscheduled one. A later horizon extends
 * the lock; an earlier one would shorten it, which the archive refuses with {@code
 * RETENTION_LOCKED} while a lock exists.
 */
public enum RetentionChange {
  /** The new horizon is later (or forever): allowed. */
  EXTEND,
  /** Same horizon. */
  SAME,
  /** The new horizon is earlier, or the lock would go away: refused when a lock exists. */
  SHORTEN;

  /** Compares the lock horizons of {@code before} and {@code after}. */
  public static RetentionChange between(Eligibility before, Eligibility after) {
    int c = compareHorizon(horizon(before), horizon(after));
    return c < 0 ? EXTEND : c == 0 ? SAME : SHORTEN;
  }

  /**
   * Whether this change must be refused with {@code RETENTION_LOCKED}.
   *
   * @param lockExists whether the object currently carries a retain-until in the future or a legal
   *     hold because it is permanent
   */
  public boolean refusedWhen(boolean lockExists) {
    return this == SHORTEN && lockExists;
  }

  // empty = no lock; LocalDate.MAX = forever
  private static Optional<LocalDate> horizon(Eligibility e) {
    Objects.requireNonNull(e, "eligibility");
    if (e instanceof Eligibility.Permanent) {
      return Optional.of(LocalDate.MAX);
    }
    return e.eligibleOn();
  }

  private static int compareHorizon(Optional<LocalDate> a, Optional<LocalDate> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isPresent(), b.isPresent());
    }
    return a.get().compareTo(b.get());
  }
}
