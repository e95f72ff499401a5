package vn.tangthu.indexer.extract;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import vn.tangthu.indexer.extract.internal.FailureReasons;
import vn.tangthu.indexer.extract.internal.TikaParsing;

/**
 * Extracts text with Apache Tika in this JVM, each document on a worker thread bounded by the
 * configured timeout (the thread is interrupted and abandoned when the time is up). Applies the
 * text cap, Tika's zip-bomb guard (output/compression ratio and nesting depth) and a limit on
 * embedded-document depth and count.
 *
 * <p>In-process extraction cannot stop a parser that ignores interruption, nor protect the heap
 * from a hostile document: use {@link ForkedTextExtractor} to isolate the caller. Thread-safe.
 */
public final class TikaTextExtractor implements TextExtractor {

  private final ExtractionLimits limits;
  private final TikaParsing parsing;
  private final ExecutorService workers;

  public TikaTextExtractor(ExtractionLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.parsing = new TikaParsing(limits.maxTextChars());
    AtomicInteger count = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "tika-extract-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public ExtractionResult extract(Path file, String fileName) {
    Objects.requireNonNull(file, "file");
    Future<ExtractionResult> future;
    try {
      future = workers.submit(() -> parseGuarded(file, fileName));
    } catch (RuntimeException e) {
      return new ExtractionResult(
          ExtractionResult.Status.FAILED,
          "extractor is closed",
          "",
          "application/octet-stream",
          null,
          null,
          false);
    }
    try {
      return future.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return timedOut(file, fileName);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return timedOut(file, fileName);
    } catch (ExecutionException e) {
      return new ExtractionResult(
          ExtractionResult.Status.FAILED,
          FailureReasons.of(e.getCause()),
          "",
          parsing.detect(file, fileName),
          null,
          null,
          false);
    }
  }

  private ExtractionResult parseGuarded(Path file, String fileName) {
    try {
      return parsing.parse(file, fileName);
    } catch (OutOfMemoryError | StackOverflowError e) {
      return new ExtractionResult(
          ExtractionResult.Status.FAILED,
          FailureReasons.TOO_LARGE,
          "",
          parsing.detect(file, fileName),
          null,
          null,
          false);
    }
  }

  private ExtractionResult timedOut(Path file, String fileName) {
    return new ExtractionResult(
        ExtractionResult.Status.FAILED,
        FailureReasons.timedOut(limits.timeout()),
        "",
        parsing.detect(file, fileName),
        null,
        null,
        false);
  }

  @Override
  public String detectMediaType(Path file, String fileName) {
    return parsing.detect(Objects.requireNonNull(file, "file"), fileName);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
