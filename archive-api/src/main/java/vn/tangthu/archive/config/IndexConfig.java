package vn.tangthu.archive.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * The local search index and the extraction worker that feeds it ({@code index:}). Absent values
 * take the defaults below; bounds are checked at start-up.
 *
 * @param directory index directory; relative paths are under the data directory (default {@code
 *     index})
 * @param extractionTimeout time one document's text extraction may take (default 60 s; positive)
 * @param maxTextChars extracted text beyond this many characters is cut (default 20,000,000; at
 *     least 1000)
 * @param extractionThreads documents extracted in parallel (1 to 64; default: the processors)
 * @param isolation {@code fork} (default: Tika runs in warm child JVMs with their own heap limit,
 *     killed on timeout, so a hostile file cannot hang or exhaust the API) or {@code in-process}
 * @param extractorHeapMb heap limit in MiB of each extraction child JVM (default 512; at least 64)
 * @param searchThreads threads one search may use at once (its segments, rescoring and snippets in
 *     parallel; 1 to 256; default: the processors of the machine)
 * @param ocr OCR of scanned pages ({@link OcrConfig})
 */
public record IndexConfig(
    @NotBlank String directory,
    @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        @JsonDeserialize(using = ConfigDuration.class)
        Duration extractionTimeout,
    @NotNull @Min(1000) Integer maxTextChars,
    @NotNull @Min(1) @Max(64) Integer extractionThreads,
    @NotNull Isolation isolation,
    @NotNull @Min(64) Integer extractorHeapMb,
    @NotNull @Min(1) @Max(SearchIndex.MAX_SEARCH_THREADS) Integer searchThreads,
    @Valid @NotNull OcrConfig ocr) {

  public IndexConfig {
    directory = Absent.or(directory, "index");
    extractionTimeout = Absent.or(extractionTimeout, Duration.seconds(60));
    maxTextChars = Absent.or(maxTextChars, 20_000_000);
    extractionThreads = Absent.or(extractionThreads, Absent.processors());
    isolation = Absent.or(isolation, Isolation.FORK);
    extractorHeapMb = Absent.or(extractorHeapMb, 512);
    searchThreads = Absent.or(searchThreads, Absent.processors());
    ocr = Absent.or(ocr, OcrConfig.defaults());
  }

  /** Every value at its default (the file has no {@code index:} block). */
  public static IndexConfig defaults() {
    return new IndexConfig(null, null, null, null, null, null, null, null);
  }
}
