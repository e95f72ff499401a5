package vn.tangthu.archive.record;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.id.Ids;

/**
 * Reads records through the visibility rule: a record the caller may not read is answered exactly
 * like one that does not exist (404). Thread-safe.
 */
public final class RecordReader {

  private final Jdbi jdbi;
  private final AccessPolicy access;
  private final AuditTrail audit;

  public RecordReader(Jdbi jdbi, AccessPolicy access, AuditTrail audit) {
    this.jdbi = jdbi;
    this.access = access;
    this.audit = audit;
  }

  /**
   * The row, if {@code caller} may read it, with the read (or its refusal) appended to the audit
   * trail in the next batch.
   */
  public RecordRow read(Caller caller, String id, String action, String address) {
    try {
      RecordRow row = visible(caller, id);
      audit.appendRead(
          AuditEvent.of(caller, action, AuditEvent.RECORD, id, AuditOutcome.SUCCESS, address)
              .concerning(row.agencyCode()));
      return row;
    } catch (ApiException e) {
      audit.appendRead(
          AuditEvent.of(caller, action, AuditEvent.RECORD, id, AuditOutcome.DENIED, address));
      throw e;
    }
  }

  /** The row, if it exists and {@code caller} may read it. */
  public RecordRow visible(Caller caller, String id) {
    UUID uuid = Ids.parse(id).orElseThrow(ApiException::notFound);
    RecordRow row =
        jdbi.withExtension(RecordDao.class, d -> d.find(uuid)).orElseThrow(ApiException::notFound);
    if (!access.canRead(caller, row.id(), row.agencyCode(), row.accessLevel())) {
      throw ApiException.notFound();
    }
    return row;
  }

  public RecordView view(RecordRow row) {
    List<UUID> attachments =
        row.mainRecordId() == null
            ? jdbi.withExtension(RecordDao.class, d -> d.attachmentIds(row.id()))
            : List.of();
    RecordDao.RetentionColumns retention =
        jdbi.withExtension(RecordDao.class, d -> d.retention(row.id()));
    RecordSource source =
        jdbi.withExtension(RecordSourceDao.class, d -> d.find(row.id()))
            .orElse(RecordSource.UPLOAD);
    OcrProgress ocr =
        jdbi.withExtension(RecordOcrDao.class, d -> d.find(row.id()))
            .map(RecordOcrDao.Row::view)
            .orElse(null);
    return RecordView.of(row, attachments, retention, source, ocr);
  }

  /** A page of records the caller may read, in id (creation) order. */
  public Page page(Caller caller, String agencyCode, String cursor, int size) {
    return filtered(caller, cursor, size, (d, from, limit) -> d.page(agencyCode, from, limit));
  }

  /**
   * A page of the records of dossier {@code fileCode} of agency {@code agencyCode} (a dossier holds
   * its own agency's records only) the caller may read, in id order.
   */
  public Page dossierPage(
      Caller caller, String fileCode, String agencyCode, String cursor, int size) {
    return filtered(
        caller,
        cursor,
        size,
        (d, from, limit) -> d.pageByFileCode(fileCode, agencyCode, from, limit));
  }

  @FunctionalInterface
  private interface Rows {
    List<RecordRow> page(RecordDao dao, UUID after, int limit);
  }

  private Page filtered(Caller caller, String cursor, int size, Rows source) {
    UUID after = vn.tangthu.archive.input.Cursors.uuid(cursor).orElse(null);
    List<RecordView> items = new java.util.ArrayList<>();
    UUID last = after;
    while (items.size() < size) {
      UUID from = last;
      List<RecordRow> rows =
          jdbi.withExtension(RecordDao.class, d -> source.page(d, from, size * 2));
      for (RecordRow r : rows) {
        last = r.id();
        if (access.canRead(caller, r.id(), r.agencyCode(), r.accessLevel())) {
          items.add(view(r));
          if (items.size() == size) {
            break;
          }
        }
      }
      if (rows.size() < size * 2) {
        return new Page(items, items.size() == size ? last.toString() : null);
      }
    }
    return new Page(items, last == null ? null : last.toString());
  }

  /** A page of records and the cursor of the next one (null at the end). */
  public record Page(List<RecordView> items, String nextCursor) {}
}
