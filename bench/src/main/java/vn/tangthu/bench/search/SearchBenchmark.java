package vn.tangthu.bench.search;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.tangthu.archive.embedded.EmbeddedDatabase;

/**
 * The search benchmark ({@code bench/search.sh} runs both steps around a server).
 *
 * <ul>
 *   <li>{@code prepare <dataDir> <viLegalDir> <docs>}: builds a new data directory with {@code
 *       docs} synthetic records ({@link BenchData}).
 *   <li>{@code run <apiUrl> <token> <dataDir> <viLegalDir> <docs> <threads> <rounds> [queries]}:
 *       with a server running on that directory, warms each engine up ({@code
 *       BENCH_WARMUP_SECONDS}, default 180, with another mix of the same shape), runs the clerk
 *       query mix through the HTTP API and against PostgreSQL full-text search in the server's own
 *       database (found through {@code pg/postmaster.pid}), prints p50/p99 latency, throughput and
 *       their ratio, and checks that both engines count the same records for every filter-only
 *       query; then warms the API up again and loads it at half the throughput it reached, in open
 *       loop ({@link LoadRun#paced}): its latency when it is busy but not saturated. {@code
 *       BENCH_API_ROUNDS} measures the API over more rounds than PostgreSQL.
 *   <li>{@code api <apiUrl> <token> <viLegalDir> <docs> <threads> <rounds> [queries] [rate]}: the
 *       same load through the HTTP API only (no PostgreSQL run), for profiling the server or
 *       comparing client concurrencies; with a rate (queries/s), in open loop at that rate instead
 *       of from {@code threads} clients.
 *   <li>{@code reindex <dataDir> <viLegalDir> <docs>}: rebuilds only the index of a prepared
 *       directory (after a change of the index layout), keeping its PostgreSQL rows.
 *   <li>{@code profile <dataDir> <viLegalDir> <docs> [queries] [rounds]}: with no server running,
 *       searches the directory's index in-process on one thread and prints the latency per query
 *       class ({@link Profile}): the cost of the search itself, without HTTP or client threads.
 * </ul>
 */
public final class SearchBenchmark {

  private static final long WARM_SEED = 7;

  /**
   * What each engine is warmed up with before it is measured: another mix of the same shape, for at
   * least {@code time} (and one pass).
   */
  public record WarmUp(List<BenchQuery> mix, Duration time) {}

  private SearchBenchmark() {}

  /**
   * {@code BENCH_API_ROUNDS}: the API's measured rounds (default {@code rounds}, PostgreSQL's). A
   * p99 over {@code n} queries is their {@code n / 100}-th slowest: at 200 queries and 2 rounds the
   * 4th, so one pause moves it; the API answers fast enough to be measured over many more.
   */
  private static int apiRounds(int rounds) {
    String s = System.getenv("BENCH_API_ROUNDS");
    return s == null || s.isBlank() ? rounds : Integer.parseInt(s);
  }

  /**
   * {@code BENCH_WARMUP_SECONDS} (default 180): the server's C2 compiler kept ~40% of a core busy
   * for the first ~150 s of full load (measured per thread), so a shorter warm-up measures the
   * compiler too.
   */
  private static Duration warmUpTime() {
    String s = System.getenv("BENCH_WARMUP_SECONDS");
    return Duration.ofSeconds(s == null || s.isBlank() ? 180 : Long.parseLong(s));
  }

