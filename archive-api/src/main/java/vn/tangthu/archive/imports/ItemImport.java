package vn.tangthu.archive.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.agency.Agency;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.record.IngestService;
import vn.tangthu.archive.record.RecordMetadata;
import vn.tangthu.archive.record.RecordSource;
import vn.tangthu.archive.record.SpooledFile;
import vn.tangthu.archive.record.Submission;
import vn.tangthu.archive.storage.StorageException;
import vn.tangthu.intake.EdxmlMessage;
import vn.tangthu.intake.FailedItem;
import vn.tangthu.intake.IntakeItem;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.ItemFile;
import vn.tangthu.intake.ItemMetadata;
import vn.tangthu.intake.ItemReadException;
import vn.tangthu.intake.PackageReader;
import vn.tangthu.intake.ReadyItem;
import vn.tangthu.intake.SourceKind;

/**
 * Turns one item of a package into a record through {@link IngestService}, exactly as {@code POST
 * /records} would store its metadata and files, and records the item's result: IMPORTED in the
 * record's own transaction; DUPLICATE with the existing record; FAILED with the code of the package
 * reader or of the ingest's refusal. The item's {@code Idempotency-Key} is the job's id and the
 * item's index (with a space, which no HTTP client's key may contain), so an item whose record
 * committed is never stored twice, whatever was lost around it. A fault that is not the item's
 * (storage, the database, the node stopping) records nothing: the item is tried again later.
 * Thread-safe.
 */
final class ItemImport {

  private static final Logger LOG = LoggerFactory.getLogger(ItemImport.class);
  private static final int MAX_MESSAGE = 2000;

  /** How an attempt ended: with a recorded result, or to be tried again later. */
  enum Result {
    DONE,
    RETRY
  }

  /** A running job as its items see it. */
  record Job(ItemResults.Lease lease, Caller caller) {
    UUID id() {
      return lease.jobId();
    }
  }

  private final IngestService ingest;
  private final AgencyDirectory agencies;
  private final ObjectMapper json;
  private final ItemResults results;

  ItemImport(
      IngestService ingest, AgencyDirectory agencies, ObjectMapper json, ItemResults results) {
    this.ingest = ingest;
    this.agencies = agencies;
    this.json = json;
    this.results = results;
  }

  /**
   * Imports item {@code index} of {@code reader} for {@code job}.
   *
   * @throws ItemResults.Fenced when the job is no longer this node's to run
   */
  Result run(Job job, PackageReader reader, int index, java.util.function.BooleanSupplier going) {
    String path = "item " + index;
    try (IntakeItem item = reader.read(index)) {
      path = item.path();
      if (item instanceof FailedItem failed) {
        fail(job, index, path, failed.error().code().name(), failed.error().message(), null);
      } else {
        store(job, (ReadyItem) item);
      }
      return Result.DONE;
    } catch (ItemResults.Fenced e) {
      throw e;
    } catch (ItemReadException e) {
      fail(job, index, path, e.code().name(), e.getMessage(), null);
      return Result.DONE;
    } catch (ApiException e) {
      if (e.status() >= 500 || !going.getAsBoolean()) {
        return retry(job, index, e);
      }
      record(job, index, path, e);
      return Result.DONE;
    } catch (IOException | StorageException e) {
      return retry(job, index, e);
    } catch (JdbiException e) {
      if (transientDatabase(e) || !going.getAsBoolean()) {
        return retry(job, index, e);
      }
      return internal(job, index, path, e);
    } catch (RuntimeException e) {
      if (!going.getAsBoolean()) {
        return retry(job, index, e);
      }
      return internal(job, index, path, e);
    }
  }

