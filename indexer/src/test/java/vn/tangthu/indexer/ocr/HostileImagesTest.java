package vn.tangthu.indexer.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.indexer.testing.ScannedPages;

/**
 * Hostile and broken images fail alone, with their reason, before anything large is allocated and
 * before the engine is asked: each is refused from its header (the heap of this test JVM could not
 * hold one of them decoded), and the same reader goes on to the next document. The engine here
 * stands for Tesseract (outside the system) and counts the pages it is given.
 */
class HostileImagesTest {

  @TempDir static Path dir;
  private static final CountingEngine engine = new CountingEngine();
  private static DocumentOcr ocr;

  @BeforeAll
  static void open() {
    OcrSettings settings =
        OcrSettings.DEFAULT.withLimits(
            40_000_000L, 3, Duration.ofSeconds(60), Duration.ofMinutes(5));
    ocr = new DocumentOcr(engine, settings, Clock.systemUTC());
  }

  @BeforeEach
  void reset() {
    engine.pages.set(0);
  }

  /** An available engine that reads nothing and counts the pages it is given. */
  private static final class CountingEngine implements OcrEngine {
    final AtomicInteger pages = new AtomicInteger();

    @Override
    public EngineStatus status() {
      return EngineStatus.available("counting", List.of("vie"));
    }

    @Override
    public PageReading read(PageImage page, Duration timeLimit, Cancellation cancellation) {
      pages.incrementAndGet();
      return PageReading.read("", Double.NaN, 0, Duration.ZERO);
    }

    @Override
    public void close() {}
  }

