package vn.tangthu.archive.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.id.Ids;
import vn.tangthu.archive.input.Dates;
import vn.tangthu.archive.outbox.OutboxDao;
import vn.tangthu.archive.seal.Receipts;
import vn.tangthu.archive.storage.ObjectKeys;
import vn.tangthu.archive.storage.ObjectPurge;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.indexer.extract.TextExtractor;

/**
 * Stores a record: the one path of {@code POST /records} and of every import item. Given a {@link
 * Submission} (files spooled to local files while hashed), it checks the caller's right and the
 * duplicate rules, detects the media type from the bytes, verifies signatures and applies the
 * agency's policy, writes the originals (and a detached signature or the signed edXML message) to
 * S3 (recording an upload intent first), then commits the record rows, their source, the
 * idempotency key, the retention, the change-log events and the audit entries in one transaction.
 * The outcome is given only after that commit, so an acknowledged record is durable in S3 and
 * PostgreSQL; a submission that fails anywhere leaves no row and no index entry (its objects are
 * removed now, or by reconciliation after a crash). Thread-safe.
 */
public final class IngestService {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  /** Where the result of an ingest stands: the main record and its change-log position. */
  public record Outcome(UUID recordId, long position, boolean replayed) {}

  private final Jdbi jdbi;
  private final ObjectStore store;
  private final String bucket;
  private final TextExtractor detector;
  private final AccessPolicy access;
  private final AgencyDirectory agencies;
  private final Ids ids;
  private final Clock clock;
  private final Path tmp;
  private final long maxFileBytes;
  private final SignatureInspection signatures;
  private final Receipts receipts;
  private final AuditTrail audit;
  private final RetentionHook retention;
  private final ObjectMapper json;
  private final UploadReader uploads;
  private final ObjectPurge purge;
  private final Duplicates duplicates;

  public IngestService(
      Jdbi jdbi,
      ObjectStore store,
      String bucket,
      TextExtractor detector,
      AccessPolicy access,
      AgencyDirectory agencies,
      ObjectMapper json,
      Ids ids,
      Clock clock,
      Path tmp,
      long maxFileBytes,
      SignatureInspection signatures,
      Receipts receipts,
      AuditTrail audit,
      RetentionHook retention) {
    this.jdbi = jdbi;
    this.store = store;
    this.bucket = bucket;
    this.detector = detector;
    this.access = access;
    this.agencies = agencies;
    this.ids = ids;
    this.clock = clock;
    this.tmp = tmp;
    this.maxFileBytes = maxFileBytes;
    this.signatures = signatures;
    this.receipts = receipts;
    this.audit = audit;
    this.retention = retention;
    this.json = json;
    this.uploads = new UploadReader(json, new Dates(clock), tmp, maxFileBytes);
    this.purge = new ObjectPurge(store);
    this.duplicates = new Duplicates(jdbi);
  }

  /** Where files of a submission are spooled, and the largest file accepted. */
  public Path spoolDir() {
    return tmp;
  }

  public long maxFileBytes() {
    return maxFileBytes;
  }

