package vn.tangthu.archive.indexing;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.config.OcrConfig;
import vn.tangthu.archive.outbox.OutboxDao;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.record.RecordOcrDao;
import vn.tangthu.archive.record.RecordRow;
import vn.tangthu.archive.storage.ObjectKeys;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.child.ForkSettings;
import vn.tangthu.indexer.extract.ExtractionResult;
import vn.tangthu.indexer.ocr.Cancellation;
import vn.tangthu.indexer.ocr.DocumentOcr;
import vn.tangthu.indexer.ocr.ForkedDocumentOcr;
import vn.tangthu.indexer.ocr.OcrPage;
import vn.tangthu.indexer.ocr.OcrResult;

/**
 * Reads scanned pages after text extraction, on a worker pool of its own (and in OCR child JVMs of
 * its own, {@link ForkedDocumentOcr}), so a long scan never delays ordinary extraction. A record
 * handed over by {@link TextStage} keeps {@code extraction.status} PENDING, is already searchable
 * by its metadata and any text layer, and shows {@code ocr.pagesDone} growing page by page; once
 * every page is examined its text (text layer and OCR text) is stored, the record becomes DONE,
 * FAILED (nothing could be read, e.g. a decompression bomb) or NEEDS_OCR (no engine), and a
 * change-log event makes the index take the new text.
 *
 * <p>On start, records left waiting by a stopped server are read again, and, when the engine is
 * available, so are records in NEEDS_OCR; {@link #reopen} does the same on demand. Thread-safe.
 */
