package vn.tangthu.archive.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.id.Ids;
import vn.tangthu.archive.record.PartFileName;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.record.SpooledFile;
import vn.tangthu.intake.ChannelReadException;
import vn.tangthu.intake.IntakeLimits;
import vn.tangthu.intake.IntakeOptions;
import vn.tangthu.intake.PackageErrorCode;
import vn.tangthu.intake.PackageException;
import vn.tangthu.intake.PackageReader;

/**
 * {@code POST /imports}: streams the {@code package} part into S3 while hashing it, opens it with
 * the intake reader over ranged GETs (format detection; a bag hashed against its manifests), and
 * only then creates the job (QUEUED) with the count of its items. A package that is refused (422
 * {@code UNSUPPORTED_PACKAGE}, {@code BAG_INVALID}, …) or any other failure leaves nothing: the
 * object is removed and no job row exists. {@code Idempotency-Key}: the same key with the same
 * package (SHA-256), options and file name answers the first job again, storing nothing; with
 * anything else, 422 {@code IDEMPOTENCY_KEY_REUSED}. Thread-safe; at most {@code uploadsAtOnce}
 * packages are received at once (the others wait).
 */
final class ImportReceiver {

  private final Jdbi jdbi;
  private final PackageStore packages;
  private final ImportAccess access;
  private final ImportJobs jobs;
  private final AgencyDirectory agencies;
  private final ObjectMapper json;
  private final Ids ids;
  private final Clock clock;
  private final AuditTrail audit;
  private final Path tmp;
  private final Semaphore uploads;
  private final Runnable wake;

  ImportReceiver(
      Jdbi jdbi,
      PackageStore packages,
      ImportAccess access,
      ImportJobs jobs,
      AgencyDirectory agencies,
      ObjectMapper json,
      Ids ids,
      Clock clock,
      AuditTrail audit,
      Path tmp,
      int uploadsAtOnce,
      Runnable wake) {
    this.jdbi = jdbi;
    this.packages = packages;
    this.access = access;
    this.jobs = jobs;
    this.agencies = agencies;
    this.json = json;
    this.ids = ids;
    this.clock = clock;
    this.audit = audit;
    this.tmp = tmp;
    this.uploads = new Semaphore(uploadsAtOnce, true);
    this.wake = wake;
  }

  /** What the request carried. */
  private static final class Incoming {
    ImportOptions options;
    boolean optionsSeen;
    String packageName;
    PackageStore.Received received;
  }

  /** The job made (or, for a repeated key, the first one) and whether it is new. */
  record Created(ImportView view, boolean fresh) {}

  Created create(Caller caller, HttpServletRequest request, String idempotencyKey)
      throws IOException, InterruptedException {
    String key = idempotencyKey(idempotencyKey);
    if (!JakartaServletFileUpload.isMultipartContent(request)) {
      throw ApiException.of(
          415,
          "UNSUPPORTED_MEDIA",
          "Send the import as multipart/form-data with a package part (and an options part).",
          "Gửi gói nhập dạng multipart/form-data gồm phần package (và phần options).");
    }
    Optional<ImportJob> earlier =
        key == null
            ? Optional.empty()
            : jdbi.withExtension(ImportDao.class, d -> d.findIdempotent(caller.userId(), key));
    UUID id = ids.next();
    uploads.acquire();
    Incoming in = new Incoming();
    try {
      read(caller, request, id, earlier.isPresent(), in);
      ImportOptions options = in.options == null ? ImportOptions.NONE : in.options;
      String fingerprint = fingerprint(in.received.sha256(), options, in.packageName);
      if (earlier.isPresent()) {
        return new Created(replay(earlier.get(), fingerprint), false);
      }
      return store(caller, id, in, options, key, fingerprint, request.getRemoteAddr());
    } catch (IOException | RuntimeException e) {
      if (in.received != null && in.received.key() != null) {
        packages.remove(in.received.key());
      }
      throw e;
    } finally {
      uploads.release();
    }
  }

