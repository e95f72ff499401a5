package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * The local search index and the extraction worker that feeds it.
 *
 * @param directory index directory; relative paths are under the data directory
 * @param extractionTimeout time one document's text extraction may take
 * @param maxTextChars extracted text beyond this many characters is cut
 * @param extractionThreads documents extracted in parallel
 * @param isolation {@code fork} (default: Tika runs in warm child JVMs with their own heap limit,
 *     killed on timeout, so a hostile file cannot hang or exhaust the API) or {@code in-process}
 * @param extractorHeapMb heap limit of each extraction child JVM
 * @param searchThreads threads one search may use at once (its segments, rescoring and snippets in
 *     parallel; default: the processors of the machine)
 * @param ocr OCR of scanned pages ({@link OcrConfig})
 */
public record IndexConfig(
    String directory,
    Duration extractionTimeout,
    int maxTextChars,
    int extractionThreads,
    String isolation,
    int extractorHeapMb,
    int searchThreads,
    OcrConfig ocr) {

  @JsonCreator
  public IndexConfig(
      @JsonProperty("directory") String directory,
      @JsonProperty("extractionTimeout") String extractionTimeout,
      @JsonProperty("maxTextChars") Integer maxTextChars,
      @JsonProperty("extractionThreads") Integer extractionThreads,
      @JsonProperty("isolation") String isolation,
      @JsonProperty("extractorHeapMb") Integer extractorHeapMb,
      @JsonProperty("searchThreads") Integer searchThreads,
      @JsonProperty("ocr") OcrConfig ocr) {
    this(
        directory == null || directory.isBlank() ? "index" : directory,
        extractionTimeout == null || extractionTimeout.isBlank()
            ? Duration.ofSeconds(60)
            : Duration.parse(extractionTimeout),
        maxTextChars == null ? 20_000_000 : maxTextChars,
        extractionThreads == null ? processors() : extractionThreads,
        isolation == null || isolation.isBlank() ? "fork" : isolation,
        extractorHeapMb == null ? 512 : extractorHeapMb,
        searchThreads == null ? processors() : searchThreads,
        ocr == null ? OcrConfig.defaults() : ocr);
  }

  public IndexConfig {
    if (extractionTimeout.isNegative() || extractionTimeout.isZero()) {
      throw new IllegalArgumentException("index.extractionTimeout must be positive (ISO-8601)");
    }
    if (maxTextChars < 1000) {
      throw new IllegalArgumentException("index.maxTextChars must be at least 1000");
    }
    if (!isolation.equals("fork") && !isolation.equals("in-process")) {
      throw new IllegalArgumentException("index.isolation must be fork or in-process");
    }
    if (extractorHeapMb < 64) {
      throw new IllegalArgumentException("index.extractorHeapMb must be at least 64");
    }
    if (extractionThreads < 1 || extractionThreads > 64) {
      throw new IllegalArgumentException("index.extractionThreads must be between 1 and 64");
    }
    if (searchThreads < 1 || searchThreads > SearchIndex.MAX_SEARCH_THREADS) {
      throw new IllegalArgumentException(
          "index.searchThreads must be between 1 and " + SearchIndex.MAX_SEARCH_THREADS);
    }
  }

  private static int processors() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  public static IndexConfig defaults() {
    return new IndexConfig(null, (String) null, null, null, null, null, null, null);
  }
}
