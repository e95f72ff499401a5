package vn.tangthu.indexer.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import vn.tangthu.indexer.ocr.internal.Deskew;
import vn.tangthu.indexer.ocr.internal.ImagePages;
import vn.tangthu.indexer.ocr.internal.PageSource;
import vn.tangthu.indexer.ocr.internal.PdfPages;
import vn.tangthu.indexer.ocr.internal.PixelLimit;
import vn.tangthu.indexer.ocr.internal.PreparedPage;
import vn.tangthu.indexer.ocr.internal.UnreadableException;

/**
 * Reads the text of a scanned document: every page of an image file (PNG, JPEG, TIFF...), and the
 * pages of a PDF that have no text layer (a mixed PDF gives the text layer of its text pages and
 * the OCR text of its scanned ones). Pages are prepared one at a time, each checked against the
 * pixel limit before it is decoded, so a hostile or broken page fails alone with its reason; pages
 * are straightened before they are read ({@link OcrSettings#deskew()}); at most {@link
 * OcrSettings#maxPages()} pages are examined, each within {@link OcrSettings#pageTimeout()} and all
 * within {@link OcrSettings#documentTimeout()} (measured on the injected clock). OCR text goes
 * through the post-processing given (by default {@link VietnameseOcrText#correct}).
 *
 * <p>With the engine absent nothing is rendered: the pages that would need OCR are only found, and
 * the result is {@link OcrResult.Status#NEEDS_OCR} (or DONE when no page needs OCR).
 *
 * <p>Thread-safe: documents may be read concurrently (each call has its own state); the engine
 * decides how many pages run at once.
 */
public final class DocumentOcr {

  private static final String PDF = "application/pdf";

  private final OcrEngine engine;
  private final OcrSettings settings;
  private final Clock clock;
  private final UnaryOperator<String> postProcessing;
  private final PixelLimit limit;

  /** Reads with {@code engine}, post-processing with {@link VietnameseOcrText#correct}. */
  public DocumentOcr(OcrEngine engine, OcrSettings settings, Clock clock) {
    this(engine, settings, clock, VietnameseOcrText::correct);
  }

