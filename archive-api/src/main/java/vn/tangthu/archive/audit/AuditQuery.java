package vn.tangthu.archive.audit;

import java.time.Instant;

/**
 * A filter over the trail, newest first. Every filter is optional.
 *
 * @param targetId entries about this target (a record id, a token id, …)
 * @param actor entries by this username
 * @param action entries of this action
 * @param from entries that occurred at or after this instant
 * @param to entries that occurred before this instant
 * @param before the cursor: only entries with a smaller id
 * @param size page size, 1 to 100
 */
public record AuditQuery(
    String targetId, String actor, String action, Instant from, Instant to, Long before, int size) {

  public static final int MAX_SIZE = 100;

  public AuditQuery {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be from 1 to " + MAX_SIZE);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
    if (before != null && before < 1) {
      throw new IllegalArgumentException("the cursor must be a positive entry id");
    }
  }

  /** Everything, newest first. */
  public static AuditQuery all(int size) {
    return new AuditQuery(null, null, null, null, null, null, size);
  }
}
