package vn.tangthu.indexer.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.indexer.extract.ExtractionResult.Status;
import vn.tangthu.indexer.testing.Corpus;
import vn.tangthu.indexer.testing.ScannedPages;

class TikaTextExtractorTest {

  private static TikaTextExtractor extractor;

  @TempDir Path temp;

  @BeforeAll
  static void start() {
    extractor = new TikaTextExtractor(new ExtractionLimits(Duration.ofSeconds(30), 100_000));
  }

  @AfterAll
  static void stop() {
    extractor.close();
  }

  private static Path format(String name) {
    return Corpus.formatFile(name).path();
  }

  @Test
  void tikaRunsNoOcrOfItsOwnEvenWithTesseractInstalled() throws IOException {
    // Tika would OCR images and text-less PDF pages with any tesseract on the PATH (English
    // only, no page limits); reading scans is the ocr package's job
    ExtractionResult png = extractor.extract(ScannedPages.png(temp.resolve("scan.png")), null);
    assertThat(png.status()).isEqualTo(Status.DONE);
    assertThat(png.text()).isBlank();
    ExtractionResult pdf =
        extractor.extract(ScannedPages.imagePdf(temp.resolve("scan.pdf")), "scan.pdf");
    assertThat(pdf.status()).isEqualTo(Status.DONE);
    assertThat(pdf.text()).isBlank();
    assertThat(pdf.pageCount()).isEqualTo(1);
  }

  @Test
  void plainVietnameseTextIsExtractedWithItsLanguage() throws IOException {
    Path file = temp.resolve("upload.bin");
    Files.writeString(
        file, "Quyết định về việc ban hành quy chế quản lý văn bản của Ủy ban nhân dân tỉnh.");
    ExtractionResult result = extractor.extract(file, "qd.txt");
    assertThat(result.status()).isEqualTo(Status.DONE);
    assertThat(result.text()).contains("Quyết định về việc ban hành");
    assertThat(result.mediaType()).isEqualTo("text/plain");
    assertThat(result.language()).isEqualTo("vi");
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void tikaNeverReadsAnImageByItselfEvenWithTesseractInstalled() throws IOException {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/tesseract")),
        "only meaningful where Tesseract is installed (.ci/run installs it)");
    BufferedImage page = new BufferedImage(900, 200, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 900, 200);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
    g.drawString("ARCHIVE 2024", 40, 120);
    g.dispose();
    Path file = temp.resolve("scan.png");
    ImageIO.write(page, "png", file.toFile());

    ExtractionResult result = extractor.extract(file, "scan.png");

    assertThat(result.status()).isEqualTo(Status.DONE);
    assertThat(result.mediaType()).isEqualTo("image/png");
    assertThat(result.text()).doesNotContain("ARCHIVE").doesNotContain("2024");
  }

  @Test
  void textIsCappedAtTheLimitAndMarkedTruncated() throws IOException {
    Path file = temp.resolve("long.txt");
    Files.writeString(file, "điều khoản ".repeat(20_000), StandardCharsets.UTF_8);
    try (TikaTextExtractor small =
        new TikaTextExtractor(new ExtractionLimits(Duration.ofSeconds(30), 1_000))) {
      ExtractionResult result = small.extract(file, "long.txt");
      assertThat(result.status()).isEqualTo(Status.DONE);
      assertThat(result.truncated()).isTrue();
      assertThat(result.text().length()).isLessThanOrEqualTo(1_000).isGreaterThan(900);
    }
  }

  @Test
  void encryptedPdfFailsWithReason() {
    ExtractionResult result = extractor.extract(format("encryption_openpassword.pdf"), "a.pdf");
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.reason()).isEqualTo("encrypted document");
    assertThat(result.mediaType()).isEqualTo("application/pdf");
  }

  @Test
  void passwordProtectedOfficeFilesFailAsEncrypted() {
    assertThat(extractor.extract(format("testWORD_protected_passtika.doc"), null).reason())
        .isEqualTo("encrypted document");
    assertThat(extractor.extract(format("testEXCEL_protected_passtika.xlsx"), null).reason())
        .isEqualTo("encrypted document");
  }

  @Test
  void truncatedDocxFailsAsCorrupt() {
    ExtractionResult result = extractor.extract(format("testWORD_truncated.docx"), null);
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.reason()).isEqualTo("corrupt or truncated file");
  }

  @Test
  void slowDocumentTimesOut() {
    try (TikaTextExtractor hasty =
        new TikaTextExtractor(new ExtractionLimits(Duration.ofMillis(5), 1_000_000))) {
      ExtractionResult result = hasty.extract(format("error_set_2/027613.pdf"), "big.pdf");
      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.reason()).isEqualTo("timed out after 5 ms");
      assertThat(result.mediaType()).isEqualTo("application/pdf");
    }
  }

  @Test
  void pdfPagesAreCounted() {
    ExtractionResult result = extractor.extract(format("error_set_1/316267.pdf"), null);
    assertThat(result.status()).isEqualTo(Status.DONE);
    assertThat(result.pageCount()).isEqualTo(104);
    assertThat(result.language()).isEqualTo("en");
  }

  @Test
  void recursiveZipStaysBounded() {
    ExtractionResult result = extractor.extract(format("droste.zip"), null);
    assertThat(result.status()).isEqualTo(Status.DONE);
    assertThat(result.text().length()).isLessThan(10_000);
  }

  @Test
  void emptyFileIsDoneWithNoText() throws IOException {
    Path file = Files.createFile(temp.resolve("empty"));
    ExtractionResult result = extractor.extract(file, "empty.pdf");
    assertThat(result.status()).isEqualTo(Status.DONE);
    assertThat(result.text()).isEmpty();
  }

  @Test
  void missingFileFailsWithoutThrowing() {
    ExtractionResult result = extractor.extract(temp.resolve("nope"), "nope.pdf");
    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.reason()).isEqualTo("file not readable");
  }

  @Test
  void mediaTypeComesFromBytesNotName() throws IOException {
    Path copy = temp.resolve("disguised.txt");
    Files.copy(format("error_set_1/316267.pdf"), copy);
    assertThat(extractor.detectMediaType(copy, "disguised.txt")).isEqualTo("application/pdf");
    Path garbage = temp.resolve("garbage");
    Files.write(garbage, new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7});
    assertThat(extractor.detectMediaType(garbage, null)).isEqualTo("application/octet-stream");
  }
}