  /** Reads with {@code engine}, post-processing the text of each page read with the function. */
  public DocumentOcr(
      OcrEngine engine, OcrSettings settings, Clock clock, UnaryOperator<String> postProcessing) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.postProcessing = Objects.requireNonNull(postProcessing, "postProcessing");
    this.limit = new PixelLimit(settings.maxPixelsPerPage());
  }

  /** Whether documents of this media type (without parameters) can be read. */
  public static boolean supports(String mediaType) {
    if (mediaType == null) {
      return false;
    }
    String type = mediaType.toLowerCase(Locale.ROOT).strip();
    return type.equals(PDF)
        || (type.startsWith("image/") && ImageIO.getImageReadersByMIMEType(type).hasNext());
  }

  /** {@link #read(Path, String, Cancellation, Consumer)} without progress reports. */
  public OcrResult read(Path file, String mediaType, Cancellation cancellation) {
    return read(file, mediaType, cancellation, page -> {});
  }

  /**
   * Reads a document. Never throws for bad content.
   *
   * @param file the document's bytes, readable during the call
   * @param mediaType its media type, detected from the bytes ({@code application/pdf}, {@code
   *     image/png}...)
   * @param cancellation stops the reading (the current page's engine is killed)
   * @param progress told about each page once it is done, in order
   */
  public OcrResult read(
      Path file, String mediaType, Cancellation cancellation, Consumer<OcrPage> progress) {
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(progress, "progress");
    long deadline = clock.millis() + settings.documentTimeout().toMillis();
    try (OcrDocument document = open(file, mediaType)) {
      if (document.failure() != null) {
        return document.failure();
      }
      return readPages(document, deadline, cancellation, progress);
    }
  }

  /**
   * Opens a document to read it page by page ({@link OcrDocument#page}); never throws for bad
   * content: a document that cannot be opened has its {@link OcrDocument#failure()}.
   *
   * @param file the document's bytes, readable until the document is closed
   * @param mediaType its media type, detected from the bytes
   */
  public OcrDocument open(Path file, String mediaType) {
    Objects.requireNonNull(file, "file");
    EngineStatus status = engine.status();
    if (!supports(mediaType)) {
      return OcrDocument.unopened(
          failed(OcrFailure.UNSUPPORTED, "cannot read " + mediaType, status));
    }
    try {
      PageSource source =
          PDF.equals(mediaType.toLowerCase(Locale.ROOT).strip())
              ? PdfPages.open(file, limit, settings.renderDpi())
              : ImagePages.open(file, limit, settings.maxPages());
      return new OcrDocument(this, source, status, settings.maxPages());
    } catch (UnreadableException e) {
      return OcrDocument.unopened(failed(e.failure(), e.getMessage(), status));
    } catch (IOException | RuntimeException e) {
      return OcrDocument.unopened(
          failed(OcrFailure.CORRUPT, String.valueOf(e.getMessage()), status));
    }
  }

  /** The clock deadlines are measured on. */
  Clock clock() {
    return clock;
  }

  private static OcrResult readPages(
      OcrDocument document, long deadline, Cancellation cancellation, Consumer<OcrPage> progress) {
    int pageCount = document.pageCount();
    int examined = document.examinedPages();
    List<OcrPage> pages = new ArrayList<>(examined);
    for (int number = 1; number <= examined; number++) {
      OcrPage page = document.page(number, deadline, cancellation);
      pages.add(page);
      progress.accept(page);
    }
    return OcrResult.summarize(pages, pageCount, document.engine(), cancellation.isCancelled());
  }

  OcrPage page(
      PageSource source,
      int number,
      EngineStatus status,
      long deadline,
      Cancellation cancellation) {
    long start = System.nanoTime();
    if (cancellation.isCancelled()) {
      return notRead(number, "", OcrFailure.CANCELLED, null, start);
    }
    long left = deadline - clock.millis();
    if (left <= 0) {
      return notRead(number, "", OcrFailure.DOCUMENT_TIMED_OUT, null, start);
    }
    PreparedPage prepared = source.prepare(number, status.available());
    String layer = prepared.textLayer();
    if (prepared.failure() != null) {
      return notRead(number, layer, prepared.failure(), prepared.detail(), start);
    }
    if (!prepared.needsOcr()) {
      return new OcrPage(
          number, OcrPage.Kind.TEXT_LAYER, layer, Double.NaN, null, null, since(start));
    }
    if (prepared.image() == null) {
      return notRead(number, layer, OcrFailure.ENGINE_ABSENT, status.reason(), start);
    }
    left = deadline - clock.millis();
    if (left <= 0) {
      return notRead(number, layer, OcrFailure.DOCUMENT_TIMED_OUT, null, start);
    }
    Duration pageLimit = settings.pageTimeout();
    boolean documentLimit = left < pageLimit.toMillis();
    if (documentLimit) {
      pageLimit = Duration.ofMillis(left);
    }
    PageImage image = settings.deskew() ? Deskew.straighten(prepared.image()) : prepared.image();
    PageReading reading = engine.read(image, pageLimit, cancellation);
    if (!reading.isRead()) {
      OcrFailure failure =
          reading.failure() == OcrFailure.PAGE_TIMED_OUT && documentLimit
              ? OcrFailure.DOCUMENT_TIMED_OUT
              : reading.failure();
      return notRead(number, layer, failure, reading.detail(), start);
    }
    String read = postProcessing.apply(reading.text());
    String text = layer.isBlank() ? read : read.isBlank() ? layer : layer + "\n\n" + read;
    return new OcrPage(
        number, OcrPage.Kind.READ, text, reading.confidence(), null, null, since(start));
  }

  private static OcrPage notRead(
      int number, String layer, OcrFailure failure, String detail, long start) {
    return new OcrPage(
        number, OcrPage.Kind.NOT_READ, layer, Double.NaN, failure, detail, since(start));
  }

  private static OcrResult failed(OcrFailure failure, String detail, EngineStatus status) {
    return new OcrResult(OcrResult.Status.FAILED, failure, detail, 0, List.of(), status);
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
