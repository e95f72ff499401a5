package vn.tangthu.archive.record;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
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
import vn.tangthu.archive.outbox.OutboxDao;
import vn.tangthu.archive.seal.Receipts;
import vn.tangthu.archive.storage.ObjectKeys;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.indexer.extract.TextExtractor;

/**
 * Stores an upload: spools each part to a local file while hashing it, detects the media type from
 * the bytes, writes the originals to S3 (recording an upload intent first), then commits the record
 * rows, the idempotency key and the change-log events in one transaction. The answer is given only
 * after that commit, so an acknowledged record is durable in S3 and PostgreSQL; an upload that
 * fails anywhere leaves no row and no index entry (its objects are removed now, or by
 * reconciliation after a crash). Thread-safe.
 */
public final class IngestService {

  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
  private static final long MAX_METADATA_BYTES = 256 * 1024;
  private static final long MAX_SIGNATURE_BYTES = 16L * 1024 * 1024;
  private static final int MAX_ATTACHMENTS = 100;

  /** Where the result of an ingest stands: the main record and its change-log position. */
  public record Outcome(UUID recordId, long position, boolean replayed) {}

  private final Jdbi jdbi;
  private final ObjectStore store;
  private final String bucket;
  private final TextExtractor detector;
  private final AccessPolicy access;
  private final AgencyDirectory agencies;
  private final ObjectMapper json;
  private final Ids ids;
  private final Clock clock;
  private final Path tmp;
  private final long maxFileBytes;
  private final SignatureInspection signatures;
  private final Receipts receipts;
  private final AuditTrail audit;
  private final RetentionHook retention;

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
    this.json = json;
    this.ids = ids;
    this.clock = clock;
    this.tmp = tmp;
    this.maxFileBytes = maxFileBytes;
    this.signatures = signatures;
    this.receipts = receipts;
    this.audit = audit;
    this.retention = retention;
  }

  /** Stores the multipart upload of {@code request} for {@code caller}. */
  public Outcome ingest(Caller caller, HttpServletRequest request, String idempotencyKey)
      throws IOException {
    String key = idempotencyKey(idempotencyKey);
    if (key != null) {
      Optional<UUID> earlier = replay(caller, key);
      if (earlier.isPresent()) {
        return new Outcome(earlier.get(), 0, true);
      }
    }
    if (!JakartaServletFileUpload.isMultipartContent(request)) {
      throw ApiException.of(
          415,
          "UNSUPPORTED_MEDIA",
          "Send the record as multipart/form-data with parts metadata and file.",
          "Gửi văn bản dạng multipart/form-data gồm các phần metadata và file.");
    }
    try (UploadParts parts = read(caller, request)) {
      return store(caller, parts, key, request.getRemoteAddr());
    }
  }

  private Optional<UUID> replay(Caller caller, String key) {
    return jdbi.withExtension(RecordDao.class, d -> d.findIdempotent(caller.userId(), key));
  }

  private UploadParts read(Caller caller, HttpServletRequest request) throws IOException {
    UploadParts parts = new UploadParts();
    try {
      JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
      upload.setHeaderCharset(StandardCharsets.UTF_8);
      upload.setFileCountMax(MAX_ATTACHMENTS + 3);
      FileItemInputIterator it = upload.getItemIterator(request);
      while (it.hasNext()) {
        accept(caller, it.next(), parts);
      }
    } catch (FileUploadException e) {
      parts.close();
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "The multipart body is malformed: " + e.getMessage(),
          "Nội dung multipart không hợp lệ: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      parts.close();
      throw e;
    }
    if (parts.metadata == null) {
      parts.close();
      throw RecordMetadata.invalid("", "part is missing", "bị thiếu");
    }
    if (parts.file == null) {
      parts.close();
      throw ApiException.badRequest(
          "MISSING_FILE", "The file part is missing.", "Thiếu phần file (tệp văn bản).");
    }
    return parts;
  }

  private void accept(Caller caller, FileItemInput item, UploadParts parts) throws IOException {
    String name = item.getFieldName();
    try (InputStream in = item.getInputStream()) {
      switch (name == null ? "" : name) {
        case "metadata" -> {
          once(parts.metadata, name);
          parts.metadata = parseMetadata(in);
          authorize(caller, parts.metadata);
        }
        case "file" -> {
          once(parts.file, name);
          parts.file = SpooledFile.spool(in, item.getName(), tmp, maxFileBytes);
        }
        case "signature" -> {
          once(parts.signature, name);
          parts.signature = SpooledFile.spool(in, item.getName(), tmp, MAX_SIGNATURE_BYTES);
        }
        case "attachment" -> {
          if (parts.attachments.size() >= MAX_ATTACHMENTS) {
            throw ApiException.badRequest(
                "INVALID_REQUEST",
                "At most " + MAX_ATTACHMENTS + " attachments per record.",
                "Tối đa " + MAX_ATTACHMENTS + " phụ lục cho một văn bản.");
          }
          parts.attachments.add(SpooledFile.spool(in, item.getName(), tmp, maxFileBytes));
        }
        default ->
            throw ApiException.badRequest(
                    "INVALID_REQUEST",
                    "Unknown part '" + name + "': expected metadata, file, signature, attachment.",
                    "Phần '"
                        + name
                        + "' không hợp lệ: chỉ nhận metadata, file, signature, attachment.")
                .with("part", String.valueOf(name));
      }
    }
  }

  private static void once(Object existing, String name) {
    if (existing != null) {
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "The part '" + name + "' may appear only once.",
          "Phần '" + name + "' chỉ được gửi một lần.");
    }
  }

  private RecordMetadata parseMetadata(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_METADATA_BYTES + 1);
    if (bytes.length > MAX_METADATA_BYTES) {
      throw RecordMetadata.invalid("", "is larger than 256 KiB", "lớn hơn 256 KiB");
    }
    try {
      RecordMetadata m = json.readValue(bytes, RecordMetadata.class);
      if (m == null) {
        throw RecordMetadata.invalid("", "must be a JSON object", "phải là đối tượng JSON");
      }
      return m;
    } catch (JsonMappingException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ApiException api) {
          throw api;
        }
      }
      String field = e.getPath().isEmpty() ? "" : String.valueOf(e.getPath().get(0).getFieldName());
      throw RecordMetadata.invalid(
          field,
          "is not valid: " + e.getOriginalMessage(),
          "không hợp lệ: " + e.getOriginalMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw RecordMetadata.invalid(
          "",
          "is not valid JSON: " + e.getOriginalMessage(),
          "không phải JSON hợp lệ: " + e.getOriginalMessage());
    }
  }

  private void authorize(Caller caller, RecordMetadata m) {
    if (!agencies.tree().exists(m.agencyCode())) {
      throw ApiException.badRequest(
              "UNKNOWN_AGENCY",
              "metadata.agencyCode names no agency: " + m.agencyCode(),
              "metadata.agencyCode không phải mã cơ quan: " + m.agencyCode())
          .with("field", "agencyCode");
    }
    if (!access.canSubmitFor(caller, m.agencyCode())) {
      throw ApiException.forbidden(
          "You may not store records for agency " + m.agencyCode() + ".",
          "Bạn không được lưu văn bản cho cơ quan " + m.agencyCode() + ".");
    }
    if (m.fileCode() != null
        && !jdbi.withHandle(h -> retention.mayFile(h, m.agencyCode(), m.fileCode()))) {
      throw RetentionHook.fileCodeRefused();
    }
    if (m.docCode() != null) {
      jdbi.withExtension(RecordDao.class, d -> d.findByDocCode(m.agencyCode(), m.docCode()))
          .ifPresent(
              id -> {
                throw duplicate(m.agencyCode(), m.docCode(), id);
              });
    }
  }

  private static ApiException duplicate(String agencyCode, String docCode, UUID existing) {
    return ApiException.of(
            409,
            "DUPLICATE",
            "Agency " + agencyCode + " already has a record with docCode " + docCode + ".",
            "Cơ quan " + agencyCode + " đã có văn bản mã " + docCode + ".")
        .with("existingId", existing.toString());
  }

  /** A spooled file with what ingest learnt of it before storing it. */
  private record Inspected(SpooledFile file, String contentType, String signatureJson) {}

  private Inspected inspect(SpooledFile file, SpooledFile detached) {
    String contentType = detector.detectMediaType(file.path(), file.fileName());
    var report =
        signatures.inspect(file.path(), contentType, detached == null ? null : detached.path());
    return new Inspected(file, contentType, signatures.toJson(report));
  }

  private Outcome store(Caller caller, UploadParts parts, String key, String address) {
    String contentType = detector.detectMediaType(parts.file.path(), parts.file.fileName());
    var mainReport =
        signatures.inspect(
            parts.file.path(),
            contentType,
            parts.signature == null ? null : parts.signature.path());
    SignatureInspection.enforce(
        agencies
            .tree()
            .find(parts.metadata.agencyCode())
            .map(a -> a.signaturePolicy())
            .orElse(null),
        mainReport);
    Inspected main = new Inspected(parts.file, contentType, signatures.toJson(mainReport));
    List<Inspected> attachments = new ArrayList<>();
    for (SpooledFile a : parts.attachments) {
      attachments.add(inspect(a, null));
    }
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    UUID mainId = ids.next();
    List<UUID> attachmentIds = new ArrayList<>();
    for (int i = 0; i < parts.attachments.size(); i++) {
      attachmentIds.add(ids.next());
    }
    List<String> keys = new ArrayList<>();
    keys.add(ObjectKeys.original(mainId));
    attachmentIds.forEach(id -> keys.add(ObjectKeys.original(id)));
    String signatureKey = parts.signature == null ? null : ObjectKeys.detachedSignature(mainId);
    if (signatureKey != null) {
      keys.add(signatureKey);
    }
    jdbi.useTransaction(
        h -> keys.forEach(k -> h.attach(RecordDao.class).insertIntent(bucket, k, now)));
    try {
      Map<UUID, String> versions = new java.util.HashMap<>();
      List<RecordRow> rows = new ArrayList<>();
      rows.add(row(mainId, null, parts.metadata, main, signatureKey, now, caller, versions));
      RecordMetadata attachmentMeta = parts.metadata.forAttachment();
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
            parts.signature.path(),
            "application/pkcs7-signature",
            Map.of("sha256", parts.signature.sha256()));
      }
      Outcome outcome = commit(caller, rows, keys, key, now, address, versions);
      retention.protect(rows.stream().map(RecordRow::id).toList());
      return outcome;
    } catch (IdempotentReplay r) {
      discard(keys);
      return new Outcome(r.recordId, 0, true);
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
      List<RecordRow> rows,
      List<String> keys,
      String key,
      Instant now,
      String address,
      Map<UUID, String> versions) {
    try {
      return jdbi.inTransaction(h -> commitIn(h, caller, rows, keys, key, now, address, versions));
    } catch (UnableToExecuteStatementException e) {
      if (isUniqueViolation(e, "records_agency_doc_code")) {
        RecordRow main = rows.get(0);
        UUID existing =
            jdbi.withExtension(
                    RecordDao.class, d -> d.findByDocCode(main.agencyCode(), main.docCode()))
                .orElseThrow();
        throw duplicate(main.agencyCode(), main.docCode(), existing);
      }
      throw e;
    }
  }

  private Outcome commitIn(
      Handle h,
      Caller caller,
      List<RecordRow> rows,
      List<String> keys,
      String key,
      Instant now,
      String address,
      Map<UUID, String> versions) {
    retention.enter(h);
    RecordRow main = rows.get(0);
    if (main.fileCode() != null && !retention.mayFile(h, main.agencyCode(), main.fileCode())) {
      throw RetentionHook.fileCodeRefused();
    }
    RecordDao records = h.attach(RecordDao.class);
    UUID mainId = main.id();
    rows.forEach(records::insert);
    versions.forEach(records::setObjectVersion);
    retention.recompute(h, List.of(mainId));
    if (key != null && records.insertIdempotent(caller.userId(), key, mainId, now) == 0) {
      throw new IdempotentReplay(records.findIdempotent(caller.userId(), key).orElseThrow());
    }
    keys.forEach(k -> records.deleteIntent(bucket, k));
    long position =
        h.attach(OutboxDao.class).append(rows.stream().map(RecordRow::id).toList(), "UPSERT", now);
    for (RecordRow r : rows) {
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
              .concerning(r.agencyCode()));
    }
    return new Outcome(mainId, position, false);
  }

  /** Thrown inside the transaction when a concurrent retry with the same key committed first. */
  static final class IdempotentReplay extends RuntimeException {
    final UUID recordId;

    IdempotentReplay(UUID recordId) {
      super(null, null, false, false);
      this.recordId = recordId;
    }
  }

  private void discard(List<String> keys) {
    for (String k : keys) {
      try {
        store.delete(bucket, k);
        jdbi.useExtension(RecordDao.class, d -> d.deleteIntent(bucket, k));
      } catch (RuntimeException e) {
        LOG.warn(
            "Could not remove {} after a failed upload; reconciliation will: {}", k, e.toString());
      }
    }
  }

  private static boolean isUniqueViolation(Exception e, String constraint) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return sql.getMessage() != null && sql.getMessage().contains(constraint);
      }
    }
    return false;
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
