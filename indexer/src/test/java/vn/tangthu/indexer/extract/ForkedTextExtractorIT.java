package vn.tangthu.indexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.child.ForkSettings;
import vn.tangthu.indexer.extract.ExtractionResult.Status;
import vn.tangthu.indexer.testing.Corpus;

/** Real child JVMs: isolation from hangs and heap exhaustion, recovery afterwards. */
class ForkedTextExtractorIT {

  @TempDir Path temp;

  private static Path format(String name) {
    return Corpus.formatFile(name).path();
  }

  private Path vietnameseFile() throws IOException {
    Path file = temp.resolve("qd.txt");
    Files.writeString(file, "Quyết định về việc ban hành quy chế quản lý văn bản của tỉnh.");
    return file;
  }

  @Test
  void extractsInAChildProcess() throws Exception {
    try (ForkedTextExtractor extractor =
        new ForkedTextExtractor(
            new ExtractionLimits(Duration.ofSeconds(60), 100_000),
            ForkSettings.fromThisJvm(2, 256))) {
      ExtractionResult text = extractor.extract(vietnameseFile(), "qd.txt");
      assertThat(text.status()).isEqualTo(Status.DONE);
      assertThat(text.text()).contains("Quyết định về việc");
      assertThat(text.language()).isEqualTo("vi");
      ExtractionResult pdf = extractor.extract(format("error_set_1/316267.pdf"), "a.pdf");
      assertThat(pdf.pageCount()).isEqualTo(104);
      assertThat(pdf.mediaType()).isEqualTo("application/pdf");
      ExtractionResult encrypted = extractor.extract(format("encryption_openpassword.pdf"), null);
      assertThat(encrypted.reason()).isEqualTo("encrypted document");
    }
  }

  @Test
  void aSlowDocumentIsKilledAndTheNextOneStillWorks() throws Exception {
    try (ForkedTextExtractor extractor =
        new ForkedTextExtractor(
            new ExtractionLimits(Duration.ofMillis(400), 1_000_000),
            ForkSettings.fromThisJvm(1, 256))) {
      extractor.extract(vietnameseFile(), null);
      ExtractionResult slow = extractor.extract(format("error_set_2/027613.pdf"), "big.pdf");
      assertThat(slow.status()).isEqualTo(Status.FAILED);
      assertThat(slow.reason()).isEqualTo("timed out after 400 ms");
      assertThat(slow.mediaType()).isEqualTo("application/pdf");
    }
    try (ForkedTextExtractor extractor =
        new ForkedTextExtractor(
            new ExtractionLimits(Duration.ofSeconds(60), 1_000_000),
            ForkSettings.fromThisJvm(1, 256))) {
      assertThat(extractor.extract(vietnameseFile(), null).status()).isEqualTo(Status.DONE);
    }
  }

  @Test
  void aDocumentThatExhaustsTheChildHeapFailsAndTheChildIsReplaced() throws Exception {
    Path huge = temp.resolve("huge.txt");
    try (Writer w = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
      String line = "Điều khoản về quản lý văn bản hành chính nhà nước của tỉnh Bắc Ninh.\n";
      for (int i = 0; i < 600_000; i++) {
        w.write(line);
      }
    }
    try (ForkedTextExtractor extractor =
        new ForkedTextExtractor(
            new ExtractionLimits(Duration.ofSeconds(120), 50_000_000),
            ForkSettings.fromThisJvm(1, 64))) {
      ExtractionResult result = extractor.extract(huge, "huge.txt");
      assertThat(result.status()).isEqualTo(Status.FAILED);
      assertThat(result.reason()).isEqualTo("too large to extract within the memory limit");
      assertThat(extractor.extract(vietnameseFile(), null).status()).isEqualTo(Status.DONE);
    }
  }

  @Test
  void concurrentCallersShareThePool() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try (ForkedTextExtractor extractor =
        new ForkedTextExtractor(
            new ExtractionLimits(Duration.ofSeconds(60), 100_000),
            ForkSettings.fromThisJvm(2, 256))) {
      Path file = vietnameseFile();
      List<Future<ExtractionResult>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(callers.submit(() -> extractor.extract(file, null)));
      }
      for (Future<ExtractionResult> result : results) {
        assertThat(result.get().text()).contains("Quyết định");
      }
    } finally {
      callers.shutdownNow();
    }
  }
}
