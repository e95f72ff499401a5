package vn.tangthu.bench.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.db.DatabaseLogin;
import vn.tangthu.archive.db.SchemaSetup;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.embedded.EmbeddedDatabase;
import vn.tangthu.archive.indexing.IndexDocuments;
import vn.tangthu.archive.indexing.TextStage;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * Builds the data directory of an archive holding the synthetic records, offline, as if they had
 * been ingested and indexed: the embedded PostgreSQL of the directory ({@code pg/}) gets the
 * archive's schema (its own migrations), the agency tree, one record row and one UPSERT change-log
 * event per record (positions 1…n, head n) and the baseline table; the Lucene index ({@code
 * index/}) gets each record's document from the server's own {@link IndexDocuments} and is
 * committed with checkpoint n. A server started on the directory therefore finds its index caught
 * up with the change log and serves it as it is.
 */
public final class BenchData {

  private static final int CHUNK = 2_000;
  private static final int INDEX_THREADS = 3;

  private BenchData() {}

  /** Result of a build. */
  public record Built(long docs, long millis) {}

  /**
   * Builds records 0…docs-1 into a new data directory (the server must not be running on it).
   *
   * @throws IllegalStateException when the directory already holds an index
   */
  public static Built prepare(Path dataDir, SyntheticArchive archive, long docs) throws Exception {
    Path indexDir = dataDir.resolve("index");
    if (Files.exists(indexDir)) {
      throw new IllegalStateException(indexDir + " exists: prepare needs a new data directory");
    }
    Files.createDirectories(indexDir);
    long start = System.nanoTime();
    DataDirectory dir = DataDirectory.acquire(dataDir);
    EmbeddedDatabase pg = EmbeddedDatabase.start(dir);
    DatabaseLogin owner = pg.owner();
    ExecutorService indexers = Executors.newFixedThreadPool(INDEX_THREADS);
    try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
        SearchIndex index = SearchIndex.open(indexDir)) {
      Jdbi jdbi = owner.jdbi().installPlugin(new SqlObjectPlugin());
      SchemaSetup.prepare(owner, pg.app().user());
      BenchDatabase.insertAgencies(c, archive.agencies());
      BenchDatabase.createFtsTable(c);
      ChunkIndexer chunks = new ChunkIndexer(index, documents(jdbi), indexers);
      BenchDatabase db = new BenchDatabase(c);
      for (long from = 0; from < docs; from += CHUNK) {
        long to = Math.min(docs, from + CHUNK);
        List<SyntheticArchive.Doc> chunk = archive.docs(from, to);
        chunks.submit(chunk);
        for (int k = 0; k < chunk.size(); k++) {
          SyntheticArchive.Doc d = chunk.get(k);
          db.add(d, archive.path(d.row().agencyCode()), from + k + 1);
        }
        progress(to, docs, start);
      }
      db.flush();
      chunks.await();
      BenchDatabase.setHead(c, docs);
      System.out.println("  committing the index and building the PostgreSQL indexes");
      index.commit(docs);
      index.settleMerges();
      BenchDatabase.indexFtsTable(c);
    } finally {
      indexers.shutdownNow();
      pg.stop();
      dir.close();
    }
    return new Built(docs, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Rebuilds only the Lucene index of a prepared data directory (after a change of the index
   * layout): the same documents from the same synthetic records, written to {@code index.new},
   * committed at checkpoint {@code docs}, then swapped in place of {@code index}. PostgreSQL is
   * only read (for the agency tree).
   */
  public static Built reindex(Path dataDir, SyntheticArchive archive, long docs) throws Exception {
    Path fresh = dataDir.resolve("index.new");
    if (Files.exists(fresh)) {
      throw new IllegalStateException(fresh + " exists: remove it first");
    }
    long start = System.nanoTime();
    DataDirectory dir = DataDirectory.acquire(dataDir);
    EmbeddedDatabase pg = EmbeddedDatabase.start(dir);
    ExecutorService indexers = Executors.newFixedThreadPool(INDEX_THREADS);
    try (SearchIndex index = SearchIndex.open(fresh)) {
      Jdbi jdbi = pg.app().jdbi().installPlugin(new SqlObjectPlugin());
      ChunkIndexer chunks = new ChunkIndexer(index, documents(jdbi), indexers);
      for (long from = 0; from < docs; from += CHUNK) {
        long to = Math.min(docs, from + CHUNK);
        chunks.submit(archive.docs(from, to));
        progress(to, docs, start);
      }
      chunks.await();
      index.commit(docs);
      index.settleMerges();
    } finally {
      indexers.shutdownNow();
      pg.stop();
      dir.close();
    }
    Path old = dataDir.resolve("index.old");
    Files.move(dataDir.resolve("index"), old);
    Files.move(fresh, dataDir.resolve("index"));
    try (var files = Files.walk(old)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    return new Built(docs, (System.nanoTime() - start) / 1_000_000);
  }

  private static IndexDocuments documents(Jdbi jdbi) {
    return new IndexDocuments(
        new AccessPolicy(new AgencyDirectory(jdbi, Clock.systemUTC()), (id, user) -> false));
  }

  private static void progress(long done, long docs, long start) {
    if ((done / CHUNK) % 50 == 0 || done == docs) {
      System.out.printf(
          "  %,d / %,d records (%d s)%n", done, docs, (System.nanoTime() - start) / 1_000_000_000);
    }
  }

  /** Indexes chunks of records on the indexing threads, at most two chunks per thread queued. */
  private static final class ChunkIndexer {
    private final SearchIndex index;
    private final IndexDocuments documents;
    private final ExecutorService threads;
    private final Semaphore inFlight = new Semaphore(2 * INDEX_THREADS);
    private final List<Future<?>> tasks = new ArrayList<>();

    ChunkIndexer(SearchIndex index, IndexDocuments documents, ExecutorService threads) {
      this.index = index;
      this.documents = documents;
      this.threads = threads;
    }

    void submit(List<SyntheticArchive.Doc> chunk) throws InterruptedException {
      inFlight.acquire();
      tasks.add(
          threads.submit(
              () -> {
                try {
                  for (SyntheticArchive.Doc d : chunk) {
                    index.upsert(
                        documents.of(d.row(), List.of(), new TextStage.Text(d.text(), false)));
                  }
                } finally {
                  inFlight.release();
                }
                return null;
              }));
    }

    /** Waits for every chunk; rethrows the first failure. */
    void await() throws Exception {
      for (Future<?> f : tasks) {
        f.get();
      }
    }
  }
}
