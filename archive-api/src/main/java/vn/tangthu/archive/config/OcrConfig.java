package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import vn.tangthu.indexer.ocr.OcrSettings;

/**
 * OCR of scanned pages ({@code index.ocr}): pages without a text layer are read by Tesseract in
 * child JVMs of their own, on a worker pool separate from ordinary text extraction.
 *
 * @param tesseractPath the {@code tesseract} executable; when it is missing, records with such
 *     pages are {@code NEEDS_OCR} and are read again once it is there (at the next start, or by
 *     {@code reextract --status NEEDS_OCR})
 * @param languages Tesseract language models, in order
 * @param renderDpi resolution PDF pages are rendered at
 * @param maxPages pages after this many are not read
 * @param pageTimeout time one page may take (ISO-8601)
 * @param documentTimeout time all pages of one document may take together (ISO-8601)
 * @param maxPixelsPerPage a page with more pixels is refused before it is decoded
 * @param processes documents read at once (each in its own child JVM)
 * @param heapMb heap limit of each OCR child JVM
 * @param reopenAtStart whether a start with the engine available reads the NEEDS_OCR records again
 *     (default true; false leaves it to {@code reextract --status NEEDS_OCR})
 */
public record OcrConfig(
    Path tesseractPath,
    List<String> languages,
    int renderDpi,
    int maxPages,
    Duration pageTimeout,
    Duration documentTimeout,
    long maxPixelsPerPage,
    int processes,
    int heapMb,
    boolean reopenAtStart) {

  @JsonCreator
  public static OcrConfig of(
      @JsonProperty("tesseractPath") String tesseractPath,
      @JsonProperty("languages") List<String> languages,
      @JsonProperty("renderDpi") Integer renderDpi,
      @JsonProperty("maxPages") Integer maxPages,
      @JsonProperty("pageTimeout") String pageTimeout,
      @JsonProperty("documentTimeout") String documentTimeout,
      @JsonProperty("maxPixelsPerPage") Long maxPixelsPerPage,
      @JsonProperty("processes") Integer processes,
      @JsonProperty("heapMb") Integer heapMb,
      @JsonProperty("reopenAtStart") Boolean reopenAtStart) {
    OcrSettings d = OcrSettings.DEFAULT;
    return new OcrConfig(
        blank(tesseractPath) ? d.tesseractPath() : Path.of(tesseractPath),
        languages == null || languages.isEmpty() ? d.languages() : languages,
        renderDpi == null ? d.renderDpi() : renderDpi,
        maxPages == null ? d.maxPages() : maxPages,
        blank(pageTimeout) ? d.pageTimeout() : Duration.parse(pageTimeout),
        blank(documentTimeout) ? d.documentTimeout() : Duration.parse(documentTimeout),
        maxPixelsPerPage == null ? d.maxPixelsPerPage() : maxPixelsPerPage,
        processes == null ? 1 : processes,
        heapMb == null ? 768 : heapMb,
        reopenAtStart == null || reopenAtStart);
  }

  public OcrConfig {
    languages = List.copyOf(languages);
    if (processes < 1 || processes > 64) {
      throw new IllegalArgumentException("index.ocr.processes must be between 1 and 64");
    }
    if (heapMb < 128) {
      throw new IllegalArgumentException("index.ocr.heapMb must be at least 128");
    }
    settings(
        tesseractPath,
        languages,
        renderDpi,
        maxPages,
        pageTimeout,
        documentTimeout,
        maxPixelsPerPage); // validates the rest
  }

  /** The defaults: Debian's Tesseract with vie and eng, one document at a time. */
  public static OcrConfig defaults() {
    return of(null, null, null, null, null, null, null, null, null, null);
  }

  /** The engine's settings. */
  public OcrSettings settings() {
    return settings(
        tesseractPath,
        languages,
        renderDpi,
        maxPages,
        pageTimeout,
        documentTimeout,
        maxPixelsPerPage);
  }

  private static OcrSettings settings(
      Path tesseractPath,
      List<String> languages,
      int renderDpi,
      int maxPages,
      Duration pageTimeout,
      Duration documentTimeout,
      long maxPixelsPerPage) {
    return OcrSettings.DEFAULT
        .withTesseractPath(tesseractPath)
        .withLimits(maxPixelsPerPage, maxPages, pageTimeout, documentTimeout)
        .withReading(
            languages,
            OcrSettings.DEFAULT.pageSegmentation(),
            renderDpi,
            OcrSettings.DEFAULT.engineOptions());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
