package vn.tangthu.indexer.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits applied to every document.
 *
 * @param timeout wall-clock time one document may take
 * @param maxTextChars extracted text is cut after this many characters
 */
public record ExtractionLimits(Duration timeout, int maxTextChars) {

  public static final ExtractionLimits DEFAULT =
      new ExtractionLimits(Duration.ofSeconds(60), 20_000_000);

  public ExtractionLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxTextChars <= 0) {
      throw new IllegalArgumentException("maxTextChars must be positive");
    }
  }
}