public final class OcrStage implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(OcrStage.class);
  private static final int REOPEN_BATCH = 1_000;
  private static final int MAX_REASON = 500;
  private static final String PDF = "application/pdf";

  private final Jdbi jdbi;
  private final ObjectStore store;
  private final String originals;
  private final String derived;
  private final ForkedDocumentOcr reader;
  private final Path tmp;
  private final Clock clock;
  private final ExecutorService workers;
  private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
  private final Cancellation stopping = new Cancellation();
  private final boolean reopenAtStart;

  /**
   * @param threads documents read at once (the reader's child processes)
   * @param reopenAtStart whether {@link #start} reads NEEDS_OCR records again when the engine is
   *     available
   */
  public OcrStage(
      Jdbi jdbi,
      ObjectStore store,
      String originals,
      String derived,
      ForkedDocumentOcr reader,
      Path tmp,
      int threads,
      boolean reopenAtStart,
      Clock clock) {
    this.reopenAtStart = reopenAtStart;
    this.jdbi = jdbi;
    this.store = store;
    this.originals = originals;
    this.derived = derived;
    this.reader = reader;
    this.tmp = tmp;
    this.clock = clock;
    AtomicInteger count = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "ocr-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A stage reading with Tesseract as {@code config} says, in child JVMs like this one's (the OCR
   * pool: {@link OcrConfig#processes()} children of {@link OcrConfig#heapMb()} MB).
   */
  public static OcrStage create(
      Jdbi jdbi,
      ObjectStore store,
      String originals,
      String derived,
      OcrConfig config,
      Path tmp,
      Clock clock) {
    ForkedDocumentOcr reader =
        new ForkedDocumentOcr(
            config.settings(),
            ForkSettings.fromThisJvm(config.processes(), config.heapMb()),
            clock);
    return new OcrStage(
        jdbi,
        store,
        originals,
        derived,
        reader,
        tmp,
        config.processes(),
        config.reopenAtStart(),
        clock);
  }

  /**
   * Whether a document's pages must go through OCR: an image the reader decodes, or a PDF with
   * pages that have next to no text layer.
   */
  public static boolean wants(ExtractionResult result) {
    String type = result.mediaType().toLowerCase(Locale.ROOT);
    if (type.startsWith("image/")) {
      return DocumentOcr.supports(type);
    }
    return type.equals(PDF)
        && result.status() == ExtractionResult.Status.DONE
        && result.pagesWithoutText() != null
        && result.pagesWithoutText() > 0;
  }

  /**
   * Queues a record for OCR within the caller's transaction (the caller keeps it PENDING, and
   * {@link #submit}s it once committed).
   *
   * @param pageCount the document's pages when known (the page cap is applied)
   */
  public void queue(Handle h, UUID id, Integer pageCount) {
    int pages = pageCount == null ? 0 : Math.min(pageCount, reader.settings().maxPages());
    h.attach(RecordOcrDao.class).queue(id, pages, languages(), clock.instant());
  }

  private String languages() {
    return reader.settings().languageArgument();
  }

  /** Reads the record's pages soon (it must be PENDING with its OCR row queued). */
  public void submit(UUID id) {
    if (!queued.add(id)) {
      return;
    }
    try {
      workers.execute(
          () -> {
            try {
              read(id);
            } catch (RuntimeException e) {
              LOG.warn("OCR of record {} stopped; it is read again at the next start", id, e);
            } finally {
              queued.remove(id);
            }
          });
    } catch (RejectedExecutionException e) {
      queued.remove(id); // stopping: the record is resumed at the next start
    }
  }

  /**
   * Reads again the active records whose extraction has {@code status}: NEEDS_OCR records go back
   * to OCR; FAILED records go back to text extraction (and to OCR if they need it). Returns how
   * many were queued.
   */
  public int reopen(String status) {
    if (!status.equals("NEEDS_OCR") && !status.equals("FAILED")) {
      throw new IllegalArgumentException("only NEEDS_OCR and FAILED records are read again");
    }
    int total = 0;
    List<UUID> ids;
    do {
      ids = jdbi.withExtension(RecordOcrDao.class, d -> d.reopen(status, REOPEN_BATCH));
      List<UUID> batch = ids;
      if (status.equals("NEEDS_OCR")) {
        jdbi.useExtension(
            RecordOcrDao.class,
            d -> batch.forEach(id -> d.queue(id, 0, languages(), clock.instant())));
        batch.forEach(this::submit);
      } else if (!batch.isEmpty()) {
        jdbi.useTransaction(
            h -> {
              batch.forEach(id -> h.attach(RecordOcrDao.class).forget(id));
              h.attach(OutboxDao.class).append(batch, "UPSERT", clock.instant());
            });
      }
      total += batch.size();
    } while (ids.size() == REOPEN_BATCH);
    return total;
  }

  @Override
  public void start() {
    List<UUID> waiting = jdbi.withExtension(RecordOcrDao.class, RecordOcrDao::waitingAll);
    waiting.forEach(this::submit);
    if (reopenAtStart && reader.status().available()) {
      int reopened = reopen("NEEDS_OCR");
      if (reopened > 0) {
        LOG.info("An OCR engine is available: reading {} NEEDS_OCR records again", reopened);
      }
    }
  }

  @Override
  public void stop() throws InterruptedException {
    stopping.cancel();
    workers.shutdownNow();
    workers.awaitTermination(30, TimeUnit.SECONDS);
    reader.close();
  }

  private void read(UUID id) {
    RecordRow row = jdbi.withExtension(RecordDao.class, d -> d.find(id)).orElse(null);
    boolean waiting = jdbi.withExtension(RecordOcrDao.class, d -> d.waiting(id));
    if (row == null || !"ACTIVE".equals(row.status()) || !waiting) {
      return;
    }
    Path file = null;
    try {
      file = Files.createTempFile(tmp, "ocr-", ".bin");
      try (InputStream in = store.get(originals, row.objectKey())) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      AtomicInteger done = new AtomicInteger();
      OcrResult result =
          reader.read(
              file,
              row.contentType(),
              stopping,
              (OcrPage page, int examined) ->
                  jdbi.useExtension(
                      RecordOcrDao.class,
                      d -> d.progress(id, examined, done.incrementAndGet(), clock.instant())));
      if (result.status() != OcrResult.Status.CANCELLED) {
        finish(row, result);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("OCR of " + id + " failed", e);
    } finally {
      deleteQuietly(file);
    }
  }

  private void finish(RecordRow row, OcrResult result) {
    String text = result.text();
    String textKey = row.textKey();
    if (!text.isBlank()) {
      textKey = ObjectKeys.text(row.id());
      store.put(derived, textKey, text.getBytes(StandardCharsets.UTF_8), "text/plain");
    }
    String status =
        switch (result.status()) {
          case DONE, PARTIAL -> "DONE";
          case NEEDS_OCR -> "NEEDS_OCR";
          default -> textKey == null ? "FAILED" : "DONE";
        };
    String reason = reason(result);
    double confidence = result.meanConfidence();
    Double mean = Double.isNaN(confidence) ? null : Math.max(0, Math.min(100, confidence));
    int examined = result.pages().size();
    Integer pageCount = result.pageCount() > 0 ? (Integer) result.pageCount() : row.pageCount();
    String key = textKey;
    boolean active =
        jdbi.inTransaction(
            h -> {
              // a record disposed or transferred while it was read keeps no derived text
              if (!"ACTIVE".equals(lockedStatus(h, row.id()))) {
                return false;
              }
              h.attach(RecordDao.class)
                  .setExtraction(
                      row.id(), status, reason, key, row.textLanguage(), pageCount, null);
              h.attach(RecordOcrDao.class)
                  .finish(
                      row.id(),
                      examined,
                      examined,
                      result.engine().engine(),
                      String.join("+", result.engine().languages()),
                      mean,
                      clock.instant());
              h.attach(OutboxDao.class).append(List.of(row.id()), "UPSERT", clock.instant());
              return true;
            });
    if (!active) {
      if (!text.isBlank()) {
        store.delete(derived, key);
      }
      return;
    }
    LOG.info(
        "OCR of record {}: {} ({} pages, {} read{})",
        row.id(),
        result.status(),
        examined,
        result.pagesRead(),
        reason == null ? "" : "; " + reason);
  }

  private static String lockedStatus(Handle h, UUID id) {
    return h.createQuery("SELECT status FROM records WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .mapTo(String.class)
        .findOne()
        .orElse(null);
  }

  /** Why not every page was read, for people; null when every page was. */
  private static String reason(OcrResult result) {
    if (result.failure() == null) {
      return null;
    }
    String reason = result.failure().reason();
    if (result.detail() != null && !result.detail().isBlank()) {
      reason += ": " + result.detail().strip();
    }
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the tmp directory is cleared at start-up
    }
  }
}
