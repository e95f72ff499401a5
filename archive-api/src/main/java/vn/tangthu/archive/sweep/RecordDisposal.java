package vn.tangthu.archive.sweep;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.indexing.IndexerWorker;
import vn.tangthu.archive.outbox.OutboxDao;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.record.RecordRow;
import vn.tangthu.archive.storage.ObjectKeys;
import vn.tangthu.archive.storage.ObjectPurge;

/**
 * Disposes of one sweep item: every version of the original and detached signature of the main
 * record and its attachments, and their extracted text, are deleted from storage; then, in one
 * transaction, the records take their final status, the change log gets a DELETE per record (the
 * indexer drops them), the item is marked and the disposal audited. Repeating it after a crash is
 * harmless: purging what is already gone does nothing. Thread-safe.
 */
final class RecordDisposal {

  /** How an item leaves the archive. */
  enum Kind {
    DESTROY("DISPOSED", "DONE", AuditEvent.RECORD_DISPOSE),
    TRANSFER("TRANSFERRED", "TRANSFERRED", AuditEvent.RECORD_TRANSFER);

    final String recordStatus;
    final String itemState;
    final String auditAction;

    Kind(String recordStatus, String itemState, String auditAction) {
      this.recordStatus = recordStatus;
      this.itemState = itemState;
      this.auditAction = auditAction;
    }
  }

  private final Jdbi jdbi;
  private final ObjectPurge purge;
  private final String originals;
  private final String derived;
  private final IndexerWorker worker;
  private final AuditTrail audit;
  private final Clock clock;

  RecordDisposal(
      Jdbi jdbi,
      ObjectPurge purge,
      String originals,
      String derived,
      IndexerWorker worker,
      AuditTrail audit,
      Clock clock) {
    this.jdbi = jdbi;
    this.purge = purge;
    this.originals = originals;
    this.derived = derived;
    this.worker = worker;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Disposes of the item of {@code sweepId} for main record {@code mainId}.
   *
   * <p>The item is first marked PURGING: from then on the decision stands, and a later run finishes
   * it without re-checking (some of its bytes may already be gone).
   *
   * @throws vn.tangthu.archive.storage.StorageException when storage refuses or fails; the item
   *     stays PURGING and a later run finishes it
   */
  void dispose(Caller caller, UUID sweepId, UUID mainId, Kind kind) {
    jdbi.useExtension(
        SweepDao.class, d -> d.setItemState(sweepId, mainId, "PURGING", null, clock.instant()));
    List<UUID> ids = new ArrayList<>();
    ids.add(mainId);
    ids.addAll(jdbi.withExtension(SweepDao.class, d -> d.attachmentIds(mainId)));
    List<RecordRow> rows = jdbi.withExtension(RecordDao.class, d -> d.findAll(ids));
    for (RecordRow r : rows) {
      purge.purge(originals, r.objectKey());
      if (r.signatureKey() != null) {
        purge.purge(originals, r.signatureKey());
      }
      purge.purge(derived, ObjectKeys.text(r.id()));
      if (r.textKey() != null && !r.textKey().equals(ObjectKeys.text(r.id()))) {
        purge.purge(derived, r.textKey());
      }
    }
    Instant now = clock.instant();
    String agency = rows.isEmpty() ? null : rows.get(0).agencyCode();
    jdbi.useTransaction(
        h -> {
          SweepDao dao = h.attach(SweepDao.class);
          dao.markGone(mainId, kind.recordStatus, now);
          dao.setItemState(sweepId, mainId, kind.itemState, null, now);
          h.attach(OutboxDao.class).appendNarrowing(ids, "DELETE", now);
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      kind.auditAction,
                      AuditEvent.RECORD,
                      mainId.toString(),
                      AuditOutcome.SUCCESS,
                      null)
                  .withDetail("sweepId", sweepId)
                  .withDetail("attachments", ids.size() - 1)
                  .concerning(agency));
        });
    worker.wake();
  }
}
