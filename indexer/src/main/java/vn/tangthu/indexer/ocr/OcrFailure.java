package vn.tangthu.indexer.ocr;

/**
 * Why a page or a document was not read. The names are stable codes (they may be stored and
 * compared); {@link #reason()} is a short English sentence for people.
 */
public enum OcrFailure {
  /** No engine, or an engine without the configured languages: read again once one is installed. */
  ENGINE_ABSENT("OCR engine not available"),
  /** The image declares more pixels than the per-page limit; refused before decoding. */
  IMAGE_TOO_LARGE("image too large"),
  /** The image declares far more pixels than its compressed size can honestly hold. */
  DECOMPRESSION_BOMB("suspected decompression bomb"),
  /** The image, the PDF or one of its pages could not be decoded (truncated, corrupt). */
  CORRUPT("corrupt or truncated image"),
  /** The PDF needs a password to open. */
  ENCRYPTED("encrypted document"),
  /** Not a format this reader decodes. */
  UNSUPPORTED("unsupported image format"),
  /** The engine did not finish the page within the page time limit and was stopped. */
  PAGE_TIMED_OUT("page took longer than the time limit"),
  /** The document's time limit ran out before this page. */
  DOCUMENT_TIMED_OUT("document took longer than the time limit"),
  /** Pages after the per-document page limit are not read. */
  OVER_PAGE_LIMIT("over the page limit"),
  /** The caller cancelled the reading. */
  CANCELLED("cancelled"),
  /** The engine ran but failed on this page. */
  ENGINE_FAILED("OCR engine failed");

  private final String reason;

  OcrFailure(String reason) {
    this.reason = reason;
  }

  /** A short English sentence for people. */
  public String reason() {
    return reason;
  }
}
