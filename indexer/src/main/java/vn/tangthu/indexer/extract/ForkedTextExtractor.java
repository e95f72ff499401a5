package vn.tangthu.indexer.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import vn.tangthu.child.ChildFailure;
import vn.tangthu.child.ChildPool;
import vn.tangthu.child.ChildProgram;
import vn.tangthu.child.ForkSettings;
import vn.tangthu.indexer.extract.internal.ChildProtocol;
import vn.tangthu.indexer.extract.internal.ExtractorChild;
import vn.tangthu.indexer.extract.internal.FailureReasons;
import vn.tangthu.indexer.extract.internal.TikaParsing;

/**
 * Extracts text in a pool of warm child JVMs ({@link ChildPool}), so a hostile document can neither
 * hang nor exhaust the caller: each child has its own heap limit ({@code -Xmx}, exiting on
 * OutOfMemoryError) and is killed when a document exceeds the time limit; a replacement is started
 * at once. Applies the same text cap, zip-bomb and embedded-document limits as {@link
 * TikaTextExtractor}. Media types are detected in this JVM (detection reads only the first bytes).
 *
 * <p>Thread-safe; at most {@link ForkSettings#processes()} documents are extracted at a time,
 * further callers wait for a free child.
 */
public final class ForkedTextExtractor implements TextExtractor {

  private final ExtractionLimits limits;
  private final TikaParsing detection;
  private final ChildPool pool;

  /**
   * Starts the children (they warm up in the background).
   *
   * @throws IllegalStateException when a child process cannot be started
   */
  public ForkedTextExtractor(ExtractionLimits limits, ForkSettings settings) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.detection = new TikaParsing(limits.maxTextChars());
    this.pool =
        new ChildPool(
            new ChildProgram(
                "extract",
                ExtractorChild.class,
                List.of(Integer.toString(limits.maxTextChars())),
                new byte[0],
                ChildProtocol.maxAnswerBytes(limits.maxTextChars())),
            Objects.requireNonNull(settings, "settings"),
            limits.timeout());
  }

  @Override
  public ExtractionResult extract(Path file, String fileName) {
    Objects.requireNonNull(file, "file");
    try {
      return ChildProtocol.readAnswer(
          pool.call(ChildProtocol.request(file.toAbsolutePath().toString(), fileName)));
    } catch (ChildFailure e) {
      return failed(reason(e.kind()), file, fileName);
    } catch (IOException e) {
      return failed(FailureReasons.CRASHED, file, fileName);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted", file, fileName);
    }
  }

  private String reason(ChildFailure.Kind kind) {
    return switch (kind) {
      case TIMED_OUT -> FailureReasons.timedOut(limits.timeout());
      case OUT_OF_MEMORY -> FailureReasons.TOO_LARGE;
      case CRASHED -> FailureReasons.CRASHED;
      case CLOSED -> "extractor is closed";
    };
  }

  private ExtractionResult failed(String reason, Path file, String fileName) {
    return new ExtractionResult(
        ExtractionResult.Status.FAILED,
        reason,
        "",
        detection.detect(file, fileName),
        null,
        null,
        false);
  }

  @Override
  public String detectMediaType(Path file, String fileName) {
    return detection.detect(Objects.requireNonNull(file, "file"), fileName);
  }

  @Override
  public void close() {
    pool.close();
  }
}
