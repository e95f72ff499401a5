package vn.tangthu.archive.indexing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.record.RecordOcrDao;
import vn.tangthu.archive.record.RecordRow;
import vn.tangthu.archive.storage.ObjectKeys;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.indexer.extract.ExtractionResult;
import vn.tangthu.indexer.extract.TextExtractor;

/**
 * Gives each record its text: extracts it once (original from S3 into a temporary file, Tika within
 * its limits), stores it as a derived S3 object and records the outcome in the record's row; later
 * calls, and other nodes, read the stored text instead of extracting again. A document with pages
 * to read by OCR ({@link OcrStage#wants}) keeps its extraction PENDING, its text layer (if any)
 * stored and indexed at once, and is handed to the {@link OcrStage}, which stores the full text
 * later; meanwhile its stored text is what it gives. Thread-safe.
 */
public final class TextStage {

  /** A record's text, and whether it came from a fresh extraction. */
  public record Text(String value, boolean extracted) {}

  private final Jdbi jdbi;
  private final ObjectStore store;
  private final String originals;
  private final String derived;
  private final TextExtractor extractor;
  private final Path tmp;
  private final OcrStage ocr;

  /** A stage without OCR. */
  public TextStage(
      Jdbi jdbi,
      ObjectStore store,
      String originals,
      String derived,
      TextExtractor extractor,
      Path tmp) {
    this(jdbi, store, originals, derived, extractor, tmp, null);
  }

  /** A stage that hands scans to {@code ocr} (null: none). */
  public TextStage(
      Jdbi jdbi,
      ObjectStore store,
      String originals,
      String derived,
      TextExtractor extractor,
      Path tmp,
      OcrStage ocr) {
    this.ocr = ocr;
    this.jdbi = jdbi;
    this.store = store;
    this.originals = originals;
    this.derived = derived;
    this.extractor = extractor;
    this.tmp = tmp;
  }

  /** The text of {@code row}, extracting it first when that has not happened yet. */
  public Text textOf(RecordRow row) {
    if (!"PENDING".equals(row.extractionStatus()) || awaitsOcr(row)) {
      if (row.textKey() == null) {
        return new Text("", false);
      }
      return new Text(
          new String(store.read(derived, row.textKey()), StandardCharsets.UTF_8), false);
    }
    return new Text(extract(row), true);
  }

  private boolean awaitsOcr(RecordRow row) {
    return ocr != null && jdbi.withExtension(RecordOcrDao.class, d -> d.waiting(row.id()));
  }

  private String extract(RecordRow row) {
    Path file = null;
    try {
      file = Files.createTempFile(tmp, "extract-", ".bin");
      try (InputStream in = store.get(originals, row.objectKey())) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      ExtractionResult result = extractor.extract(file, row.fileName());
      String textKey = null;
      if (!result.text().isEmpty()) {
        textKey = ObjectKeys.text(row.id());
        store.put(derived, textKey, result.text().getBytes(StandardCharsets.UTF_8), "text/plain");
      }
      String key = textKey;
      boolean toOcr = ocr != null && OcrStage.wants(result);
      jdbi.useTransaction(
          h -> {
            h.attach(RecordDao.class)
                .setExtraction(
                    row.id(),
                    toOcr ? "PENDING" : result.status().name(),
                    toOcr ? null : result.reason(),
                    key,
                    result.language(),
                    result.pageCount(),
                    null);
            if (toOcr) {
              ocr.queue(h, row.id(), result.pageCount());
            }
          });
      if (toOcr) {
        ocr.submit(row.id());
      }
      return result.text();
    } catch (IOException e) {
      throw new UncheckedIOException("Extracting " + row.id() + " failed", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // the tmp directory is cleared at start-up
        }
      }
    }
  }
}
