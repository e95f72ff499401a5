package vn.tangthu.indexer.ocr;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What OCR made of one document: every examined page in order, and an overall status.
 *
 * <ul>
 *   <li>{@link Status#DONE}: every page has its text (from its text layer or read);
 *   <li>{@link Status#PARTIAL}: some pages were not read (hostile or broken page, time limit, page
 *       limit) but others gave text; {@link #failure()} is the first reason;
 *   <li>{@link Status#NEEDS_OCR}: pages need OCR and no engine is available; the text layer of the
 *       other pages is there; read the document again once an engine is installed;
 *   <li>{@link Status#FAILED}: nothing could be read ({@link #failure()} says why: unsupported
 *       format, corrupt file, encrypted PDF, hostile image...);
 *   <li>{@link Status#CANCELLED}: the caller cancelled.
 * </ul>
 *
 * @param failure the first reason pages were not read, null when DONE
 * @param detail more about that failure, null when none
 * @param pageCount pages the document declares (for an image file over the page limit, the limit
 *     plus one: the rest is never parsed)
 * @param pages the examined pages (at most the page limit), in order
 * @param engine the engine as it was when the document was read
 */
public record OcrResult(
    Status status,
    OcrFailure failure,
    String detail,
    int pageCount,
    List<OcrPage> pages,
    EngineStatus engine) {

  /** Outcome for the whole document. */
  public enum Status {
    DONE,
    PARTIAL,
    NEEDS_OCR,
    FAILED,
    CANCELLED
  }

  public OcrResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(engine, "engine");
    pages = List.copyOf(pages);
    if ((status == Status.DONE) != (failure == null)) {
      throw new IllegalArgumentException("a failure goes with every status but DONE");
    }
  }

  /** The text of all pages in order, separated by a blank line; empty pages left out. */
  public String text() {
    return pages.stream()
        .map(OcrPage::text)
        .filter(t -> !t.isBlank())
        .collect(Collectors.joining("\n\n"));
  }

  /** Pages read by the engine. */
  public int pagesRead() {
    return (int) pages.stream().filter(p -> p.kind() == OcrPage.Kind.READ).count();
  }

  /** Pages that need OCR (read or not). */
  public int pagesNeedingOcr() {
    return (int) pages.stream().filter(p -> p.kind() != OcrPage.Kind.TEXT_LAYER).count();
  }

  /**
   * The mean confidence 0-100 of the pages read, weighted by their length; NaN when no page was
   * read.
   */
  public double meanConfidence() {
    double sum = 0;
    long weight = 0;
    for (OcrPage page : pages) {
      if (page.kind() == OcrPage.Kind.READ && !Double.isNaN(page.confidence())) {
        sum += page.confidence() * page.weight();
        weight += page.weight();
      }
    }
    return weight == 0 ? Double.NaN : sum / weight;
  }

  /**
   * The outcome of a document from its examined pages: CANCELLED when cancelled; NEEDS_OCR when a
   * page was not read for want of an engine; PARTIAL (some text) or FAILED (none) when a page was
   * not read for another reason; PARTIAL when pages beyond the examined ones were left; else DONE.
   *
   * @param pages the examined pages, in order
   * @param pageCount pages the document declares
   */
  public static OcrResult summarize(
      List<OcrPage> pages, int pageCount, EngineStatus status, boolean cancelled) {
    OcrPage firstFailure = null;
    boolean absent = false;
    boolean anyText = false;
    for (OcrPage page : pages) {
      anyText |= !page.text().isBlank();
      if (page.kind() == OcrPage.Kind.NOT_READ) {
        absent |= page.failure() == OcrFailure.ENGINE_ABSENT;
        if (firstFailure == null) {
          firstFailure = page;
        }
      }
    }
    if (cancelled) {
      return new OcrResult(
          OcrResult.Status.CANCELLED, OcrFailure.CANCELLED, null, pageCount, pages, status);
    }
    if (absent) {
      return new OcrResult(
          OcrResult.Status.NEEDS_OCR,
          OcrFailure.ENGINE_ABSENT,
          status.reason(),
          pageCount,
          pages,
          status);
    }
    if (firstFailure != null) {
      OcrResult.Status outcome = anyText ? OcrResult.Status.PARTIAL : OcrResult.Status.FAILED;
      return new OcrResult(
          outcome, firstFailure.failure(), firstFailure.detail(), pageCount, pages, status);
    }
    if (pageCount > pages.size()) {
      String detail = "only the first " + pages.size() + " pages were examined";
      return new OcrResult(
          OcrResult.Status.PARTIAL, OcrFailure.OVER_PAGE_LIMIT, detail, pageCount, pages, status);
    }
    return new OcrResult(OcrResult.Status.DONE, null, null, pageCount, pages, status);
  }
}
