package vn.tangthu.bench.ocr;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import vn.tangthu.indexer.ocr.Cancellation;
import vn.tangthu.indexer.ocr.DocumentOcr;
import vn.tangthu.indexer.ocr.OcrEngine;
import vn.tangthu.indexer.ocr.OcrResult;
import vn.tangthu.indexer.ocr.OcrSettings;

/**
 * Reads the pages of one condition through {@link DocumentOcr} on a fixed number of threads and
 * times the whole batch (pages/s is pages over that wall-clock time). The text is taken raw (no
 * post-processing), so every post-processing step can be measured on the same reading.
 */
final class PageRun {

  /** One page read. */
  record Read(TestSet.Sample sample, OcrResult result, double seconds) {
    String text() {
      return result.text();
    }
  }

  /** A batch of pages read, its wall-clock time and the CPU time it used. */
  record Batch(List<Read> reads, double seconds, double cpuSeconds) {
    double pagesPerSecond() {
      return reads.size() / seconds;
    }

    double cpuSecondsPerPage() {
      return cpuSeconds / reads.size();
    }

    TextMetrics.Errors characters(UnaryOperator<String> post) {
      TextMetrics.Errors e = TextMetrics.Errors.NONE;
      for (Read r : reads) {
        e = e.plus(TextMetrics.characters(post.apply(r.text()), r.sample().truth()));
      }
      return e;
    }

    TextMetrics.Errors words(UnaryOperator<String> post) {
      TextMetrics.Errors e = TextMetrics.Errors.NONE;
      for (Read r : reads) {
        e = e.plus(TextMetrics.words(post.apply(r.text()), r.sample().truth()));
      }
      return e;
    }

    double meanConfidence() {
      return reads.stream()
          .mapToDouble(r -> r.result().meanConfidence())
          .filter(c -> !Double.isNaN(c))
          .average()
          .orElse(Double.NaN);
    }

    long failures() {
      return reads.stream().filter(r -> r.result().status() != OcrResult.Status.DONE).count();
    }
  }

  private PageRun() {}

  /**
   * {@code settings} with a page time limit of 10 minutes: a loaded machine slows the run down but
   * does not turn pages into failures.
   */
  static OcrSettings patient(OcrSettings settings) {
    return settings.withLimits(
        settings.maxPixelsPerPage(),
        settings.maxPages(),
        java.time.Duration.ofMinutes(10),
        java.time.Duration.ofMinutes(60));
  }

  static Batch read(
      List<TestSet.Sample> samples, OcrEngine engine, OcrSettings settings, int threads)
      throws InterruptedException {
    DocumentOcr ocr =
        new DocumentOcr(engine, patient(settings), Clock.systemUTC(), UnaryOperator.identity());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      double cpu = CpuTime.seconds();
      List<Future<Read>> futures = new ArrayList<>();
      for (TestSet.Sample s : samples) {
        futures.add(
            pool.submit(
                () -> {
                  long t = System.nanoTime();
                  OcrResult result =
                      ocr.read(s.file(), s.container().mediaType(), Cancellation.none());
                  return new Read(s, result, (System.nanoTime() - t) / 1e9);
                }));
      }
      List<Read> reads = new ArrayList<>();
      for (Future<Read> f : futures) {
        reads.add(f.get());
      }
      return new Batch(reads, (System.nanoTime() - start) / 1e9, CpuTime.seconds() - cpu);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
