package vn.tangthu.bench;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.db.SchemaSetup;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.embedded.EmbeddedDatabase;
import vn.tangthu.archive.indexing.IndexDocuments;
import vn.tangthu.archive.indexing.IndexerWorker;
import vn.tangthu.archive.indexing.TextStage;
import vn.tangthu.archive.indexing.VisibilityFence;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * What the visibility fence adds to every search: {@link VisibilityFence#pass} (one read of the
 * newest visibility-narrowing position through the archive's connection pool, then a comparison
 * with the index's applied position) against the cheapest round trip through the same pool ({@code
 * SELECT 1}), interleaved in one thread on a fresh embedded PostgreSQL with the archive's schema.
 * Prints the percentiles of both and their ratio.
 *
 * <p>Usage: {@code VisibilityFenceBenchmark <workDir> [iterations=50000]}; see {@code
 * bench/visibility-fence.sh}.
 */
public final class VisibilityFenceBenchmark {

  private VisibilityFenceBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    try (DataDirectory dir = DataDirectory.acquire(work.resolve("data"))) {
      run(dir, work, n);
    }
  }

  private static void run(DataDirectory dir, Path work, int n) throws Exception {
    EmbeddedDatabase db = EmbeddedDatabase.start(dir);
    try {
      SchemaSetup.prepare(db.owner(), db.app().user());
      DataSourceFactory factory = new DataSourceFactory();
      factory.setDriverClass("org.postgresql.Driver");
      factory.setUrl(db.jdbcUrl());
      factory.setUser(db.app().user());
      factory.setPassword(db.app().password());
      factory.setMinSize(2);
      factory.setInitialSize(2);
      factory.setMaxSize(8);
      ManagedDataSource pool = factory.build(new MetricRegistry(), "bench");
      pool.start();
      try (SearchIndex index = SearchIndex.open(Files.createDirectories(work.resolve("index")))) {
        Jdbi jdbi = Jdbi.create(pool);
        IndexerWorker worker =
            new IndexerWorker(
                jdbi,
                index,
                new TextStage(jdbi, null, "originals", "derived", null, work),
                new IndexDocuments(null),
                1,
                Clock.systemUTC());
        VisibilityFence fence = new VisibilityFence(jdbi, worker, VisibilityFence.DEFAULT_WAIT);
        long[] fenced = new long[n];
        long[] baseline = new long[n];
        for (int round = 0; round < 2; round++) { // the first round warms up
          for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            fence.pass();
            long t1 = System.nanoTime();
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            long t2 = System.nanoTime();
            fenced[i] = t1 - t0;
            baseline[i] = t2 - t1;
          }
        }
        worker.stop();
        Arrays.sort(fenced);
        Arrays.sort(baseline);
        System.out.printf(
            "visibility fence per search, %,d calls: %s; SELECT 1 through the same pool: %s;"
                + " ratio of medians %.2f%n",
            n,
            percentiles(fenced),
            percentiles(baseline),
            (double) fenced[n / 2] / baseline[n / 2]);
      } finally {
        pool.stop();
      }
    } finally {
      db.stop();
    }
  }

  private static String percentiles(long[] sorted) {
    int n = sorted.length;
    return String.format(
        "p50 %.0f µs, p90 %.0f µs, p99 %.0f µs, mean %.0f µs",
        sorted[n / 2] / 1e3,
        sorted[n * 9 / 10] / 1e3,
        sorted[n * 99 / 100] / 1e3,
        Arrays.stream(sorted).average().orElse(0) / 1e3);
  }
}
