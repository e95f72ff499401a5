package vn.tangthu.retention.transfer;

/**
 * Writing a package failed: content did not match its declared size or SHA-256, a source could not
 * be read, or the output failed. The output written so far is incomplete and must be discarded.
 */
public final class TransferException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransferException(String message) {
    super(message);
  }

  public TransferException(String message, Throwable cause) {
    super(message, cause);
  }
}