  private void store(Job job, ReadyItem item) throws IOException {
    ItemMetadata m = item.metadata();
    if (m.source().kind() == SourceKind.EDXML) {
      Agency sender = agencies.tree().findByEdxmlOrganId(m.source().fromOrganId()).orElse(null);
      if (sender == null) {
        String organId = m.source().fromOrganId();
        fail(
            job,
            item.index(),
            item.path(),
            ItemErrorCode.UNKNOWN_SENDER.name(),
            "No agency has edxmlOrganId " + organId + " (From/OrganId of the message).",
            "Không cơ quan nào có mã định danh edXML "
                + organId
                + " (From/OrganId của thông điệp).");
        return;
      }
      m = m.withAgencyCode(sender.code());
    }
    RecordMetadata metadata = ingest.metadata(m.toRecordFields());
    RecordSource source =
        new RecordSource(
            m.source().kind() == SourceKind.EDXML
                ? RecordSource.KIND_EDXML
                : RecordSource.KIND_IMPORT,
            job.id(),
            m.source().edxmlDocumentId(),
            m.source().fromOrganId());
    try (Submission submission = submission(item, metadata, source)) {
      IngestService.Outcome outcome =
          ingest.ingest(
              job.caller(),
              submission,
              key(job.id(), item.index()),
              null,
              results.hook(job.lease(), item.index(), item.path()));
      if (outcome.replayed()) {
        results.record(
            job.lease(), results.imported(item.index(), item.path(), outcome.recordId()));
      }
    }
  }

  /** The item's files spooled locally, as {@code POST /records} spools its parts. */
  private Submission submission(ReadyItem item, RecordMetadata metadata, RecordSource source)
      throws IOException {
    List<SpooledFile> spooled = new ArrayList<>();
    try {
      SpooledFile file = spool(item.file(), spooled);
      SpooledFile signature =
          item.signature().isPresent() ? spool(item.signature().get(), spooled) : null;
      List<SpooledFile> attachments = new ArrayList<>();
      for (ItemFile a : item.attachments()) {
        attachments.add(spool(a, spooled));
      }
      SpooledFile message = signedMessage(item, spooled);
      return new Submission(metadata, file, signature, attachments, source, message);
    } catch (IOException | RuntimeException e) {
      for (SpooledFile f : spooled) {
        f.close();
      }
      throw e;
    }
  }

  /**
   * The edXML message of a signed edXML item, spooled so that its XML-DSig signature is verified
   * and kept with the record; null for any other item. The message may be larger than one file (it
   * carries every attachment in base64), so its bound is the package reader's message bound.
   */
  private SpooledFile signedMessage(ReadyItem item, List<SpooledFile> spooled) throws IOException {
    EdxmlMessage m = item.edxml().filter(EdxmlMessage::signed).orElse(null);
    if (m == null || item.signature().isPresent()) {
      return null;
    }
    try (InputStream in = m.open()) {
      long max = Math.max(m.size(), ingest.maxFileBytes());
      SpooledFile s = SpooledFile.copy(in, "edxml-message.xml", ingest.spoolDir(), max);
      spooled.add(s);
      return s;
    }
  }

  private SpooledFile spool(ItemFile f, List<SpooledFile> spooled) throws IOException {
    try (InputStream in = f.open()) {
      SpooledFile s = SpooledFile.copy(in, f.name(), ingest.spoolDir(), ingest.maxFileBytes());
      spooled.add(s);
      return s;
    }
  }

  /** The item's Idempotency-Key: no HTTP client can send one with a space. */
  static String key(UUID jobId, int index) {
    return "import " + jobId + " " + index;
  }

  private void record(Job job, int index, String path, ApiException e) {
    String existing = (String) e.extra().get("existingId");
    if ("DUPLICATE".equals(e.code()) && existing != null) {
      results.record(
          job.lease(),
          results.duplicate(
              index, path, UUID.fromString(existing), cut(e.detail(false)), cut(e.detail(true))));
      return;
    }
    fail(job, index, path, e.code(), e.detail(false), e.detail(true));
  }

  private void fail(Job job, int index, String path, String code, String en, String vi) {
    results.record(job.lease(), results.failed(index, path, code, cut(en), cut(vi)));
  }

  private Result internal(Job job, int index, String path, RuntimeException e) {
    LOG.error("Import {} item {} ({}) failed unexpectedly", job.id(), index, path, e);
    fail(
        job,
        index,
        path,
        "INTERNAL_ERROR",
        "The item could not be stored: " + e.getClass().getSimpleName(),
        "Không lưu được mục này: " + e.getClass().getSimpleName());
    return Result.DONE;
  }

  private static Result retry(Job job, int index, Exception e) {
    LOG.warn("Import {} item {} will be tried again: {}", job.id(), index, e.toString());
    return Result.RETRY;
  }

  /** A lost connection, a serialization failure or deadlock, a server shutting down. */
  private static boolean transientDatabase(JdbiException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("57");
      }
    }
    return e instanceof org.jdbi.v3.core.ConnectionException;
  }

  private static String cut(String s) {
    return s == null || s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
