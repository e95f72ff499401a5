package vn.tangthu.signature;

/**
 * The file is not a signature container this library can read at all (not a PDF, not CMS, not an
 * OOXML package). The API maps it to a 4xx answer. Carries a Vietnamese message besides the English
 * one.
 */
public final class SignatureFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String messageVi;

  /** Creates the exception with both messages and the underlying cause, which may be null. */
  public SignatureFormatException(String message, String messageVi, Throwable cause) {
    super(message, cause);
    this.messageVi = messageVi;
  }

  /** The reason in Vietnamese. */
  public String messageVi() {
    return messageVi;
  }
}
