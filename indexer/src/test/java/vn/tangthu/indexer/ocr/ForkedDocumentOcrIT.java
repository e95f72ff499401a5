package vn.tangthu.indexer.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.child.ForkSettings;
import vn.tangthu.indexer.testing.ScannedPages;

/**
 * OCR in its own pool of child JVMs, one page per request, with real Tesseract (skipped where it is
 * not installed): pages are reported as they are done, a decompression bomb fails alone, the page
 * cap and an absent engine are honoured.
 */
class ForkedDocumentOcrIT {

  @TempDir static Path dir;
  private static ForkedDocumentOcr ocr;

  @BeforeAll
  static void open() {
    assumeTrue(
        Files.isExecutable(OcrSettings.DEFAULT.tesseractPath()),
        "needs Tesseract with vie and eng (.ci/run installs it)");
    ocr =
        new ForkedDocumentOcr(
            OcrSettings.DEFAULT, ForkSettings.fromThisJvm(1, 512), Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    if (ocr != null) {
      ocr.close();
    }
  }

  @Test
  void aMixedPdfIsReadPageByPageWithProgress() throws IOException {
    Path pdf = ScannedPages.mixedPdf(dir.resolve("m.pdf"), "Trang văn bản có lớp chữ.", "Ký bởi");
    List<String> progress = new ArrayList<>();
    OcrResult result =
        ocr.read(
            pdf,
            "application/pdf",
            Cancellation.none(),
            (page, examined) -> progress.add(page.number() + "/" + examined));
    assertThat(progress).containsExactly("1/2", "2/2");
    assertThat(result.status()).isEqualTo(OcrResult.Status.DONE);
    assertThat(result.pages())
        .extracting(OcrPage::kind)
        .containsExactly(OcrPage.Kind.TEXT_LAYER, OcrPage.Kind.READ);
    assertThat(result.text()).contains("lớp chữ").contains("chuyển đổi số");
    assertThat(result.engine().engine()).startsWith("tesseract 5");
  }

  @Test
  void aDecompressionBombFailsAloneAndTheNextScanIsRead() throws IOException {
    OcrResult bomb =
        ocr.read(
            ScannedPages.bombPng(dir.resolve("bomb.png"), 100_000, 100_000, true),
            "image/png",
            Cancellation.none(),
            ForkedDocumentOcr.Progress.of(page -> {}));
    assertThat(bomb.status()).isEqualTo(OcrResult.Status.FAILED);
    assertThat(bomb.failure()).isIn(OcrFailure.IMAGE_TOO_LARGE, OcrFailure.DECOMPRESSION_BOMB);

    OcrResult next =
        ocr.read(
            ScannedPages.png(dir.resolve("next.png")),
            "image/png",
            Cancellation.none(),
            ForkedDocumentOcr.Progress.of(page -> {}));
    assertThat(next.status()).isEqualTo(OcrResult.Status.DONE);
    assertThat(next.text()).contains("lưu trữ hồ sơ");
  }

  @Test
  void pagesBeyondTheCapAreNotRead() throws IOException {
    OcrSettings onePage =
        OcrSettings.DEFAULT.withLimits(
            OcrSettings.DEFAULT.maxPixelsPerPage(),
            1,
            Duration.ofMinutes(2),
            Duration.ofMinutes(5));
    try (ForkedDocumentOcr capped =
        new ForkedDocumentOcr(onePage, ForkSettings.fromThisJvm(1, 256), Clock.systemUTC())) {
      OcrResult result =
          capped.read(
              ScannedPages.textPdf(dir.resolve("t.pdf"), 3),
              "application/pdf",
              Cancellation.none(),
              ForkedDocumentOcr.Progress.of(page -> {}));
      assertThat(result.status()).isEqualTo(OcrResult.Status.PARTIAL);
      assertThat(result.failure()).isEqualTo(OcrFailure.OVER_PAGE_LIMIT);
      assertThat(result.pages()).hasSize(1);
      assertThat(result.pageCount()).isEqualTo(3);
    }
  }

  @Test
  void withoutAnEngineScansNeedOcr() throws IOException {
    OcrSettings absent = OcrSettings.DEFAULT.withTesseractPath(dir.resolve("no-tesseract"));
    try (ForkedDocumentOcr none =
        new ForkedDocumentOcr(absent, ForkSettings.fromThisJvm(1, 256), Clock.systemUTC())) {
      assertThat(none.status().available()).isFalse();
      OcrResult result =
          none.read(
              ScannedPages.imagePdf(dir.resolve("s.pdf")),
              "application/pdf",
              Cancellation.none(),
              ForkedDocumentOcr.Progress.of(page -> {}));
      assertThat(result.status()).isEqualTo(OcrResult.Status.NEEDS_OCR);
      assertThat(result.failure()).isEqualTo(OcrFailure.ENGINE_ABSENT);
    }
  }
}
