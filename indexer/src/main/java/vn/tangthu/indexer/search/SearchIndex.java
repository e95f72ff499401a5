package vn.tangthu.indexer.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import vn.tangthu.indexer.search.internal.Analysis;
import vn.tangthu.indexer.search.internal.ClerkQuery;
import vn.tangthu.indexer.search.internal.ColumnTermsQuery;
import vn.tangthu.indexer.search.internal.Cursor;
import vn.tangthu.indexer.search.internal.DenseColumns;
import vn.tangthu.indexer.search.internal.DenseScan;
import vn.tangthu.indexer.search.internal.DocumentMapper;
import vn.tangthu.indexer.search.internal.FacetCounts;
import vn.tangthu.indexer.search.internal.FacetOrdinalsCache;
import vn.tangthu.indexer.search.internal.Fields;
import vn.tangthu.indexer.search.internal.Highlights;
import vn.tangthu.indexer.search.internal.HitData;
import vn.tangthu.indexer.search.internal.ProximityWindow;
import vn.tangthu.indexer.search.internal.SegmentCache;
import vn.tangthu.indexer.search.internal.TermColumns;
import vn.tangthu.indexer.search.internal.VisibilityQuery;

/**
 * The Lucene search index of the archive, in one directory.
 *
 * <p>Writes ({@link #upsert}, {@link #delete}) become searchable at the next {@link #refresh} and
 * durable at the next {@link #commit}, which also records the change-log position the caller has
 * applied. Closing does <em>not</em> commit: after a close or a crash the index reopens at its last
 * commit and {@link #checkpoint()} says where to resume, so replaying the change log from there is
 * always correct (upserts and deletes are idempotent).
 *
 * <p>Searches apply the caller's {@link Visibility} as a filter inside the query, so totals, facet
 * counts and highlights only ever reflect visible records.
 *
 * <p>Thread-safe: writes may come from any thread (one writer thread is expected), searches from
 * many threads concurrently.
 */
public final class SearchIndex implements Closeable {

  private static final String CHECKPOINT = "checkpoint";
  private static final String FORMAT = "format";

  /**
   * The layout of the index ({@link DocumentMapper}); an index written with another layout is
   * emptied at open, so the change log replays into the current one.
   */
  static final String CURRENT_FORMAT = "3";

  /**
   * Below this share of the documents for the rarest required word, matching document at a time
   * (leap-frogging from the rarest word) reads less than reading every posting of every word.
   */
  static final double DEFAULT_DENSE_FRACTION = 0.05;

  /** The memory kept for the postings of common words as columns ({@link TermColumns}). */
  static final long TERM_COLUMNS_BYTES = 256L << 20;

  private static final double SEGMENTS_PER_TIER = 3;

  private static final double FLOOR_SEGMENT_MB = 128;

  /** The most threads one search may use. */
  public static final int MAX_SEARCH_THREADS = 256;

  private final Directory directory;
  private final ExecutorService pool;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final int rescoreWindow;
  private final double denseFraction;
  private final FacetOrdinalsCache facetOrdinals = new FacetOrdinalsCache();
  private final SegmentCache<DenseColumns> denseColumns = new SegmentCache<>(DenseColumns::load);
  private final TermColumns termColumns;
  private volatile long checkpoint;

