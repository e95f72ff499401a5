package vn.tangthu.archive.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * A record's OCR as the Record's {@code extraction.ocr} shows it (names from the HTTP contract).
 *
 * @param pages pages examined by OCR (the page cap applied; 0 until the document is opened)
 * @param pagesDone pages finished so far (read, taken from their text layer, or failed)
 * @param engine the engine with its version, e.g. {@code tesseract 5.3.0}; null until known
 * @param languages the engine's languages, e.g. {@code ["vie", "eng"]}
 * @param meanConfidence mean word confidence 0-100 of the pages read; null when none was read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OcrProgress(
    int pages, int pagesDone, String engine, List<String> languages, Double meanConfidence) {

  public OcrProgress {
    languages = List.copyOf(Objects.requireNonNull(languages, "languages"));
    if (pages < 0 || pagesDone < 0) {
      throw new IllegalArgumentException("page counts must not be negative");
    }
    if (meanConfidence != null && (meanConfidence < 0 || meanConfidence > 100)) {
      throw new IllegalArgumentException("meanConfidence must be within 0-100");
    }
  }
}
