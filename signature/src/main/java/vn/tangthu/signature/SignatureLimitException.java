package vn.tangthu.signature;

import java.io.IOException;

/**
 * Verification was stopped: it exceeded its time limit, or its isolated process ran out of memory
 * or crashed. The document's signatures could not be checked (which says nothing about them).
 */
public final class SignatureLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String messageVi;

  public SignatureLimitException(String message, String messageVi, Throwable cause) {
    super(message, cause);
    this.messageVi = messageVi;
  }

  /** The reason in Vietnamese. */
  public String messageVi() {
    return messageVi;
  }
}
