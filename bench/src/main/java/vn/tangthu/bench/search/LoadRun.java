package vn.tangthu.bench.search;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a query list against an engine and measures each call's latency and the throughput, in one
 * of two ways:
 *
 * <ul>
 *   <li>{@link #run closed loop}: {@code threads} clients each send their next query as soon as the
 *       last one answered, so the engine is saturated when the clients outnumber its cores; the
 *       throughput is the engine's capacity, the latency includes queueing behind the other
 *       clients;
 *   <li>{@link #paced open loop}: queries arrive at random at a fixed mean rate whatever the engine
 *       does, as independent clerks' searches do (a Poisson process: exponential gaps, drawn from a
 *       fixed seed); each latency is measured from the query's scheduled arrival, so a stall delays
 *       (and counts against) every query scheduled during it.
 * </ul>
 *
 * <p>Each query of the list runs {@code rounds} times in list order, after one warm-up pass.
 */
public final class LoadRun {

  static final long ARRIVAL_SEED = 20_261_127L;

  /**
   * Open-loop queries are sent by at most this many threads at once (an engine keeps as many
   * connections open).
   */
  static final int PACED_SENDERS = 64;

  /**
   * Figures of one run.
   *
   * @param byKind p50 and p99 (ms) of each class of the mix
   */
  public record Figures(
      int queries,
      double p50Millis,
      double p99Millis,
      double qps,
      Map<BenchQuery.Kind, double[]> byKind) {
    @Override
    public String toString() {
      return String.format(
          "%,d queries  p50 %.1f ms  p99 %.1f ms  %.2f queries/s",
          queries, p50Millis, p99Millis, qps);
    }

    /** One line per class of the mix: its p50 and p99. */
    public String perKind() {
      StringBuilder sb = new StringBuilder();
      byKind.forEach(
          (kind, p) ->
              sb.append(
                  String.format("  %-17s p50 %6.1f ms  p99 %6.1f ms%n", kind.name(), p[0], p[1])));
      return sb.toString();
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

  /**
   * Warms an engine up (JIT compilation of a large server settles only after thousands of
   * requests): passes over {@code warmMix} from {@code threads} clients until {@code duration} has
   * passed, at least one pass.
   */
  public static void warmUp(
      SearchEngine engine, List<BenchQuery> warmMix, int threads, Duration duration)
      throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    do {
      runAll(engine, warmMix, threads, 1, new long[warmMix.size()], null);
    } while (System.nanoTime() < end);
  }

  /** Closed loop: {@code threads} clients, each sending its next query when the last answered. */
  public static Figures run(SearchEngine engine, List<BenchQuery> queries, int threads, int rounds)
      throws Exception {
    runAll(engine, queries, threads, 1, new long[queries.size()], null);
    long[] latencies = new long[queries.size() * rounds];
    long start = System.nanoTime();
    runAll(engine, queries, threads, rounds, latencies, null);
    return figures(queries, latencies, System.nanoTime() - start);
  }

  /**
   * Open loop: queries arrive at random, {@code perSecond} a second on average ({@link #arrivals}),
   * each latency measured from its scheduled arrival.
   */
  public static Figures paced(
      SearchEngine engine, List<BenchQuery> queries, double perSecond, int rounds)
      throws Exception {
    return paced(engine, queries, perSecond, rounds, null);
  }

  /**
   * {@link #paced(SearchEngine, List, double, int)}, also writing each query's arrival and latency
   * to {@code series} (unless null), one line per query in arrival order: arrival (ms from the
   * start), latency (ms), class, query. Where the slow answers fall in time tells a stall that
   * holds up every request in flight from slow queries of their own.
   */
  public static Figures paced(
      SearchEngine engine, List<BenchQuery> queries, double perSecond, int rounds, Path series)
      throws Exception {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive");
    }
    runAll(engine, queries, 2, 1, new long[queries.size()], null);
    long[] latencies = new long[queries.size() * rounds];
    long start = System.nanoTime();
    long[] arrivals = arrivals(latencies.length, perSecond, ARRIVAL_SEED);
    runAll(engine, queries, PACED_SENDERS, rounds, latencies, arrivals);
    Figures figures = figures(queries, latencies, System.nanoTime() - start);
    if (series != null) {
      writeSeries(series, queries, arrivals, latencies);
    }
    return figures;
  }

  private static void writeSeries(
      Path series, List<BenchQuery> queries, long[] arrivals, long[] latencies) throws IOException {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(series))) {
      for (int i = 0; i < latencies.length; i++) {
        BenchQuery q = queries.get(i % queries.size());
        out.printf(
            Locale.ROOT,
            "%.1f %.2f %s %s%n",
            arrivals[i] / 1e6,
            latencies[i] / 1e6,
            q.kind(),
            q.httpQuery());
      }
    }
  }

  private static Figures figures(List<BenchQuery> queries, long[] latencies, long wallNanos) {
    Map<BenchQuery.Kind, List<Long>> byKind = new EnumMap<>(BenchQuery.Kind.class);
    for (int i = 0; i < latencies.length; i++) {
      byKind
          .computeIfAbsent(queries.get(i % queries.size()).kind(), k -> new ArrayList<>())
          .add(latencies[i]);
    }
    Map<BenchQuery.Kind, double[]> kinds = new EnumMap<>(BenchQuery.Kind.class);
    byKind.forEach(
        (kind, list) -> {
          long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
          kinds.put(
              kind, new double[] {percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6});
        });
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Figures(
        sorted.length,
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        sorted.length / (wallNanos / 1e9),
        kinds);
  }

  /**
   * The arrival times (ns from the start) of {@code n} queries arriving independently at {@code
   * perSecond} a second on average: a Poisson process, whose gaps are exponentially distributed,
   * drawn from {@code seed} (the same schedule for the same arguments). Arrivals bunch up as real
   * ones do; evenly spaced arrivals would hide the queueing that bunches cause.
   */
  static long[] arrivals(int n, double perSecond, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    long[] at = new long[n];
    double t = 0;
    for (int i = 0; i < n; i++) {
      at[i] = Math.round(t);
      t += -Math.log(1 - rng.nextDouble()) * 1e9 / perSecond;
    }
    return at;
  }

  /**
   * Runs {@code rounds} passes over the queries from {@code threads} threads. With {@code arrivals}
   * (ns from the start), query {@code i} is not sent before {@code start + arrivals[i]} and its
   * latency counts from then; without (null), each thread sends its next query at once.
   */
  private static void runAll(
      SearchEngine engine,
      List<BenchQuery> queries,
      int threads,
      int rounds,
      long[] latencies,
      long[] arrivals)
      throws Exception {
    int total = queries.size() * rounds;
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long s = arrivals == null ? System.nanoTime() : start + arrivals[i];
                    waitUntil(s);
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

  private static void waitUntil(long nanoTime) {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  private static long percentile(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
