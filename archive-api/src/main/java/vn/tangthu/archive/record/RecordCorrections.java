package vn.tangthu.archive.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.input.Dates;
import vn.tangthu.archive.outbox.ChangeFollower;
import vn.tangthu.archive.outbox.OutboxDao;

/**
 * Corrections of record metadata: an ARCHIVIST of the owning agency, or a SUBMITTER of it within 30
 * days of the ingest. Each correction keeps the values it replaced (the record's history) and
 * commits with a change-log event, so the index follows. Thread-safe.
 */
public final class RecordCorrections {

  static final Duration SUBMITTER_WINDOW = Duration.ofDays(30);

  private final Jdbi jdbi;
  private final RecordReader reader;
  private final AccessPolicy access;
  private final ChangeFollower worker;
  private final ObjectMapper json;
  private final Clock clock;
  private final AuditTrail audit;
  private final RetentionHook retention;

  public RecordCorrections(
      Jdbi jdbi,
      RecordReader reader,
      AccessPolicy access,
      ChangeFollower worker,
      ObjectMapper json,
      Clock clock,
      AuditTrail audit,
      RetentionHook retention) {
    this.jdbi = jdbi;
    this.reader = reader;
    this.access = access;
    this.worker = worker;
    this.json = json;
    this.clock = clock;
    this.audit = audit;
    this.retention = retention;
  }

  /**
   * Applies {@code body} to the record and returns the corrected row. The correction, its history
   * row, its change-log event and its audit entry commit together; a refusal is audited as DENIED.
   */
  public RecordRow correct(Caller caller, String id, JsonNode body, String address) {
    try {
      return apply(caller, id, body, address);
    } catch (ApiException e) {
      audit.appendNow(
          AuditEvent.of(
                  caller,
                  AuditEvent.RECORD_CORRECT,
                  AuditEvent.RECORD,
                  id,
                  AuditOutcome.DENIED,
                  address)
              .withDetail("code", e.code()));
      throw e;
    }
  }

  private RecordRow apply(Caller caller, String id, JsonNode body, String address) {
    RecordRow row = reader.visible(caller, id);
    Instant now = clock.instant();
    boolean archivist = access.actsFor(caller, Role.ARCHIVIST, row.agencyCode());
    boolean submitter =
        access.actsFor(caller, Role.SUBMITTER, row.agencyCode())
            && now.isBefore(row.createdAt().plus(SUBMITTER_WINDOW));
    if (!archivist && !submitter) {
      throw ApiException.forbidden(
          "Only an archivist of the owning agency, or its submitters within 30 days, correct a"
              + " record.",
          "Chỉ lưu trữ viên của cơ quan sở hữu, hoặc người nộp trong 30 ngày, được sửa văn bản.");
    }
    if (!"ACTIVE".equals(row.status())) {
      throw ApiException.of(
          410,
          "DISPOSED",
          "The record was " + row.status().toLowerCase() + ".",
          "Văn bản đã bị hủy.");
    }
    RecordPatch patch = RecordPatch.parse(body, new Dates(clock));
    RecordRow corrected = patch.applyTo(row);
    String previous = write(RecordPatch.previous(row, patch.changes().keySet()));
    String changes = write(patch.changes());
    jdbi.useTransaction(
        h -> {
          retention.enter(h);
          if (patch.changes().containsKey("fileCode")
              && corrected.fileCode() != null
              && !retention.mayFile(h, corrected.agencyCode(), corrected.fileCode())) {
            throw RetentionHook.fileCodeRefused();
          }
          RecordDao dao = h.attach(RecordDao.class);
          dao.updateMetadata(corrected);
          retention.recompute(h, List.of(row.id()));
          dao.insertHistory(row.id(), now, caller.username(), previous, changes);
          OutboxDao outbox = h.attach(OutboxDao.class);
          if (narrowsVisibility(row.accessLevel(), corrected.accessLevel())) {
            outbox.appendNarrowing(List.of(row.id()), "UPSERT", now);
          } else {
            outbox.append(List.of(row.id()), "UPSERT", now);
          }
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      AuditEvent.RECORD_CORRECT,
                      AuditEvent.RECORD,
                      row.id().toString(),
                      AuditOutcome.SUCCESS,
                      address)
                  .withDetail("fields", String.join(",", patch.changes().keySet()))
                  .concerning(row.agencyCode()));
        });
    worker.wake();
    retention.protect(List.of(row.id()));
    return corrected;
  }

  /**
   * Whether someone who could read a record at access level {@code from} may not at {@code to}: any
   * change except to PUBLIC (INTERNAL to RESTRICTED hides it from the owner's ancestors, RESTRICTED
   * to INTERNAL from its grantees).
   */
  static boolean narrowsVisibility(String from, String to) {
    return !from.equals(to) && !"PUBLIC".equals(to);
  }

  /** The record's corrections, oldest first; the read is audited. */
  public List<RecordDao.HistoryRow> history(Caller caller, String id, String address) {
    RecordRow row = reader.read(caller, id, AuditEvent.HISTORY_READ, address);
    return jdbi.withExtension(RecordDao.class, d -> d.history(row.id()));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