  /**
   * The metadata of an import item: {@code fields} (the names and values of the {@code metadata}
   * part, dates as {@code YYYY-MM-DD}) read exactly as that part of {@code POST /records} is.
   *
   * @throws ApiException 400 {@code INVALID_METADATA} naming the field at fault
   */
  public RecordMetadata metadata(Map<String, Object> fields) {
    try {
      return uploads.metadata(new java.io.ByteArrayInputStream(json.writeValueAsBytes(fields)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Stores the multipart upload of {@code request} for {@code caller}. With an {@code
   * idempotencyKey} the caller used before, the same request (see {@link UploadFingerprint})
   * answers the first outcome again and another request is refused with 422 {@code
   * IDEMPOTENCY_KEY_REUSED}; either way nothing new is stored.
   */
  public Outcome ingest(Caller caller, HttpServletRequest request, String idempotencyKey)
      throws IOException {
    String key = idempotencyKey(idempotencyKey);
    if (!JakartaServletFileUpload.isMultipartContent(request)) {
      throw ApiException.of(
          415,
          "UNSUPPORTED_MEDIA",
          "Send the record as multipart/form-data with parts metadata and file.",
          "Gửi văn bản dạng multipart/form-data gồm các phần metadata và file.");
    }
    boolean used = key != null && earlier(caller, key).isPresent();
    try (UploadParts parts =
        uploads.read(request, m -> authorize(caller, m, RecordSource.UPLOAD, !used))) {
      return ingest(caller, parts.toSubmission(), key, request.getRemoteAddr(), CommitHook.NONE);
    }
  }

  /**
   * Stores {@code submission} for {@code caller}: the path every record takes. With an {@code
   * idempotencyKey} the caller used before, the same submission (see {@link UploadFingerprint})
   * answers the record it made then and another is refused with 422 {@code IDEMPOTENCY_KEY_REUSED};
   * either way nothing new is stored. The caller keeps ownership of the submission's files.
   *
   * @param idempotencyKey the caller's key for this record, or null (not checked for form here)
   * @param address the client's address for the audit trail, or null
   * @param hook work committed in the record's transaction
   * @throws ApiException the refusals of {@code POST /records} (403, 400 {@code INVALID_METADATA},
   *     409 {@code DUPLICATE} with {@code existingId}, 422 signature refusals, …); a refusal stores
   *     nothing
   */
  public Outcome ingest(
      Caller caller,
      Submission submission,
      String idempotencyKey,
      String address,
      CommitHook hook) {
    String fingerprint = idempotencyKey == null ? null : UploadFingerprint.of(submission);
    if (idempotencyKey != null) {
      Optional<RecordDao.IdempotentUse> earlier = earlier(caller, idempotencyKey);
      if (earlier.isPresent()) {
        return replay(earlier.get(), fingerprint);
      }
    }
    authorize(caller, submission.metadata(), submission.source(), true);
    duplicates.check(submission);
    return store(caller, submission, new KeyUse(idempotencyKey, fingerprint), address, hook);
  }

  private Optional<RecordDao.IdempotentUse> earlier(Caller caller, String key) {
    return jdbi.withExtension(RecordDao.class, d -> d.findIdempotent(caller.userId(), key));
  }

  /** The first outcome again for the same request; a refusal for another one. */
  private static Outcome replay(RecordDao.IdempotentUse earlier, String fingerprint) {
    if (earlier.fingerprint() != null && !earlier.fingerprint().equals(fingerprint)) {
      throw ApiException.of(
              422,
              "IDEMPOTENCY_KEY_REUSED",
              "This Idempotency-Key was used for a different request (metadata, file names or"
                  + " contents); use a new key for a new record.",
              "Idempotency-Key này đã dùng cho một yêu cầu khác (siêu dữ liệu, tên tệp hoặc nội"
                  + " dung); hãy dùng khóa mới cho văn bản mới.")
          .with("existingId", earlier.recordId().toString());
    }
    return new Outcome(earlier.recordId(), 0, true);
  }

  /**
   * The caller's right to store {@code m}: a SUBMITTER of the agency (or an ADMIN) uploads; an
   * import item is also stored for an ARCHIVIST of it.
   */
  private void authorize(
      Caller caller, RecordMetadata m, RecordSource source, boolean checkDuplicate) {
    if (!agencies.tree().exists(m.agencyCode())) {
      throw ApiException.badRequest(
              "UNKNOWN_AGENCY",
              "metadata.agencyCode names no agency: " + m.agencyCode(),
              "metadata.agencyCode không phải mã cơ quan: " + m.agencyCode())
          .with("field", "agencyCode");
    }
    boolean allowed =
        source.imported()
            ? access.canImportFor(caller, m.agencyCode())
            : access.canSubmitFor(caller, m.agencyCode());
    if (!allowed) {
      throw ApiException.forbidden(
          "You may not store records for agency " + m.agencyCode() + ".",
          "Bạn không được lưu văn bản cho cơ quan " + m.agencyCode() + ".");
    }
    if (m.fileCode() != null
        && !jdbi.withHandle(h -> retention.mayFile(h, m.agencyCode(), m.fileCode()))) {
      throw RetentionHook.fileCodeRefused();
    }
    if (checkDuplicate && m.docCode() != null) {
      jdbi.withExtension(RecordDao.class, d -> d.findByDocCode(m.agencyCode(), m.docCode()))
          .ifPresent(
              id -> {
                throw ApiException.of(
                        409,
                        "DUPLICATE",
                        "Agency "
                            + m.agencyCode()
                            + " already has a record with docCode "
                            + m.docCode()
                            + ".",
                        "Cơ quan " + m.agencyCode() + " đã có văn bản mã " + m.docCode() + ".")
                    .with("existingId", id.toString());
              });
    }
  }

  /** A spooled file with what ingest learnt of it before storing it. */
  private record Inspected(SpooledFile file, String contentType, String signatureJson) {}

  private Inspected inspect(SpooledFile file, SpooledFile detached) {
    String contentType = detector.detectMediaType(file.path(), file.fileName());
    var report =
        signatures.inspect(file.path(), contentType, detached == null ? null : detached.path());
    return new Inspected(file, contentType, signatures.toJson(report));
  }

  /** The rows to commit and the objects they need. */
  private record Planned(List<RecordRow> rows, List<String> keys, Map<UUID, String> versions) {}

  private Outcome store(Caller caller, Submission s, KeyUse key, String address, CommitHook hook) {
    String contentType = detector.detectMediaType(s.file().path(), s.file().fileName());
    SpooledFile kept = s.signature() != null ? s.signature() : s.signedMessage();
    var mainReport =
        signatures.inspect(
            s.file().path(),
            contentType,
            s.signature() == null ? null : s.signature().path(),
            s.signedMessage() == null ? null : s.signedMessage().path());
    SignatureInspection.enforce(
        agencies.tree().find(s.metadata().agencyCode()).map(a -> a.signaturePolicy()).orElse(null),
        mainReport);
    Inspected main = new Inspected(s.file(), contentType, signatures.toJson(mainReport));
    List<Inspected> attachments = new ArrayList<>();
    for (SpooledFile a : s.attachments()) {
      attachments.add(inspect(a, null));
    }
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    UUID mainId = ids.next();
    List<UUID> attachmentIds = new ArrayList<>();
    for (int i = 0; i < s.attachments().size(); i++) {
      attachmentIds.add(ids.next());
    }
    List<String> keys = new ArrayList<>();
    keys.add(ObjectKeys.original(mainId));
    attachmentIds.forEach(id -> keys.add(ObjectKeys.original(id)));
    String signatureKey =
        kept == null
            ? null
            : kept == s.signature()
                ? ObjectKeys.detachedSignature(mainId)
                : ObjectKeys.signedMessage(mainId);
    if (signatureKey != null) {
      keys.add(signatureKey);
    }
    jdbi.useTransaction(
        h -> keys.forEach(k -> h.attach(RecordDao.class).insertIntent(bucket, k, now)));
    try {
      Map<UUID, String> versions = new java.util.HashMap<>();
      List<RecordRow> rows = new ArrayList<>();
      rows.add(row(mainId, null, s.metadata(), main, signatureKey, now, caller, versions));
      RecordMetadata attachmentMeta = s.metadata().forAttachment();
      for (int i = 0; i < attachmentIds.size(); i++) {
        rows.add(
            row(
                attachmentIds.get(i),
                mainId,
                attachmentMeta,
                attachments.get(i),
                null,
                now,
                caller,
                versions));
      }
      if (signatureKey != null) {
        store.put(
            bucket,
            signatureKey,
            kept.path(),
            kept == s.signature() ? "application/pkcs7-signature" : "application/xml",
            Map.of("sha256", kept.sha256()));
      }
      Outcome outcome =
          commit(caller, s, new Planned(rows, keys, versions), key, now, address, hook);
      retention.protect(rows.stream().map(RecordRow::id).toList());
      return outcome;
    } catch (IdempotentReplay r) {
      discard(keys);
      return replay(r.earlier, key.fingerprint());
    } catch (RuntimeException e) {
      discard(keys);
      throw e;
    }
  }

  private RecordRow row(
      UUID id,
      UUID mainId,
      RecordMetadata metadata,
      Inspected inspected,
      String signatureKey,
      Instant now,
      Caller caller,
      Map<UUID, String> versions) {
    StoredFile stored = upload(id, inspected.file(), inspected.contentType());
    if (stored.versionId() != null) {
      versions.put(id, stored.versionId());
    }
    String receipt = receipts.sign(id.toString(), stored.sha256(), now);
    return RecordRow.create(
        id,
        mainId,
        metadata,
        stored,
        signatureKey,
        now,
        caller.username(),
        inspected.signatureJson(),
        receipt);
  }

  private StoredFile upload(UUID id, SpooledFile file, String contentType) {
    String objectKey = ObjectKeys.original(id);
    String version =
        store.put(bucket, objectKey, file.path(), contentType, Map.of("sha256", file.sha256()));
    return new StoredFile(
        objectKey, file.sha256(), file.size(), contentType, file.fileName(), version);
  }

  private Outcome commit(
      Caller caller,
      Submission s,
      Planned planned,
      KeyUse key,
      Instant now,
      String address,
      CommitHook hook) {
    try {
      return jdbi.inTransaction(h -> commitIn(h, caller, s, planned, key, now, address, hook));
    } catch (UnableToExecuteStatementException e) {
      throw duplicates.raced(e, s).orElseThrow(() -> e);
    }
  }

  private Outcome commitIn(
      Handle h,
      Caller caller,
      Submission s,
      Planned planned,
      KeyUse key,
      Instant now,
      String address,
      CommitHook hook) {
    hook.begin(h);
    retention.enter(h);
    RecordRow main = planned.rows().get(0);
    if (main.fileCode() != null && !retention.mayFile(h, main.agencyCode(), main.fileCode())) {
      throw RetentionHook.fileCodeRefused();
    }
    duplicates.recheck(h, s);
    RecordDao records = h.attach(RecordDao.class);
    UUID mainId = main.id();
    planned.rows().forEach(records::insert);
    planned.versions().forEach(records::setObjectVersion);
    if (s.source().imported()) {
      RecordSourceDao sources = h.attach(RecordSourceDao.class);
      planned.rows().forEach(r -> sources.insert(r.id(), r.mainRecordId() == null, s.source()));
    }
    retention.recompute(h, List.of(mainId));
    if (key.key() != null
        && records.insertIdempotent(caller.userId(), key.key(), mainId, key.fingerprint(), now)
            == 0) {
      throw new IdempotentReplay(records.findIdempotent(caller.userId(), key.key()).orElseThrow());
    }
    planned.keys().forEach(k -> records.deleteIntent(bucket, k));
    hook.committing(h, mainId);
    long position =
        h.attach(OutboxDao.class)
            .append(planned.rows().stream().map(RecordRow::id).toList(), "UPSERT", now);
    for (RecordRow r : planned.rows()) {
      audit.append(
          h,
          AuditEvent.of(
                  caller,
                  AuditEvent.RECORD_CREATE,
                  AuditEvent.RECORD,
                  r.id().toString(),
                  AuditOutcome.SUCCESS,
                  address)
              .withDetail("sha256", r.sha256())
              .withDetail("agencyCode", r.agencyCode())
              .withDetail("importId", s.source().importId())
              .concerning(r.agencyCode()));
    }
    return new Outcome(mainId, position, false);
  }

  /** The Idempotency-Key of a submission (null when none) and the request's fingerprint. */
  private record KeyUse(String key, String fingerprint) {}

  /**
   * Thrown inside the transaction when a concurrent request with the same key committed first; the
   * transaction rolls back and the request is answered by {@link #replay}.
   */
  static final class IdempotentReplay extends RuntimeException {
    final RecordDao.IdempotentUse earlier;

    IdempotentReplay(RecordDao.IdempotentUse earlier) {
      super(null, null, false, false);
      this.earlier = earlier;
    }
  }

  /**
   * Removes every version of the objects a failed upload wrote (a plain delete would leave the
   * bytes behind as a non-current version), then their intents. What fails is left to
   * reconciliation.
   */
  private void discard(List<String> keys) {
    for (String k : keys) {
      try {
        purge.purge(bucket, k);
        jdbi.useExtension(RecordDao.class, d -> d.deleteIntent(bucket, k));
      } catch (RuntimeException e) {
        LOG.warn(
            "Could not remove {} after a failed upload; reconciliation will: {}", k, e.toString());
      }
    }
  }

  private static String idempotencyKey(String key) {
    if (key == null) {
      return null;
    }
    if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "Idempotency-Key must be 1 to 200 printable ASCII characters.",
          "Idempotency-Key phải gồm 1 đến 200 ký tự ASCII in được.");
    }
    return key;
  }
}
