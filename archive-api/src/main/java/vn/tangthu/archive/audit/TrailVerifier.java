package vn.tangthu.archive.audit;

import java.util.Set;
import org.jdbi.v3.core.Handle;
import vn.tangthu.archive.audit.AuditVerification.Problem;

/**
 * One verification of the whole trail over one database snapshot: every entry chains from genesis,
 * the {@code audit_head} row names the last entry, and the anchored entry is present with the
 * anchored hash (entries after it must chain from it). The anchor must have been read before the
 * snapshot was taken, so the snapshot holds every entry it names. With a set of agencies, the
 * answer is the one an auditor of those agencies may see (see {@link AuditLog#verify(Set)}). Not
 * thread-safe; use once.
 */
final class TrailVerifier {

  private final AnchoredHead anchor;
  private final boolean anchorUnreadable;
  private final ChainWalker walk = new ChainWalker(1, AuditChain.GENESIS);
  private final Set<String> agencies;
  private String hashAtAnchor;
  private long theirs;

  /**
   * @param agencies whose entries the answer may speak of; null for all
   */
  TrailVerifier(AnchoredHead anchor, boolean anchorUnreadable, Set<String> agencies) {
    this.anchor = anchor;
    this.anchorUnreadable = anchorUnreadable;
    this.agencies = agencies == null ? null : Set.copyOf(agencies);
  }

  AuditVerification run(Handle h) {
    AuditVerification full = verify(h);
    if (agencies == null) {
      return full;
    }
    Long broken = full.firstBrokenId();
    boolean brokenIsTheirs =
        broken != null
            && AuditRows.find(h, broken)
                .map(e -> e.agencyCode() != null && agencies.contains(e.agencyCode()))
                .orElse(false);
    return new AuditVerification(
        full.valid(),
        theirs,
        brokenIsTheirs ? broken : null,
        brokenIsTheirs ? full.problem() : null,
        null,
        null);
  }

  private AuditVerification verify(Handle h) {
    AuditRows.Head head = AuditRows.head(h);
    h.createQuery("SELECT " + AuditRows.COLUMNS + " FROM audit_log ORDER BY id")
        .setFetchSize(AuditLog.WALK_PAGE)
        .map(AuditRows.ENTRY)
        .forEach(
            e -> {
              if (agencies != null && e.agencyCode() != null && agencies.contains(e.agencyCode())) {
                theirs++;
              }
              if (walk.accept(e) && e.id() == anchor.entryId()) {
                hashAtAnchor = e.hash();
              }
            });
    ChainWalker.Break first = firstBreak(head);
    Long anchoredId = anchor.entryId() == 0 ? null : anchor.entryId();
    if (first == null && anchorUnreadable) {
      return new AuditVerification(
          false, walk.count(), null, Problem.ANCHOR_UNREADABLE, null, null);
    }
    return new AuditVerification(
        first == null,
        walk.count(),
        first == null ? null : first.id(),
        first == null ? null : first.problem(),
        anchoredId,
        anchor.anchoredAt());
  }

  private ChainWalker.Break firstBreak(AuditRows.Head head) {
    if (walk.broken() != null) {
      ChainWalker.Break b = walk.broken();
      if (hashAtAnchor != null && !hashAtAnchor.equals(anchor.hash())) {
        return new ChainWalker.Break(anchor.entryId(), Problem.ANCHOR_MISMATCH);
      }
      return b;
    }
    long lastId = walk.last() == null ? 0 : walk.last().id();
    String lastHash = walk.last() == null ? AuditChain.GENESIS : walk.last().hash();
    if (anchor.entryId() > 0 && hashAtAnchor != null && !hashAtAnchor.equals(anchor.hash())) {
      return new ChainWalker.Break(anchor.entryId(), Problem.ANCHOR_MISMATCH);
    }
    if (anchor.entryId() > lastId || head.lastId() > lastId) {
      return new ChainWalker.Break(lastId + 1, Problem.TRUNCATED);
    }
    if (head.lastId() < lastId) {
      return new ChainWalker.Break(head.lastId() + 1, Problem.HEAD_MISMATCH);
    }
    if (!head.lastHash().equals(lastHash)) {
      return new ChainWalker.Break(lastId, Problem.HEAD_MISMATCH);
    }
    return null;
  }
}
