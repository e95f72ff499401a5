package vn.tangthu.indexer.ocr.internal;

import java.io.IOException;
import vn.tangthu.indexer.ocr.OcrFailure;

/** A document none of whose pages can be read, and why. */
public final class UnreadableException extends IOException {

  private final OcrFailure failure;

  public UnreadableException(OcrFailure failure, String detail) {
    super(detail);
    this.failure = failure;
  }

  public OcrFailure failure() {
    return failure;
  }
}
