package vn.tangthu.indexer.ocr;

import java.util.List;
import java.util.Objects;

/**
 * Whether an OCR engine can read pages now.
 *
 * @param available true when the engine runs and has every configured language
 * @param engine engine name with version, e.g. {@code tesseract 5.3.0}; the bare name when absent
 * @param languages the configured languages (also when absent)
 * @param reason why the engine is not available (null when it is), a short English sentence
 */
public record EngineStatus(
    boolean available, String engine, List<String> languages, String reason) {

  public EngineStatus {
    Objects.requireNonNull(engine, "engine");
    languages = List.copyOf(languages);
    if (!available && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("an absent engine needs a reason");
    }
  }

  /** An engine that can read. */
  public static EngineStatus available(String engine, List<String> languages) {
    return new EngineStatus(true, engine, languages, null);
  }

  /** An engine that cannot read, and why. */
  public static EngineStatus absent(String engine, List<String> languages, String reason) {
    return new EngineStatus(false, engine, languages, reason);
  }
}
