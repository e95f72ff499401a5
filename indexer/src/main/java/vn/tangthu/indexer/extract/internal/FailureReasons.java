package vn.tangthu.indexer.extract.internal;

import java.io.EOFException;
import java.time.Duration;
import java.util.Locale;
import org.apache.tika.exception.AccessPermissionException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.UnsupportedFormatException;

/** Short, stable, clerk-readable reasons for failed extractions. */
public final class FailureReasons {

  public static final String ENCRYPTED = "encrypted document";
  public static final String CORRUPT = "corrupt or truncated file";
  public static final String ZIP_BOMB =
      "suspected zip bomb (too much or too deeply nested content)";
  public static final String TOO_LARGE = "too large to extract within the memory limit";
  public static final String UNSUPPORTED = "unsupported format";
  public static final String NOT_PERMITTED = "text extraction not permitted by the document";
  public static final String CRASHED = "extraction process crashed";

  private FailureReasons() {}

  /** The reason for an exception thrown by a parse. */
  public static String of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EncryptedDocumentException) {
        return ENCRYPTED;
      }
      if (t instanceof AccessPermissionException) {
        return NOT_PERMITTED;
      }
      String message = TikaParsing.lower(t.getMessage());
      if (message.contains("zip bomb")) {
        return ZIP_BOMB;
      }
      if (t instanceof TikaMemoryLimitException || t instanceof OutOfMemoryError) {
        return TOO_LARGE;
      }
      if (message.contains("password") || message.contains("encrypt")) {
        return ENCRYPTED;
      }
      if (t instanceof EOFException || message.contains("truncated")) {
        return CORRUPT;
      }
      if (t instanceof UnsupportedFormatException) {
        return UNSUPPORTED;
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return CORRUPT;
  }

  /** "timed out after 60 s" (or milliseconds for sub-second limits). */
  public static String timedOut(Duration timeout) {
    if (timeout.toMillis() % 1000 == 0) {
      return String.format(Locale.ROOT, "timed out after %d s", timeout.toSeconds());
    }
    return String.format(Locale.ROOT, "timed out after %d ms", timeout.toMillis());
  }
}
