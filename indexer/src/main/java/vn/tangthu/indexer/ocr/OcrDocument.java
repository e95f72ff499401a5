package vn.tangthu.indexer.ocr;

import java.util.Objects;
import vn.tangthu.indexer.ocr.internal.PageSource;

/**
 * A document opened by {@link DocumentOcr#open} to be read one page at a time (so that each page
 * can be a request of its own, with its own time limit and progress). Not thread-safe: one caller
 * reads its pages; close it when done.
 */
public final class OcrDocument implements AutoCloseable {

  private final DocumentOcr ocr;
  private final PageSource source;
  private final EngineStatus engine;
  private final OcrResult failure;
  private final int maxPages;

  OcrDocument(DocumentOcr ocr, PageSource source, EngineStatus engine, int maxPages) {
    this.ocr = Objects.requireNonNull(ocr, "ocr");
    this.source = Objects.requireNonNull(source, "source");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.failure = null;
    this.maxPages = maxPages;
  }

  private OcrDocument(OcrResult failure) {
    this.ocr = null;
    this.source = null;
    this.engine = failure.engine();
    this.failure = failure;
    this.maxPages = 0;
  }

  static OcrDocument unopened(OcrResult failure) {
    return new OcrDocument(Objects.requireNonNull(failure, "failure"));
  }

  /** Why the document could not be opened (a FAILED result), null when it was. */
  public OcrResult failure() {
    return failure;
  }

  /** The engine as it was when the document was opened. */
  public EngineStatus engine() {
    return engine;
  }

  /** Pages the document declares (0 when it could not be opened). */
  public int pageCount() {
    return source == null ? 0 : source.pageCount();
  }

  /** Pages that will be examined: the page count within the page limit. */
  public int examinedPages() {
    return Math.min(pageCount(), maxPages);
  }

  /**
   * Prepares and reads page {@code number} (1-based, at most {@link #examinedPages()}) within the
   * page time limit and the document's {@code deadline}; never throws for bad content.
   *
   * @param deadline when the document's time is up, in milliseconds of the reader's clock
   */
  public OcrPage page(int number, long deadline, Cancellation cancellation) {
    if (source == null) {
      throw new IllegalStateException("the document could not be opened");
    }
    if (number < 1 || number > examinedPages()) {
      throw new IllegalArgumentException("no page " + number + " to examine");
    }
    return ocr.page(source, number, engine, deadline, Objects.requireNonNull(cancellation));
  }

  /** The reader's clock, on which deadlines are measured, in milliseconds. */
  public long now() {
    return ocr == null ? 0 : ocr.clock().millis();
  }

  @Override
  public void close() {
    if (source != null) {
      source.close();
    }
  }
}
