package vn.tangthu.archive.evidence;

/** An evidence record could not be produced or renewed (TSA failure, unreadable record). */
public final class EvidenceException extends Exception {
  private static final long serialVersionUID = 1L;

  public EvidenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
