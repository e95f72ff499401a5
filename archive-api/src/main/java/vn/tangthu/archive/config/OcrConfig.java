package vn.tangthu.archive.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.tangthu.indexer.ocr.OcrSettings;

/**
 * OCR of scanned pages ({@code index.ocr}): pages without a text layer are read by Tesseract in
 * child JVMs of their own, on a worker pool separate from ordinary text extraction. Absent values
 * take the defaults below (those of {@link OcrSettings#DEFAULT} for the engine's own settings);
 * bounds are checked at start-up, and they are those of {@link OcrSettings}, so {@link #settings()}
 * of a validated configuration always succeeds.
 *
 * @param tesseractPath the {@code tesseract} executable (default {@code /usr/bin/tesseract}); when
 *     it is missing, records with such pages are {@code NEEDS_OCR} and are read again once it is
 *     there (at the next start, or by {@code reextract --status NEEDS_OCR})
 * @param languages Tesseract language models, in order (default {@code vie}, {@code eng}; names of
 *     letters, digits and {@code _})
 * @param renderDpi resolution PDF pages are rendered at (default 300; 72 to 1200)
 * @param maxPages pages after this many are not read (default 500; at least 1)
 * @param pageTimeout time one page may take (default 120 s; positive; ISO-8601 or {@code 2
 *     minutes})
 * @param documentTimeout time all pages of one document may take together (default 30 min;
 *     positive)
 * @param maxPixelsPerPage a page with more pixels is refused before it is decoded (default
 *     40,000,000; at least 1,000,000)
 * @param processes documents read at once, each in its own child JVM (default 1; 1 to 64)
 * @param heapMb heap limit in MiB of each OCR child JVM (default 768; at least 128)
 * @param reopenAtStart whether a start with the engine available reads the NEEDS_OCR records again
 *     (default true; false leaves it to {@code reextract --status NEEDS_OCR})
 */
public record OcrConfig(
    @NotBlank String tesseractPath,
    @NotEmpty List<@NotNull @Pattern(regexp = "[A-Za-z0-9_]{1,32}") String> languages,
    @NotNull @Min(72) @Max(1200) Integer renderDpi,
    @NotNull @Min(1) Integer maxPages,
    @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        @JsonDeserialize(using = ConfigDuration.class)
        Duration pageTimeout,
    @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        @JsonDeserialize(using = ConfigDuration.class)
        Duration documentTimeout,
    @NotNull @Min(1_000_000) Long maxPixelsPerPage,
    @NotNull @Min(1) @Max(64) Integer processes,
    @NotNull @Min(128) Integer heapMb,
    @NotNull Boolean reopenAtStart) {

  public OcrConfig {
    OcrSettings d = OcrSettings.DEFAULT;
    tesseractPath = Absent.or(tesseractPath, d.tesseractPath().toString());
    // copied without List.copyOf, so a null name reaches the validator, which names the field
    languages = Collections.unmodifiableList(new ArrayList<>(Absent.or(languages, d.languages())));
    renderDpi = Absent.or(renderDpi, d.renderDpi());
    maxPages = Absent.or(maxPages, d.maxPages());
    pageTimeout = Absent.or(pageTimeout, Duration.milliseconds(d.pageTimeout().toMillis()));
    documentTimeout =
        Absent.or(documentTimeout, Duration.milliseconds(d.documentTimeout().toMillis()));
    maxPixelsPerPage = Absent.or(maxPixelsPerPage, d.maxPixelsPerPage());
    processes = Absent.or(processes, 1);
    heapMb = Absent.or(heapMb, 768);
    reopenAtStart = Absent.or(reopenAtStart, true);
  }

  /** Every value at its default: Debian's Tesseract with vie and eng, one document at a time. */
  public static OcrConfig defaults() {
    return new OcrConfig(null, null, null, null, null, null, null, null, null, null);
  }

  /** The engine's settings (the configuration must have been validated). */
  public OcrSettings settings() {
    return OcrSettings.DEFAULT
        .withTesseractPath(Path.of(tesseractPath))
        .withLimits(
            maxPixelsPerPage,
            maxPages,
            pageTimeout.toJavaDuration(),
            documentTimeout.toJavaDuration())
        .withReading(
            languages,
            OcrSettings.DEFAULT.pageSegmentation(),
            renderDpi,
            OcrSettings.DEFAULT.engineOptions());
  }
}
