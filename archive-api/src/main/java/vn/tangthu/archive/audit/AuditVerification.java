package vn.tangthu.archive.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The result of checking the whole trail. An auditor who is not ADMIN gets a narrower answer about
 * the same check (see {@link AuditLog#verify(java.util.Set)}): {@code entries} counts only their
 * agency tree's entries, {@code firstBrokenId} and {@code problem} are given only when the first
 * broken entry is theirs, and the anchor is not shown.
 *
 * @param valid true when every entry chains from genesis, the database head names the last entry,
 *     and the anchored entry is present with the anchored hash
 * @param entries how many entries the trail holds
 * @param firstBrokenId the first entry that fails (for a missing entry: the id it should have had);
 *     null when valid, or when only the anchor itself could not be read
 * @param problem what failed first; null when valid
 * @param anchoredId the entry the external anchor names; null when nothing was ever anchored
 * @param anchoredAt when that anchor was written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(
    boolean valid,
    long entries,
    Long firstBrokenId,
    Problem problem,
    Long anchoredId,
    Instant anchoredAt) {

  /** Why verification failed. */
  public enum Problem {
    /** An entry's content no longer matches its hash (or its rewritten hash breaks the chain). */
    ENTRY_CHANGED,
    /** An entry does not chain from the one before it. */
    CHAIN_BROKEN,
    /** Entries were inserted: a later entry chains from the one before them. */
    ENTRY_INSERTED,
    /** An id is missing from the middle of the trail. */
    ENTRY_MISSING,
    /** The newest entries are missing: the database head or the anchor names a later entry. */
    TRUNCATED,
    /** The database's head row does not name the last entry. */
    HEAD_MISMATCH,
    /** The anchored entry's hash differs from the anchored hash: history was rewritten. */
    ANCHOR_MISMATCH,
    /** The anchor object exists but cannot be read. */
    ANCHOR_UNREADABLE
  }
}