  private static OcrResult read(Path file, String mediaType) {
    return ocr.read(file, mediaType, Cancellation.none());
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeader() throws IOException {
    Path bomb = ScannedPages.bombPng(dir.resolve("bomb.png"), 12_000, 12_000, true);
    assertThat(Files.size(bomb)).isLessThan(100_000);
    OcrResult result = read(bomb, "image/png");
    assertThat(result.status()).isEqualTo(OcrResult.Status.FAILED);
    assertThat(result.failure()).isEqualTo(OcrFailure.DECOMPRESSION_BOMB);
    assertThat(result.detail()).startsWith("12000 × 12000 px (limit 40.0 megapixels per page)");
    assertThat(engine.pages).hasValue(0);
    assertThat(result.pages())
        .singleElement()
        .extracting(OcrPage::kind)
        .isEqualTo(OcrPage.Kind.NOT_READ);
  }

  @Test
  void aHundredThousandPixelSquareHeaderIsRefused() throws IOException {
    Path header = ScannedPages.bombPng(dir.resolve("header.png"), 100_000, 100_000, false);
    OcrResult result = read(header, "image/png");
    assertThat(result.status()).isEqualTo(OcrResult.Status.FAILED);
    assertThat(result.failure()).isEqualTo(OcrFailure.DECOMPRESSION_BOMB);
    assertThat(result.detail()).startsWith("100000 × 100000 px");
    assertThat(engine.pages).hasValue(0);
  }

  @Test
  void aLargeImageThatIsNoBombIsRefusedAsTooLarge() throws IOException {
    // 7,000 × 7,000 px (49 Mpx) of noise compresses badly: too large, but no bomb
    Path big = dir.resolve("big.png");
    java.awt.image.BufferedImage noise =
        new java.awt.image.BufferedImage(
            7_000, 7_000, java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
    java.util.Random random = new java.util.Random(1);
    byte[] data = ((java.awt.image.DataBufferByte) noise.getRaster().getDataBuffer()).getData();
    random.nextBytes(data);
    javax.imageio.ImageIO.write(noise, "png", big.toFile());
    OcrResult result = read(big, "image/png");
    assertThat(result.failure()).isEqualTo(OcrFailure.IMAGE_TOO_LARGE);
  }

  @Test
  void aTruncatedPngFails() throws IOException {
    Path png = ScannedPages.png(dir.resolve("page.png"));
    Path cut = ScannedPages.truncated(png, dir.resolve("cut.png"), 0.6);
    OcrResult result = read(cut, "image/png");
    assertThat(result.status()).isEqualTo(OcrResult.Status.FAILED);
    assertThat(result.failure()).isEqualTo(OcrFailure.CORRUPT);
    assertThat(engine.pages).hasValue(0);
    assertThat(read(png, "image/png").status()).isEqualTo(OcrResult.Status.DONE);
    assertThat(engine.pages).hasValue(1);
  }

  @Test
  void aTruncatedJpegFailsThoughImageIoOnlyWarns() throws IOException {
    Path jpeg = dir.resolve("page.jpg");
    javax.imageio.ImageIO.write(ScannedPages.page(ScannedPages.LINES), "jpeg", jpeg.toFile());
    Path cut = ScannedPages.truncated(jpeg, dir.resolve("cut.jpg"), 0.5);
    OcrResult result = read(cut, "image/jpeg");
    assertThat(result.status()).isEqualTo(OcrResult.Status.FAILED);
    assertThat(result.failure()).isEqualTo(OcrFailure.CORRUPT);
    assertThat(result.detail()).isEqualTo("image data ends early");
    assertThat(engine.pages).hasValue(0);
  }

  @Test
  void bytesNoReaderKnowsAreUnsupported() throws IOException {
    Path junk = Files.write(dir.resolve("junk.png"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    assertThat(read(junk, "image/png").failure()).isEqualTo(OcrFailure.UNSUPPORTED);
    assertThat(read(junk, "text/plain").failure()).isEqualTo(OcrFailure.UNSUPPORTED);
  }

  @Test
  void aPdfPageDrawingAHugeImageFailsWithoutDecodingIt() throws IOException {
    Path pdf = ScannedPages.pdfWithHugeImage(dir.resolve("huge.pdf"), 100_000, 100_000);
    OcrResult result = read(pdf, "application/pdf");
    assertThat(result.status()).isEqualTo(OcrResult.Status.FAILED);
    assertThat(result.failure()).isIn(OcrFailure.IMAGE_TOO_LARGE, OcrFailure.DECOMPRESSION_BOMB);
    assertThat(result.detail()).startsWith("100000 × 100000 px");
    assertThat(engine.pages).hasValue(0);
  }

  @Test
  void aBrokenPdfFailsAsCorrupt() throws IOException {
    Path pdf = Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj <<");
    assertThat(read(pdf, "application/pdf").failure()).isEqualTo(OcrFailure.CORRUPT);
  }

  @Test
  void pagesAfterThePageLimitAreNotExamined() throws IOException {
    Path pdf = ScannedPages.textPdf(dir.resolve("five.pdf"), 5);
    OcrResult result = read(pdf, "application/pdf");
    assertThat(result.pageCount()).isEqualTo(5);
    assertThat(result.pages()).hasSize(3);
    assertThat(result.status()).isEqualTo(OcrResult.Status.PARTIAL);
    assertThat(result.failure()).isEqualTo(OcrFailure.OVER_PAGE_LIMIT);
    assertThat(result.text()).contains("Trang 3:").doesNotContain("Trang 4:");
  }

  @Test
  void aTiffWithMorePagesThanTheLimitIsCountedOnlyToTheLimit() throws IOException {
    Path tiff = dir.resolve("many.tif");
    java.awt.image.BufferedImage blank =
        new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    javax.imageio.ImageWriter writer =
        javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
    try (javax.imageio.stream.ImageOutputStream out =
        javax.imageio.ImageIO.createImageOutputStream(tiff.toFile())) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (int i = 0; i < 10; i++) {
        writer.writeToSequence(new javax.imageio.IIOImage(blank, null, null), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    OcrResult result = read(tiff, "image/tiff");
    assertThat(result.pageCount()).isEqualTo(4);
    assertThat(result.pages()).hasSize(3);
    assertThat(result.failure()).isEqualTo(OcrFailure.OVER_PAGE_LIMIT);
    assertThat(engine.pages).hasValue(3);
  }

  @Test
  void theReaderGoesOnAfterHostileDocuments() throws IOException {
    read(ScannedPages.bombPng(dir.resolve("again.png"), 12_000, 12_000, true), "image/png");
    OcrResult text = read(ScannedPages.textPdf(dir.resolve("one.pdf"), 1), "application/pdf");
    assertThat(text.status()).isEqualTo(OcrResult.Status.DONE);
    assertThat(text.text()).contains("Phê duyệt kế hoạch chuyển đổi số");
  }
}
