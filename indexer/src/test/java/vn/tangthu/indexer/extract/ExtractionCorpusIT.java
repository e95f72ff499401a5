package vn.tangthu.indexer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tangthu.child.ForkSettings;
import vn.tangthu.indexer.testing.Corpus;
import vn.tangthu.indexer.testing.Corpus.FormatFile;

/**
 * Every file of the formats corpus, edge cases included, through the forked extractor (two warm
 * children with 512 MB heaps): each file yields text or a reason, in bounded time.
 */
class ExtractionCorpusIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static ForkedTextExtractor extractor;

  @BeforeAll
  static void start() {
    extractor =
        new ForkedTextExtractor(
            new ExtractionLimits(TIMEOUT, 2_000_000), ForkSettings.fromThisJvm(2, 512));
  }

  @AfterAll
  static void stop() {
    extractor.close();
  }

  static List<FormatFile> files() {
    return Corpus.formatFiles();
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyFileYieldsTextOrAReasonInBoundedTime(FormatFile file) {
    long start = System.nanoTime();
    ExtractionResult result = extractor.extract(file.path(), file.path().getFileName().toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "%-80s %-6s %5d ms %8d chars %-4s pages=%s %s %s%n",
        file.name(),
        result.status(),
        millis,
        result.text().length(),
        result.language(),
        result.pageCount(),
        result.mediaType(),
        result.reason() == null ? "" : result.reason());
    assertThat(millis).isLessThan(TIMEOUT.toMillis() + 5_000);
    assertThat(result.mediaType()).isNotBlank();
    if (result.status() == ExtractionResult.Status.FAILED) {
      assertThat(result.reason()).isNotBlank();
      assertThat(result.text()).isEmpty();
    } else {
      assertThat(result.reason()).isNull();
    }
  }
}
