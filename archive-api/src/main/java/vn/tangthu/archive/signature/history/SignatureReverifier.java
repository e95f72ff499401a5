package vn.tangthu.archive.signature.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.record.RecordRow;
import vn.tangthu.archive.record.SignatureInspection;
import vn.tangthu.archive.storage.ObjectKeys;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.archive.storage.StorageException;
import vn.tangthu.signature.SignatureReport;

/**
 * Re-runs signature verification on stored records with the current trust anchors and CRLs (an
 * explicit act: reports are never recomputed silently). When the new report differs, it replaces
 * the record's report and the old one is kept in {@code signature_history}, in one transaction with
 * an audit entry ({@value #ACTION}); an unchanged report is only audited. Failures (unreadable
 * object, verification over its time limit) leave the stored report as it was. Thread-safe.
 */
public final class SignatureReverifier {
  /** The audit action of a re-verification. */
  public static final String ACTION = "SIGNATURE_REVERIFY";

  private static final int PAGE = 200;

  private final Jdbi jdbi;
  private final ObjectStore store;
  private final String bucket;
  private final SignatureInspection inspection;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;
  private final Path tmp;

  public SignatureReverifier(
      Jdbi jdbi,
      ObjectStore store,
      String bucket,
      SignatureInspection inspection,
      AuditTrail audit,
      ObjectMapper json,
      Clock clock,
      Path tmp) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.store = Objects.requireNonNull(store, "store");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.inspection = Objects.requireNonNull(inspection, "inspection");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.json = Objects.requireNonNull(json, "json");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tmp = Objects.requireNonNull(tmp, "tmp");
  }

  /**
   * What re-verifying one record came to.
   *
   * @param recordId the record
   * @param state CHANGED (new report stored, old one in the history), UNCHANGED, SKIPPED (content
   *     disposed) or FAILED (nothing stored)
   * @param before the previous overall status, or null
   * @param after the new overall status, or null when it failed
   * @param detail a reason for a failure, else empty
   */
  public record Outcome(UUID recordId, String state, String before, String after, String detail) {
    /** One console line: {@code <id> <state> <before> -> <after> <detail>}. */
    public String line() {
      return recordId
          + " "
          + state
          + (after == null ? "" : " " + before + " -> " + after)
          + (detail.isEmpty() ? "" : " " + detail);
    }
  }

  /** Re-verifies one record on behalf of {@code actor} (a username or a command's name). */
  public Outcome reverify(UUID id, String actor) {
    Optional<RecordRow> found = jdbi.withExtension(RecordDao.class, d -> d.find(id));
    if (found.isEmpty()) {
      return new Outcome(id, "FAILED", null, null, "no such record");
    }
    RecordRow row = found.get();
    String before = status(row.signature());
    if (!"ACTIVE".equals(row.status())) {
      return new Outcome(id, "SKIPPED", before, null, "content " + row.status().toLowerCase());
    }
    SignatureReport report;
    try {
      report = verify(row);
    } catch (ApiException e) {
      audited(row, actor, AuditOutcome.FAILED, before, null);
      return new Outcome(id, "FAILED", before, null, e.getMessage());
    } catch (StorageException | IOException | UncheckedIOException e) {
      return new Outcome(id, "FAILED", before, null, "the stored object cannot be read: " + e);
    }
    String reportJson = inspection.toJson(report);
    String after = report.status().name();
    if (sameJson(row.signature(), reportJson)) {
      audited(row, actor, AuditOutcome.SUCCESS, before, after);
      return new Outcome(id, "UNCHANGED", before, after, "");
    }
    Instant now = clock.instant();
    int stored =
        jdbi.inTransaction(
            h -> {
              int n =
                  h.attach(SignatureHistoryDao.class)
                      .replace(id, row.signature(), reportJson, actor, now);
              if (n == 1) {
                audit.append(h, event(row, actor, AuditOutcome.SUCCESS, before, after));
              }
              return n;
            });
    if (stored != 1) {
      return new Outcome(id, "FAILED", before, after, "the report changed meanwhile; run again");
    }
    return new Outcome(id, "CHANGED", before, after, "");
  }

  /** Re-verifies every active signed record in id order; returns how many failed. */
  public long reverifyAll(String actor, Consumer<Outcome> out) {
    long failed = 0;
    UUID after = null;
    List<UUID> page;
    do {
      UUID from = after;
      page = jdbi.withExtension(SignatureHistoryDao.class, d -> d.signedPage(from, PAGE));
      for (UUID id : page) {
        Outcome o = reverify(id, actor);
        failed += "FAILED".equals(o.state()) ? 1 : 0;
        out.accept(o);
        after = id;
      }
    } while (page.size() == PAGE);
    return failed;
  }

  private SignatureReport verify(RecordRow row) throws IOException {
    Path file = download(row.objectKey());
    Path detached = null;
    try {
      if (row.signatureKey() != null) {
        detached = download(row.signatureKey());
      }
      return ObjectKeys.isSignedMessage(row.signatureKey())
          ? inspection.inspect(file, row.contentType(), null, detached)
          : inspection.inspect(file, row.contentType(), detached);
    } finally {
      Files.deleteIfExists(file);
      if (detached != null) {
        Files.deleteIfExists(detached);
      }
    }
  }

  private Path download(String key) throws IOException {
    Path file = Files.createTempFile(tmp, "reverify-", ".bin");
    try (InputStream in = store.get(bucket, key)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private void audited(
      RecordRow row, String actor, AuditOutcome outcome, String before, String after) {
    audit.appendNow(event(row, actor, outcome, before, after));
  }

  private static AuditEvent event(
      RecordRow row, String actor, AuditOutcome outcome, String before, String after) {
    return new AuditEvent(
            actor,
            null,
            row.agencyCode(),
            ACTION,
            AuditEvent.RECORD,
            row.id().toString(),
            outcome,
            null,
            java.util.Map.of())
        .withDetail("before", before)
        .withDetail("after", after);
  }

  private String status(String reportJson) {
    if (reportJson == null) {
      return null;
    }
    try {
      JsonNode n = json.readTree(reportJson).get("status");
      return n == null ? null : n.asText();
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private boolean sameJson(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    try {
      return json.readTree(a).equals(json.readTree(b));
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