  private SearchIndex(
      Directory directory, int rescoreWindow, double denseFraction, ExecutorService pool)
      throws IOException {
    this.directory = directory;
    this.pool = pool;
    this.rescoreWindow = rescoreWindow;
    this.denseFraction = denseFraction;
    this.termColumns = new TermColumns(TERM_COLUMNS_BYTES, denseFraction);
    this.analyzer = Analysis.perField();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED));
    config.setCommitOnClose(false);
    config.setRAMBufferSizeMB(64);
    config.setMergePolicy(mergePolicy());
    this.writer = new IndexWriter(directory, config);
    if (!CURRENT_FORMAT.equals(commitData(writer, FORMAT))) {
      writer.deleteAll();
      writer.setLiveCommitData(commitData(0).entrySet());
      writer.commit();
    }
    this.checkpoint = Long.parseLong(commitData(writer, CHECKPOINT));
    this.searchers =
        new SearcherManager(
            writer,
            new SearcherFactory() {
              @Override
              public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new IndexSearcher(reader, pool);
              }
            });
  }

  /**
   * Lucene's tiered merging, far more eager than its defaults (3 segments per tier, not 10; small
   * segments counted as 128 MB, not 2 MB, so they are merged into large ones sooner): every search
   * pays a fixed cost per segment (terms dictionaries, scorers, rescoring and facet tables), and an
   * archive is searched far more often than written. At 1,000,000 records (2.2 GB) this keeps 5
   * segments where 4 per tier at Lucene's 2 MB floor kept 15, and the benchmark's query mix runs in
   * about a fifth less time; merging rewrites more bytes per record written, which an archive's
   * write rate affords.
   */
  private static MergePolicy mergePolicy() {
    TieredMergePolicy policy = new TieredMergePolicy();
    policy.setSegmentsPerTier(SEGMENTS_PER_TIER);
    policy.setFloorSegmentMB(FLOOR_SEGMENT_MB);
    return policy;
  }

  /**
   * Opens (creating if needed) the index in a directory, each search evaluated on its calling
   * thread alone. Only one {@code SearchIndex} may have a directory open at a time. An index of an
   * older layout is emptied (its {@link #checkpoint()} becomes 0), so replaying the change log
   * rebuilds it.
   *
   * @throws IOException when the directory cannot be used or is locked by another index
   */
  public static SearchIndex open(Path directory) throws IOException {
    return open(directory, 1);
  }

  /**
   * Opens the index like {@link #open(Path)}, each search spread over up to {@code searchThreads}
   * threads (its calling thread and a pool of {@code searchThreads - 1} shared by all searches):
   * its segments are matched, counted and scored, its best hits rescored and highlighted in
   * parallel. The answer does not depend on the number of threads. Under load the pool is busy and
   * a search runs on its calling thread alone, as with one thread.
   *
   * @throws IllegalArgumentException when {@code searchThreads} is not between 1 and 256
   */
  public static SearchIndex open(Path directory, int searchThreads) throws IOException {
    return open(directory, ProximityWindow.DEFAULT_SIZE, DEFAULT_DENSE_FRACTION, searchThreads);
  }

  /**
   * Opens the index like {@link #open(Path, int)}, rescoring the best {@code rescoreWindow} hits of
   * a relevance search for proximity and evaluating a relevance search term at a time ({@link
   * DenseScan}) when its rarest required word is in at least {@code denseFraction} of the documents
   * (0: whenever the query's shape allows; above 1: never), on up to {@code searchThreads} threads
   * per search.
   */
  static SearchIndex open(
      Path directory, int rescoreWindow, double denseFraction, int searchThreads)
      throws IOException {
    if (rescoreWindow < 1) {
      throw new IllegalArgumentException("rescoreWindow must be positive");
    }
    if (!(denseFraction >= 0)) {
      throw new IllegalArgumentException("denseFraction must not be negative");
    }
    if (searchThreads < 1 || searchThreads > MAX_SEARCH_THREADS) {
      throw new IllegalArgumentException(
          "searchThreads must be between 1 and " + MAX_SEARCH_THREADS);
    }
    Directory dir = FSDirectory.open(directory);
    ExecutorService pool = searchThreads == 1 ? null : searchPool(searchThreads - 1);
    try {
      return new SearchIndex(dir, rescoreWindow, denseFraction, pool);
    } catch (IOException | RuntimeException e) {
      if (pool != null) {
        pool.shutdownNow();
      }
      dir.close();
      throw e;
    }
  }

  /** Daemon threads, so a search pool never keeps a JVM alive. */
  private static ExecutorService searchPool(int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread t = new Thread(task, "search-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** The change-log position stored by the last durable {@link #commit}; 0 for a new index. */
  public long checkpoint() {
    return checkpoint;
  }

  /** Adds or replaces the record with {@code doc.id()}. */
  public void upsert(IndexDocument doc) throws IOException {
    Document lucene = DocumentMapper.toDocument(Objects.requireNonNull(doc, "doc"));
    writer.updateDocument(new Term(Fields.ID, doc.id()), lucene);
  }

  /** Removes the record (a no-op when absent). */
  public void delete(String id) throws IOException {
    writer.deleteDocuments(new Term(Fields.ID, Objects.requireNonNull(id, "id")));
  }

  /**
   * Makes every change so far durable, together with the change-log position they correspond to.
   */
  public void commit(long checkpoint) throws IOException {
    if (checkpoint < 0) {
      throw new IllegalArgumentException("checkpoint must not be negative");
    }
    writer.setLiveCommitData(commitData(checkpoint).entrySet());
    writer.commit();
    this.checkpoint = checkpoint;
  }

  /** Makes every change so far visible to searches (not durable: see {@link #commit}). */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /**
   * Runs a search as the given caller.
   *
   * @throws IllegalArgumentException for a malformed query or cursor (message says which)
   */
  public SearchResult search(SearchRequest request, Visibility visibility) throws IOException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(visibility, "visibility");
    ClerkQuery parsed = ClerkQuery.parse(request.q());
    Cursor.Position position =
        request.cursor() == null || request.cursor().isEmpty()
            ? null
            : Cursor.decode(request.cursor(), request.sort());
    Query filter = filter(request, visibility);
    IndexSearcher searcher = searchers.acquire();
    try {
      boolean relevance = request.sort() == SearchRequest.Sort.RELEVANCE;
      DenseScan dense =
          relevance
              ? DenseScan.plan(
                  searcher, denseColumns, termColumns, parsed.match(), filter, denseFraction)
              : null;
      Query match =
          relevance && dense == null
              ? ColumnTermsQuery.optionalFromColumns(
                  searcher,
                  parsed.match(),
                  termColumns,
                  denseColumns,
                  DenseScan.commonDocs(searcher, denseFraction))
              : parsed.match();
      Query query = filter == null ? match : filtered(match, filter);
      OnePass pass = new OnePass(searcher, query, dense, new FacetCounts(facetOrdinals));
      ProximityWindow.Page page = page(searcher, pass, parsed, request, position);
      ScoreDoc[] docs = page.hits().toArray(ScoreDoc[]::new);
      List<List<String>> highlights = Highlights.of(searcher, analyzer, parsed.highlight(), docs);
      List<SearchHit> hits = new ArrayList<>(docs.length);
      for (int i = 0; i < docs.length; i++) {
        FieldDoc hit = page.hits().get(i);
        float score = request.sort() == SearchRequest.Sort.RELEVANCE ? (Float) hit.fields[0] : 0f;
        hits.add(HitData.read(searcher, hit.doc, score, highlights.get(i)));
      }
      return new SearchResult(pass.facets.total(), hits, pass.facets.facets(), page.next());
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * The top-hits searches of one search; the first also counts the matches and facets. Relevance
   * searches whose required words are all common are evaluated by a {@link DenseScan}, the others
   * by Lucene's collectors.
   */
  private static final class OnePass implements ProximityWindow.TopSearch {
    private final IndexSearcher searcher;
    private final Query query;
    private final DenseScan dense;
    private final FacetCounts counts;
    private FacetCounts.Result facets;

    OnePass(IndexSearcher searcher, Query query, DenseScan dense, FacetCounts counts) {
      this.searcher = searcher;
      this.query = query;
      this.dense = dense;
      this.counts = counts;
    }

    @Override
    public TopFieldDocs search(SearchRequest.Sort order, FieldDoc after, int n) throws IOException {
      if (dense != null && order == SearchRequest.Sort.RELEVANCE) {
        return denseSearch(after, n);
      }
      ProximityWindow.TopSearch plain = ProximityWindow.TopSearch.of(searcher, query);
      if (facets != null) {
        return plain.search(order, after, n);
      }
      TopFieldCollectorManager top =
          new TopFieldCollectorManager(ProximityWindow.luceneSort(order), n, after, n);
      Object[] both = searcher.search(query, new MultiCollectorManager(top, counts));
      facets = (FacetCounts.Result) both[1];
      return (TopFieldDocs) both[0];
    }

    private TopFieldDocs denseSearch(FieldDoc after, int n) throws IOException {
      if (facets != null) {
        return dense.top(after, n, null);
      }
      FacetCounts.Counter counter = counts.newCollector();
      TopFieldDocs top = dense.top(after, n, counter);
      facets = counts.reduce(List.of(counter));
      return top;
    }
  }

  private ProximityWindow.Page page(
      IndexSearcher searcher,
      ProximityWindow.TopSearch pass,
      ClerkQuery parsed,
      SearchRequest request,
      Cursor.Position position)
      throws IOException {
    if (request.sort() == SearchRequest.Sort.RELEVANCE && parsed.proximity() != null) {
      return ProximityWindow.rescored(
          searcher, pass, parsed.proximity(), rescoreWindow, position, request.size());
    }
    if (position != null && position.inWindow()) {
      throw new IllegalArgumentException("cursor belongs to a search with another query");
    }
    return ProximityWindow.sorted(
        pass, request.sort(), position == null ? null : position.after(), request.size());
  }

  /**
   * How many records the caller may see (as of the last refresh).
   *
   * @throws UncheckedIOException when the index cannot be read
   */
  public long count(Visibility visibility) {
    Query filter = VisibilityQuery.of(visibility);
    return count(filter == null ? new MatchAllDocsQuery() : filter);
  }

  /**
   * Whether the record is in the index (as of the last refresh).
   *
   * @throws UncheckedIOException when the index cannot be read
   */
  public boolean contains(String id) {
    return count(new TermQuery(new Term(Fields.ID, Objects.requireNonNull(id, "id")))) > 0;
  }

  private long count(Query query) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.count(query);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search index", e);
    }
  }

  /**
   * Rewrites segments holding deleted records so their text leaves the index files, then commits
   * (keeping the last checkpoint) and refreshes, so no file of the index still holds it.
   */
  public void forceMergeDeletes() throws IOException {
    writer.forceMergeDeletes(true);
    searchers.maybeRefreshBlocking();
    writer.commit();
    writer.deleteUnusedFiles();
  }

  /**
   * Waits until every merge the merge policy wants has run, then commits the merged segments
   * (keeping the last checkpoint). For bulk loads: their last commit holds segments whose merges
   * were still running, and a server opening that commit would search them unmerged until the next
   * write.
   */
  public void settleMerges() throws IOException {
    do {
      writer.maybeMerge();
      if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
        merges.sync();
      }
    } while (writer.hasPendingMerges());
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      try {
        writer.rollback();
      } finally {
        if (pool != null) {
          pool.shutdown();
        }
        directory.close();
      }
    }
  }

  private static Query filtered(Query match, Query filter) {
    return new BooleanQuery.Builder().add(match, Occur.MUST).add(filter, Occur.FILTER).build();
  }

  /** The caller's visibility and the request's filters as one query; null when there are none. */
  private static Query filter(SearchRequest request, Visibility visibility) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    Query visible = VisibilityQuery.of(visibility);
    if (visible != null) {
      query.add(visible, Occur.FILTER);
    }
    keywordFilter(query, Fields.AGENCY_PATH, DocumentMapper.keyword(request.agencyCode()));
    keywordFilter(query, Fields.TYPE_NAME, DocumentMapper.keyword(request.typeName()));
    keywordFilter(query, Fields.ACCESS_LEVEL, DocumentMapper.code(request.accessLevel()));
    keywordFilter(query, Fields.SIGNATURE_STATUS, DocumentMapper.code(request.signatureStatus()));
    if (request.issuedFrom() != null || request.issuedTo() != null) {
      long from = request.issuedFrom() == null ? Long.MIN_VALUE : request.issuedFrom().toEpochDay();
      long to = request.issuedTo() == null ? Long.MAX_VALUE : request.issuedTo().toEpochDay();
      query.add(LongPoint.newRangeQuery(Fields.ISSUED_DAY, from, to), Occur.FILTER);
    }
    BooleanQuery built = query.build();
    return built.clauses().isEmpty() ? null : built;
  }

  private static void keywordFilter(BooleanQuery.Builder query, String field, String value) {
    if (value != null && !value.isEmpty()) {
      query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }

  private static Map<String, String> commitData(long checkpoint) {
    return Map.of(CHECKPOINT, Long.toString(checkpoint), FORMAT, CURRENT_FORMAT);
  }

  /** A value of the last commit's user data, or null (a new directory has none). */
  private static String commitData(IndexWriter writer, String key) {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> entry : data) {
        if (key.equals(entry.getKey())) {
          return entry.getValue();
        }
      }
    }
    return null;
  }
}