  public static void main(String[] args) throws Exception {
    if (args.length >= 4 && args[0].equals("prepare")) {
      SyntheticArchive archive = SyntheticArchive.load(Path.of(args[2]));
      BenchData.Built b = BenchData.prepare(Path.of(args[1]), archive, Long.parseLong(args[3]));
      System.out.printf("prepared %,d records in %.1f s%n", b.docs(), b.millis() / 1000.0);
    } else if (args.length >= 8 && args[0].equals("run")) {
      URI api = apiUri(args[1]);
      SyntheticArchive archive = SyntheticArchive.load(Path.of(args[4]));
      long docs = Long.parseLong(args[5]);
      int queries = args.length > 8 ? Integer.parseInt(args[8]) : 200;
      List<BenchQuery> mix = ClerkQueries.mix(archive, docs, queries);
      WarmUp warmUp = new WarmUp(ClerkQueries.mix(archive, docs, queries, WARM_SEED), warmUpTime());
      try (HttpSearch http = new HttpSearch(api, args[2]);
          PostgresSearch pg = postgres(Path.of(args[3]))) {
        int rounds = Integer.parseInt(args[7]);
        Comparison c =
            compare(http, pg, mix, warmUp, Integer.parseInt(args[6]), rounds, apiRounds(rounds));
        System.out.print(c.report(docs));
        System.out.println("HTTP client: " + http.usage());
        if (!c.filterCountsAgree()) {
          System.exit(1);
        }
      }
    } else if (args.length >= 4 && args[0].equals("reindex")) {
      SyntheticArchive archive = SyntheticArchive.load(Path.of(args[2]));
      BenchData.Built b = BenchData.reindex(Path.of(args[1]), archive, Long.parseLong(args[3]));
      System.out.printf("re-indexed %,d records in %.1f s%n", b.docs(), b.millis() / 1000.0);
    } else if (args.length >= 7 && args[0].equals("api")) {
      apiOnly(args);
    } else if (args.length >= 4 && args[0].equals("profile")) {
      SyntheticArchive archive = SyntheticArchive.load(Path.of(args[2]));
      long docs = Long.parseLong(args[3]);
      int queries = args.length > 4 ? Integer.parseInt(args[4]) : 200;
      int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;
      try (IndexSearch index = IndexSearch.open(Path.of(args[1]))) {
        System.out.print(Profile.run(index, ClerkQueries.mix(archive, docs, queries), rounds));
      }
    } else {
      System.err.println(
          "usage: SearchBenchmark prepare <dataDir> <viLegalDir> <docs>\n"
              + "       SearchBenchmark run <apiUrl> <token> <dataDir> <viLegalDir> <docs>"
              + " <threads> <rounds> [queries]\n"
              + "       SearchBenchmark api <apiUrl> <token> <viLegalDir> <docs> <threads> <rounds>"
              + " [queries] [rate]\n"
              + "       SearchBenchmark reindex <dataDir> <viLegalDir> <docs>\n"
              + "       SearchBenchmark profile <dataDir> <viLegalDir> <docs> [queries] [rounds]");
      System.exit(2);
    }
  }

  /** The {@code api} command: the HTTP API alone, closed loop or (with a rate) open loop. */
  private static void apiOnly(String[] args) throws Exception {
    SyntheticArchive archive = SyntheticArchive.load(Path.of(args[3]));
    long docs = Long.parseLong(args[4]);
    int threads = Integer.parseInt(args[5]);
    int rounds = Integer.parseInt(args[6]);
    int queries = args.length > 7 ? Integer.parseInt(args[7]) : 200;
    List<BenchQuery> mix = ClerkQueries.mix(archive, docs, queries);
    try (HttpSearch http = new HttpSearch(apiUri(args[1]), args[2])) {
      LoadRun.warmUp(
          http, ClerkQueries.mix(archive, docs, queries, WARM_SEED), threads, warmUpTime());
      LoadRun.Figures f;
      String load;
      if (args.length > 8) {
        String series = System.getenv("BENCH_SERIES");
        f =
            LoadRun.paced(
                http,
                mix,
                Double.parseDouble(args[8]),
                rounds,
                series == null || series.isBlank() ? null : Path.of(series));
        load = "open loop at " + args[8] + " queries/s";
      } else {
        f = LoadRun.run(http, mix, threads, rounds);
        load = threads + " client threads";
      }
      System.out.printf("archive API (Lucene, HTTP), %s: %s%n%s", load, f, f.perKind());
      System.out.println("HTTP client: " + http.usage());
    }
  }

  private static URI apiUri(String url) {
    return URI.create(url.endsWith("/") ? url : url + "/");
  }

