package vn.tangthu.indexer.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.indexer.testing.CharacterErrors;
import vn.tangthu.indexer.testing.ScannedPages;

/**
 * Real Tesseract ({@code tesseract-ocr}, {@code tesseract-ocr-vie}, {@code tesseract-ocr-eng})
 * reading pages drawn in the test.
 */
class DocumentOcrIT {

  /** Loose: the benchmark holds the real goals; this only shows the page was read as Vietnamese. */
  private static final double MAX_CER = 0.05;

  @TempDir static Path dir;
  private static Tesseract engine;
  private static DocumentOcr ocr;

  @BeforeAll
  static void open() {
    engine = new Tesseract(OcrSettings.DEFAULT);
    assertThat(engine.status().available())
        .as("Tesseract with vie and eng must be installed: %s", engine.status().reason())
        .isTrue();
    ocr = new DocumentOcr(engine, OcrSettings.DEFAULT, Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aPngIsRead() throws IOException {
    OcrResult result =
        ocr.read(ScannedPages.png(dir.resolve("p.png")), "image/png", Cancellation.none());
    assertThat(result.status()).isEqualTo(OcrResult.Status.DONE);
    assertThat(result.pagesRead()).isEqualTo(1);
    assertThat(CharacterErrors.rate(result.text(), ScannedPages.truth())).isLessThan(MAX_CER);
    assertThat(result.meanConfidence()).isBetween(50.0, 100.0);
    assertThat(result.engine().engine()).startsWith("tesseract 5");
    assertThat(result.engine().languages()).containsExactly("vie", "eng");
  }

  @Test
  void anImageOnlyPdfPageIsRead() throws IOException {
    OcrResult result =
        ocr.read(
            ScannedPages.imagePdf(dir.resolve("scan.pdf")), "application/pdf", Cancellation.none());
    assertThat(result.status()).isEqualTo(OcrResult.Status.DONE);
    assertThat(result.pages())
        .singleElement()
        .extracting(OcrPage::kind)
        .isEqualTo(OcrPage.Kind.READ);
    assertThat(CharacterErrors.rate(result.text(), ScannedPages.truth())).isLessThan(MAX_CER);
  }

  @Test
  void aMixedPdfGivesItsTextLayerAndItsScannedPage() throws IOException {
    String typed = "Công văn số 15/SNV-VP gửi các phòng ban về lịch trực Tết Nguyên đán năm 2025.";
    String stamp = "Ký bởi: Sở Nội vụ tỉnh Bắc Ninh";
    List<OcrPage> progress = new ArrayList<>();
    OcrResult result =
        ocr.read(
            ScannedPages.mixedPdf(dir.resolve("mixed.pdf"), typed, stamp),
            "application/pdf",
            Cancellation.none(),
            progress::add);
    assertThat(result.status()).isEqualTo(OcrResult.Status.DONE);
    assertThat(result.pages())
        .extracting(OcrPage::kind)
        .containsExactly(OcrPage.Kind.TEXT_LAYER, OcrPage.Kind.READ);
    assertThat(progress).isEqualTo(result.pages());
    assertThat(result.pages().get(0).text()).isEqualTo(typed);
    String scanned = result.pages().get(1).text();
    assertThat(scanned).startsWith(stamp);
    String read = scanned.substring(stamp.length());
    assertThat(CharacterErrors.rate(read, ScannedPages.truth())).isLessThan(MAX_CER);
    assertThat(read).as("the stamp is not read twice").doesNotContain("Ký bởi");
  }

  @Test
  void aPageOverItsTimeLimitIsStoppedAndItsProcessKilled() throws IOException {
    OcrSettings settings =
        OcrSettings.DEFAULT.withLimits(
            40_000_000L, 10, Duration.ofMillis(1), Duration.ofMinutes(1));
    try (Tesseract slow = new Tesseract(settings)) {
      OcrResult result =
          new DocumentOcr(slow, settings, Clock.systemUTC())
              .read(ScannedPages.png(dir.resolve("t.png")), "image/png", Cancellation.none());
      assertThat(result.status()).isEqualTo(OcrResult.Status.FAILED);
      assertThat(result.failure()).isEqualTo(OcrFailure.PAGE_TIMED_OUT);
    }
    assertThat(tesseractChildren()).isEmpty();
  }

  @Test
  void theDocumentTimeLimitStopsFurtherPages() throws IOException {
    MovingClock clock = new MovingClock();
    OcrSettings settings =
        OcrSettings.DEFAULT.withLimits(
            40_000_000L, 10, Duration.ofSeconds(60), Duration.ofMinutes(30));
    OcrResult result =
        new DocumentOcr(engine, settings, clock)
            .read(
                ScannedPages.textPdf(dir.resolve("three.pdf"), 3),
                "application/pdf",
                Cancellation.none(),
                page -> clock.advance(Duration.ofMinutes(20)));
    assertThat(result.pages())
        .extracting(OcrPage::kind)
        .containsExactly(OcrPage.Kind.TEXT_LAYER, OcrPage.Kind.TEXT_LAYER, OcrPage.Kind.NOT_READ);
    assertThat(result.status()).isEqualTo(OcrResult.Status.PARTIAL);
    assertThat(result.failure()).isEqualTo(OcrFailure.DOCUMENT_TIMED_OUT);
  }

  @Test
  void cancellingStopsThePageBeingRead() throws Exception {
    java.awt.image.BufferedImage big = ScannedPages.page(repeat(ScannedPages.LINES, 8));
    Cancellation cancellation = new Cancellation();
    CompletableFuture<PageReading> reading =
        CompletableFuture.supplyAsync(
            () -> engine.read(new PageImage(big, 300), Duration.ofMinutes(5), cancellation));
    while (tesseractChildren().isEmpty() && !reading.isDone()) {
      Thread.sleep(5);
    }
    cancellation.cancel();
    PageReading result = reading.get(60, TimeUnit.SECONDS);
    assertThat(result.failure()).isEqualTo(OcrFailure.CANCELLED);
    assertThat(tesseractChildren()).isEmpty();
  }

  @Test
  void withoutTheEngineScannedPagesNeedOcrAndTextPagesDoNot() throws IOException {
    OcrSettings absent = OcrSettings.DEFAULT.withTesseractPath(dir.resolve("bin/tesseract"));
    try (Tesseract missing = new Tesseract(absent)) {
      assertThat(missing.status().available()).isFalse();
      assertThat(missing.status().reason()).startsWith("OCR engine not found: ");
      DocumentOcr reader = new DocumentOcr(missing, absent, Clock.systemUTC());
      OcrResult png =
          reader.read(ScannedPages.png(dir.resolve("a.png")), "image/png", Cancellation.none());
      assertThat(png.status()).isEqualTo(OcrResult.Status.NEEDS_OCR);
      assertThat(png.failure()).isEqualTo(OcrFailure.ENGINE_ABSENT);
      OcrResult mixed =
          reader.read(
              ScannedPages.mixedPdf(dir.resolve("m.pdf"), "Trang đánh máy.", "Ký bởi"),
              "application/pdf",
              Cancellation.none());
      assertThat(mixed.status()).isEqualTo(OcrResult.Status.NEEDS_OCR);
      assertThat(mixed.text()).contains("Trang đánh máy.");
      assertThat(mixed.pages())
          .extracting(OcrPage::failure)
          .containsExactly(null, OcrFailure.ENGINE_ABSENT);
      OcrResult typed =
          reader.read(
              ScannedPages.textPdf(dir.resolve("t.pdf"), 2),
              "application/pdf",
              Cancellation.none());
      assertThat(typed.status()).isEqualTo(OcrResult.Status.DONE);
    }
  }

  @Test
  void aMissingLanguageModelMakesTheEngineAbsent() {
    OcrSettings settings =
        OcrSettings.DEFAULT.withReading(List.of("vie", "zzz"), 3, 300, java.util.Map.of());
    try (Tesseract partial = new Tesseract(settings)) {
      EngineStatus status = partial.status();
      assertThat(status.available()).isFalse();
      assertThat(status.reason()).isEqualTo("OCR language model not installed: zzz");
      assertThat(
              partial
                  .read(
                      new PageImage(ScannedPages.page(ScannedPages.LINES), 300),
                      Duration.ofSeconds(30),
                      Cancellation.none())
                  .failure())
          .isEqualTo(OcrFailure.ENGINE_ABSENT);
    }
  }

  private static List<String> repeat(List<String> lines, int times) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.addAll(lines);
    }
    return out;
  }

  private static List<ProcessHandle> tesseractChildren() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.isAlive() && p.info().command().orElse("").contains("tesseract"))
        .toList();
  }

  /** A clock the test moves forward. */
  private static final class MovingClock extends Clock {
    private volatile Instant now = Instant.parse("2025-01-02T08:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
