package vn.tangthu.indexer.ocr.internal;

import vn.tangthu.indexer.ocr.OcrFailure;
import vn.tangthu.indexer.ocr.PageImage;

/**
 * One page made ready for reading: the text its file already holds, whether it needs OCR and the
 * image the engine must read, or why it cannot be prepared.
 *
 * @param number 1-based page number
 * @param textLayer text the page carries already (PDF text layer), empty when none
 * @param needsOcr whether the page's text is (also) in pixels that must be read
 * @param image the pixels to read; null when the page needs no OCR, when only the text layer was
 *     asked for, or when it failed
 * @param failure why the page could not be prepared, null when it could
 * @param detail more about the failure, null when none
 */
public record PreparedPage(
    int number,
    String textLayer,
    boolean needsOcr,
    PageImage image,
    OcrFailure failure,
    String detail) {

  /** A page to read (its image null when only the text layer was asked for). */
  public static PreparedPage toRead(int number, String textLayer, PageImage image) {
    return new PreparedPage(number, textLayer, true, image, null, null);
  }

  /** A page whose text layer is its whole text (or a blank page, with empty text). */
  public static PreparedPage textOnly(int number, String textLayer) {
    return new PreparedPage(number, textLayer, false, null, null, null);
  }

  /** A page that cannot be read, with the text layer it has. */
  public static PreparedPage failed(
      int number, String textLayer, OcrFailure failure, String detail) {
    return new PreparedPage(number, textLayer, true, null, failure, detail);
  }
}
