package vn.tangthu.indexer.ocr;

import java.time.Duration;
import java.util.Objects;

/**
 * One page of a document after OCR.
 *
 * @param number 1-based page number
 * @param kind where the page's text comes from
 * @param text the page's text: its text layer, then (when read) the OCR text after post-processing
 * @param confidence the engine's mean word confidence 0-100 when {@link Kind#READ} with words, else
 *     NaN
 * @param failure why the page was not read ({@link Kind#NOT_READ} only)
 * @param detail more about the failure for logs, null when none
 * @param elapsed time spent on the page (preparing and reading)
 */
public record OcrPage(
    int number,
    Kind kind,
    String text,
    double confidence,
    OcrFailure failure,
    String detail,
    Duration elapsed) {

  /** Where a page's text comes from. */
  public enum Kind {
    /** The page needs no OCR: its text layer is its text (empty for a blank page). */
    TEXT_LAYER,
    /** The page's pixels were read by the engine (its text layer, if any, is kept too). */
    READ,
    /** The page needs OCR but was not read: {@link #failure()} says why. */
    NOT_READ
  }

  public OcrPage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(elapsed, "elapsed");
    if (number < 1) {
      throw new IllegalArgumentException("page numbers start at 1");
    }
    if ((kind == Kind.NOT_READ) != (failure != null)) {
      throw new IllegalArgumentException("a failure goes with NOT_READ, and only with it");
    }
  }

  /** Characters of text (code points), the weight of the page's confidence. */
  int weight() {
    return text.codePointCount(0, text.length());
  }
}
