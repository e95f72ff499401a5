package vn.tangthu.indexer.ocr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How pages are read: where the engine is, which languages, and the limits that keep one document
 * from taking more than its share.
 *
 * @param tesseractPath the {@code tesseract} executable; when it is missing the engine reports
 *     itself absent ({@link EngineStatus#available()} false) instead of failing pages
 * @param languages Tesseract language models, in order (e.g. {@code vie}, {@code eng})
 * @param pageSegmentation Tesseract page segmentation mode ({@code --psm}, 0-13)
 * @param renderDpi resolution at which PDF pages without a text layer are rendered
 * @param maxPixelsPerPage a page image (or an image drawn on a PDF page) with more pixels is
 *     refused before it is decoded
 * @param maxPages pages after this many are not read (reported as skipped)
 * @param pageTimeout wall-clock time one page may take; the engine process is killed after it
 * @param documentTimeout wall-clock time all pages of one document may take together
 * @param engineThreads threads one engine process may use ({@code OMP_THREAD_LIMIT}); 1 gives the
 *     best throughput when several pages are read at once
 * @param engineOptions further Tesseract parameters ({@code -c name=value}), e.g. {@code
 *     thresholding_method}
 * @param deskew whether a page is straightened before it is read (projection-profile angle within
 *     ±4°; measured: a 2° skew made Tesseract drop and reorder lines, 8.5 % CER, 1.6 % once
 *     straightened, no change on straight pages)
 */
public record OcrSettings(
    Path tesseractPath,
    List<String> languages,
    int pageSegmentation,
    int renderDpi,
    long maxPixelsPerPage,
    int maxPages,
    Duration pageTimeout,
    Duration documentTimeout,
    int engineThreads,
    Map<String, String> engineOptions,
    boolean deskew) {

  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_]{1,32}");
  private static final Pattern OPTION_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,63}");
  private static final Pattern OPTION_VALUE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

  /** Debian's Tesseract with the Vietnamese and English models and the measured defaults. */
  public static final OcrSettings DEFAULT =
      new OcrSettings(
          Path.of("/usr/bin/tesseract"),
          List.of("vie", "eng"),
          3,
          300,
          40_000_000L,
          500,
          Duration.ofSeconds(120),
          Duration.ofMinutes(30),
          1,
          Map.of(),
          true);

  public OcrSettings {
    Objects.requireNonNull(tesseractPath, "tesseractPath");
    Objects.requireNonNull(pageTimeout, "pageTimeout");
    Objects.requireNonNull(documentTimeout, "documentTimeout");
    languages = List.copyOf(languages);
    if (languages.isEmpty()) {
      throw new IllegalArgumentException("at least one language is needed");
    }
    for (String language : languages) {
      if (!LANGUAGE.matcher(language).matches()) {
        throw new IllegalArgumentException("not a Tesseract language name: " + language);
      }
    }
    if (pageSegmentation < 0 || pageSegmentation > 13) {
      throw new IllegalArgumentException("pageSegmentation must be between 0 and 13");
    }
    if (renderDpi < 72 || renderDpi > 1200) {
      throw new IllegalArgumentException("renderDpi must be between 72 and 1200");
    }
    if (maxPixelsPerPage < 1_000_000L) {
      throw new IllegalArgumentException("maxPixelsPerPage must be at least 1000000");
    }
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1");
    }
    if (pageTimeout.isNegative() || pageTimeout.isZero()) {
      throw new IllegalArgumentException("pageTimeout must be positive");
    }
    if (documentTimeout.isNegative() || documentTimeout.isZero()) {
      throw new IllegalArgumentException("documentTimeout must be positive");
    }
    if (engineThreads < 1 || engineThreads > 64) {
      throw new IllegalArgumentException("engineThreads must be between 1 and 64");
    }
    engineOptions = Collections.unmodifiableSortedMap(new TreeMap<>(engineOptions));
    engineOptions.forEach(
        (name, value) -> {
          if (!OPTION_NAME.matcher(name).matches() || !OPTION_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a Tesseract parameter: " + name + "=" + value);
          }
        });
  }

  /** The languages as Tesseract's {@code -l} argument, e.g. {@code vie+eng}. */
  public String languageArgument() {
    return String.join("+", languages);
  }

  /** These settings with another engine location. */
  public OcrSettings withTesseractPath(Path path) {
    return new OcrSettings(
        path,
        languages,
        pageSegmentation,
        renderDpi,
        maxPixelsPerPage,
        maxPages,
        pageTimeout,
        documentTimeout,
        engineThreads,
        engineOptions,
        deskew);
  }

  /** These settings with other page limits. */
  public OcrSettings withLimits(
      long maxPixelsPerPage, int maxPages, Duration pageTimeout, Duration documentTimeout) {
    return new OcrSettings(
        tesseractPath,
        languages,
        pageSegmentation,
        renderDpi,
        maxPixelsPerPage,
        maxPages,
        pageTimeout,
        documentTimeout,
        engineThreads,
        engineOptions,
        deskew);
  }

  /** These settings with another way of reading pages. */
  public OcrSettings withReading(
      List<String> languages,
      int pageSegmentation,
      int renderDpi,
      Map<String, String> engineOptions) {
    return new OcrSettings(
        tesseractPath,
        languages,
        pageSegmentation,
        renderDpi,
        maxPixelsPerPage,
        maxPages,
        pageTimeout,
        documentTimeout,
        engineThreads,
        engineOptions,
        deskew);
  }

  /** These settings with or without deskewing. */
  public OcrSettings withDeskew(boolean deskew) {
    return new OcrSettings(
        tesseractPath,
        languages,
        pageSegmentation,
        renderDpi,
        maxPixelsPerPage,
        maxPages,
        pageTimeout,
        documentTimeout,
        engineThreads,
        engineOptions,
        deskew);
  }
}