  /** Both engines' figures and per-query totals. */
  public record Comparison(
      List<BenchQuery> queries,
      long[] apiTotals,
      long[] pgTotals,
      LoadRun.Figures api,
      LoadRun.Figures pg,
      LoadRun.Figures apiHalfLoad,
      int threads) {

    /** Whether both engines count the same records for every filter-only query. */
    public boolean filterCountsAgree() {
      for (int i = 0; i < queries.size(); i++) {
        if (queries.get(i).filterOnly() && apiTotals[i] != pgTotals[i]) {
          return false;
        }
      }
      return true;
    }

    public String report(long docs) {
      StringBuilder sb = new StringBuilder();
      sb.append(
          String.format(
              "records: %,d; query mix: %d queries; client threads: %d; cores: %d%n",
              docs, queries.size(), threads, Runtime.getRuntime().availableProcessors()));
      Map<BenchQuery.Kind, long[]> byKind = new EnumMap<>(BenchQuery.Kind.class);
      for (int i = 0; i < queries.size(); i++) {
        long[] k = byKind.computeIfAbsent(queries.get(i).kind(), x -> new long[4]);
        k[0]++;
        k[1] += apiTotals[i];
        k[2] += pgTotals[i];
        k[3] += apiTotals[i] == pgTotals[i] ? 1 : 0;
      }
      sb.append("matching counts (sum per class; API vs PostgreSQL; queries with equal counts):\n");
      byKind.forEach(
          (kind, k) ->
              sb.append(
                  String.format(
                      "  %-17s %3d queries  %,12d vs %,12d  equal in %d%n",
                      kind, k[0], k[1], k[2], k[3])));
      sb.append(String.format("filter-only counts agree: %s%n", filterCountsAgree()));
      sb.append(String.format("archive API (Lucene, HTTP):      %s%n", api));
      sb.append(api.perKind());
      sb.append(String.format("PostgreSQL FTS (tsvector + GIN): %s%n", pg));
      sb.append(
          String.format(
              "archive API at half that throughput (open loop, %.1f queries/s): %s%n",
              api.qps() / 2, apiHalfLoad));
      sb.append(apiHalfLoad.perKind());
      sb.append(
          String.format(
              "ratio: %.1fx PostgreSQL's throughput; p99 %.1f ms vs %.1f ms (goals: p99 <= 50 ms,"
                  + " >= 10x)%n",
              api.qps() / pg.qps(), api.p99Millis(), pg.p99Millis()));
      return sb.toString();
    }
  }

  /**
   * Counts every query on both engines, warms each up and loads it in turn with the same threads
   * ({@code apiRounds} passes over the mix for the API, {@code rounds} for PostgreSQL), then warms
   * the API up again (PostgreSQL's run leaves the page cache and the processors' caches full of its
   * own data) and loads it in open loop at half the throughput it reached, {@code apiRounds}
   * passes.
   */
  public static Comparison compare(
      SearchEngine api,
      SearchEngine pg,
      List<BenchQuery> mix,
      WarmUp warmUp,
      int threads,
      int rounds,
      int apiRounds)
      throws Exception {
    long[] apiTotals = LoadRun.totals(api, mix);
    long[] pgTotals = LoadRun.totals(pg, mix);
    LoadRun.warmUp(api, warmUp.mix(), threads, warmUp.time());
    LoadRun.Figures apiFigures = LoadRun.run(api, mix, threads, apiRounds);
    LoadRun.warmUp(pg, warmUp.mix(), threads, warmUp.time());
    LoadRun.Figures pgFigures = LoadRun.run(pg, mix, threads, rounds);
    LoadRun.warmUp(api, warmUp.mix(), threads, warmUp.time());
    LoadRun.Figures half = LoadRun.paced(api, mix, apiFigures.qps() / 2, apiRounds);
    return new Comparison(mix, apiTotals, pgTotals, apiFigures, pgFigures, half, threads);
  }

  /**
   * The comparison table of the embedded PostgreSQL running on a data directory, read as the
   * schema's owner with the password kept in the directory.
   */
  public static PostgresSearch postgres(Path dataDir) throws IOException {
    String password = Files.readString(dataDir.resolve(EmbeddedDatabase.OWNER_PASSWORD)).strip();
    return new PostgresSearch(postgresUrl(dataDir), EmbeddedDatabase.OWNER, password);
  }

  /** The JDBC URL of the embedded PostgreSQL running on a data directory (its pid file's port). */
  public static String postgresUrl(Path dataDir) throws IOException {
    List<String> pid = Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid"));
    return "jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres";
  }
}
