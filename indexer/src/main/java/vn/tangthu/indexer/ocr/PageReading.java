package vn.tangthu.indexer.ocr;

import java.time.Duration;
import java.util.Objects;

/**
 * What an engine made of one page image.
 *
 * @param text the recognised text (lines separated by {@code \n}, paragraphs by a blank line),
 *     empty unless read; exactly as the engine gave it, NFC-normalised
 * @param confidence mean word confidence 0-100 weighted by word length; NaN when no word was read
 * @param words number of words recognised
 * @param failure why the page was not read, null when it was
 * @param detail more about the failure for logs (e.g. the engine's message), null when read
 * @param elapsed wall-clock time spent on the page
 */
public record PageReading(
    String text,
    double confidence,
    int words,
    OcrFailure failure,
    String detail,
    Duration elapsed) {

  public PageReading {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(elapsed, "elapsed");
    if (failure != null && !text.isEmpty()) {
      throw new IllegalArgumentException("a failed reading has no text");
    }
    if (!Double.isNaN(confidence) && (confidence < 0 || confidence > 100)) {
      throw new IllegalArgumentException("confidence must be within 0-100");
    }
  }

  /** A page that was read. */
  public static PageReading read(String text, double confidence, int words, Duration elapsed) {
    return new PageReading(text, confidence, words, null, null, elapsed);
  }

  /** A page that was not read, and why. */
  public static PageReading failed(OcrFailure failure, String detail, Duration elapsed) {
    return new PageReading("", Double.NaN, 0, Objects.requireNonNull(failure), detail, elapsed);
  }

  /** Whether the page was read. */
  public boolean isRead() {
    return failure == null;
  }
}