  private void read(
      Caller caller, HttpServletRequest request, UUID id, boolean measureOnly, Incoming in)
      throws IOException {
    try {
      JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
      upload.setHeaderCharset(StandardCharsets.UTF_8);
      upload.setFileCountMax(2);
      FileItemInputIterator it = upload.getItemIterator(request);
      while (it.hasNext()) {
        accept(caller, it.next(), id, measureOnly, in);
      }
    } catch (FileUploadException e) {
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "The multipart body is malformed: " + e.getMessage(),
          "Nội dung multipart không hợp lệ: " + e.getMessage());
    }
    if (in.received == null) {
      throw ApiException.badRequest(
          "MISSING_FILE", "The package part is missing.", "Thiếu phần package (gói nhập).");
    }
  }

  private void accept(Caller caller, FileItemInput item, UUID id, boolean measureOnly, Incoming in)
      throws IOException {
    String name = item.getFieldName();
    try (InputStream stream = item.getInputStream()) {
      switch (name == null ? "" : name) {
        case "options" -> {
          once(in.optionsSeen, name);
          in.optionsSeen = true;
          in.options = ImportOptions.read(json, stream);
          checkAgency(caller, in.options.agencyCode());
        }
        case "package" -> {
          once(in.received != null, name);
          in.packageName = SpooledFile.cleanName(PartFileName.of(item, name));
          in.received = measureOnly ? packages.measure(stream) : packages.receive(id, stream);
        }
        default ->
            throw ApiException.badRequest(
                    "INVALID_REQUEST",
                    "Unknown part '" + name + "': expected package and options.",
                    "Phần '" + name + "' không hợp lệ: chỉ nhận package và options.")
                .with("part", String.valueOf(name));
      }
    }
  }

  private void checkAgency(Caller caller, String agencyCode) {
    if (agencyCode == null) {
      return;
    }
    if (!agencies.tree().exists(agencyCode)) {
      throw ApiException.badRequest(
              "UNKNOWN_AGENCY",
              "options.agencyCode names no agency: " + agencyCode,
              "options.agencyCode không phải mã cơ quan: " + agencyCode)
          .with("field", "agencyCode");
    }
    access.requireImportFor(caller, agencyCode);
  }

  private ImportView replay(ImportJob earlier, String fingerprint) {
    if (!earlier.fingerprint().equals(fingerprint)) {
      throw ApiException.of(
              422,
              "IDEMPOTENCY_KEY_REUSED",
              "This Idempotency-Key was used for another package or options; use a new key for a"
                  + " new import.",
              "Idempotency-Key này đã dùng cho một gói hoặc tùy chọn khác; hãy dùng khóa mới cho"
                  + " lần nhập mới.")
          .with("existingId", earlier.id().toString());
    }
    return jobs.view(earlier);
  }

  private Created store(
      Caller caller,
      UUID id,
      Incoming in,
      ImportOptions options,
      String key,
      String fingerprint,
      String address)
      throws IOException {
    Opened opened = open(in, options);
    ImportJob job =
        new ImportJob(
            id,
            ImportJob.QUEUED,
            opened.format(),
            options.agencyCode() != null ? options.agencyCode() : caller.agencyCode(),
            caller.username(),
            caller.userId(),
            caller.tokenId(),
            clock.instant(),
            null,
            null,
            in.packageName,
            packages.bucket(),
            in.received.key(),
            in.received.bytes(),
            in.received.sha256(),
            options.toJson(json),
            opened.items(),
            null,
            null,
            key,
            fingerprint,
            null,
            0,
            null);
    boolean inserted =
        jdbi.inTransaction(
            h -> {
              if (h.attach(ImportDao.class).insert(job) == 0) {
                return false;
              }
              h.attach(RecordDao.class).deleteIntent(packages.bucket(), job.packageKey());
              audit.append(h, created(caller, job, address));
              return true;
            });
    if (!inserted) {
      packages.remove(job.packageKey());
      ImportJob first =
          jdbi.withExtension(ImportDao.class, d -> d.findIdempotent(caller.userId(), key))
              .orElseThrow();
      return new Created(replay(first, fingerprint), false);
    }
    wake.run();
    return new Created(jobs.view(job), true);
  }

  /** What opening the package told: its format and number of items. */
  private record Opened(String format, int items) {}

  private Opened open(Incoming in, ImportOptions options) throws IOException {
    IntakeOptions intake =
        new IntakeOptions(options.defaults(), IntakeLimits.defaults(), tmp, in.packageName, true);
    try (SeekableByteChannel channel = packages.open(in.received.key(), in.received.bytes());
        PackageReader reader = PackageReader.open(channel, intake)) {
      return new Opened(reader.format().name(), reader.size());
    } catch (PackageException e) {
      throw refused(e);
    } catch (ChannelReadException e) {
      throw PackageStore.storageUnavailable(e);
    }
  }

  static ApiException refused(PackageException e) {
    int status = e.code() == PackageErrorCode.PACKAGE_TOO_LARGE ? 413 : 422;
    return ApiException.of(
        status,
        e.code().name(),
        e.getMessage(),
        "Gói nhập không được chấp nhận: " + e.getMessage());
  }

  private static AuditEvent created(Caller caller, ImportJob job, String address) {
    return AuditEvent.of(
            caller,
            AuditEvent.IMPORT_CREATE,
            "IMPORT",
            job.id().toString(),
            AuditOutcome.SUCCESS,
            address)
        .withDetail("format", job.format())
        .withDetail("items", job.total())
        .withDetail("bytes", job.bytes())
        .withDetail("sha256", job.sha256())
        .withDetail("packageName", job.packageName())
        .concerning(job.agencyCode());
  }

  /**
   * What makes two imports the same request for {@code Idempotency-Key}: the package's SHA-256, the
   * options as stored and the package's file name.
   */
  private String fingerprint(String sha256, ImportOptions options, String packageName) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {sha256, options.toJson(json), packageName}) {
        byte[] b = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
        d.update(java.nio.ByteBuffer.allocate(4).putInt(part == null ? -1 : b.length).array());
        d.update(b);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void once(boolean seen, String name) {
    if (seen) {
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "The part '" + name + "' may appear only once.",
          "Phần '" + name + "' chỉ được gửi một lần.");
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
