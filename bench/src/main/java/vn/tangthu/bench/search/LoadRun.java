package vn.tangthu.bench.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a query list against an engine from {@code threads} client threads, each query {@code
 * rounds} times (in list order, shared between threads), after one warm-up pass, and measures each
 * call's latency and the wall-clock throughput.
 */
public final class LoadRun {

  /** Figures of one run. */
  public record Figures(int queries, double p50Millis, double p99Millis, double qps) {
    @Override
    public String toString() {
      return String.format(
          "%,d queries  p50 %.1f ms  p99 %.1f ms  %.2f queries/s",
          queries, p50Millis, p99Millis, qps);
    }
  }

  private LoadRun() {}

  /** Runs each query once, in order, on the calling thread; returns the totals. */
  public static long[] totals(SearchEngine engine, List<BenchQuery> queries) throws Exception {
    long[] totals = new long[queries.size()];
    for (int i = 0; i < totals.length; i++) {
      totals[i] = engine.total(queries.get(i));
    }
    return totals;
  }

  public static Figures run(SearchEngine engine, List<BenchQuery> queries, int threads, int rounds)
      throws Exception {
    runAll(engine, queries, threads, 1, new long[queries.size()]);
    long[] latencies = new long[queries.size() * rounds];
    long start = System.nanoTime();
    runAll(engine, queries, threads, rounds, latencies);
    long wall = System.nanoTime() - start;
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Figures(
        sorted.length,
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        sorted.length / (wall / 1e9));
  }

  private static void runAll(
      SearchEngine engine, List<BenchQuery> queries, int threads, int rounds, long[] latencies)
      throws Exception {
    int total = queries.size() * rounds;
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    engine.total(queries.get(i % queries.size()));
                    latencies[i] = System.nanoTime() - s;
                  }
                  return null;
                }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long percentile(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
