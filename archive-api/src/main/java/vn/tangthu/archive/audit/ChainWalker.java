package vn.tangthu.archive.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.tangthu.archive.audit.AuditVerification.Problem;

/**
 * Checks entries one by one, in id order, from a known starting point. Stops checking at the first
 * break but keeps counting. Not thread-safe.
 */
final class ChainWalker {

  /** The first failure: the entry id and why. */
  record Break(long id, Problem problem) {}

  private static final int RECENT = 4096;

  private final Map<String, Long> recent =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > RECENT;
        }
      };
  private long nextId;
  private String prevHash;
  private AuditEntry last;
  private long count;
  private Break broken;

  /** A walk that expects entry {@code firstId} to chain from {@code prevHash}. */
  ChainWalker(long firstId, String prevHash) {
    this.nextId = firstId;
    this.prevHash = prevHash;
    recent.put(prevHash, firstId - 1);
  }

  /** Checks the next entry; false once the walk is broken. */
  boolean accept(AuditEntry e) {
    count++;
    if (broken != null) {
      return false;
    }
    broken = check(e);
    if (broken != null) {
      return false;
    }
    prevHash = e.hash();
    recent.put(e.hash(), e.id());
    nextId = e.id() + 1;
    last = e;
    return true;
  }

  private Break check(AuditEntry e) {
    if (e.id() != nextId) {
      return new Break(nextId, Problem.ENTRY_MISSING);
    }
    boolean selfConsistent = AuditChain.hash(e).equals(e.hash());
    if (prevHash.equals(e.prevHash())) {
      return selfConsistent ? null : new Break(e.id(), Problem.ENTRY_CHANGED);
    }
    Long earlier = recent.get(e.prevHash());
    if (earlier != null
        && earlier < e.id() - 1
        && (selfConsistent || AuditChain.hash(renumbered(e, earlier + 1)).equals(e.hash()))) {
      // an intact entry (perhaps moved to a later id) chains from an earlier one: the entries
      // between were inserted
      return new Break(earlier + 1, Problem.ENTRY_INSERTED);
    }
    if (selfConsistent && e.id() > 1 && last != null) {
      // this entry is intact, so the one before it was rewritten (its hash recomputed)
      return new Break(e.id() - 1, Problem.ENTRY_CHANGED);
    }
    return new Break(e.id(), selfConsistent ? Problem.ENTRY_CHANGED : Problem.CHAIN_BROKEN);
  }

  private static AuditEntry renumbered(AuditEntry e, long id) {
    return new AuditEntry(
        id,
        e.occurredAt(),
        e.actor(),
        e.rolesText(),
        e.agencyCode(),
        e.action(),
        e.targetType(),
        e.targetId(),
        e.outcome(),
        e.clientAddress(),
        e.detailsJson(),
        e.prevHash(),
        e.hash());
  }

  /** The last entry that checked out, or null. */
  AuditEntry last() {
    return last;
  }

  Break broken() {
    return broken;
  }

  long count() {
    return count;
  }
}
