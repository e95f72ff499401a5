package vn.tangthu.indexer.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
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
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import vn.tangthu.indexer.search.internal.Analysis;
import vn.tangthu.indexer.search.internal.ClerkQuery;
import vn.tangthu.indexer.search.internal.Cursor;
import vn.tangthu.indexer.search.internal.DocumentMapper;
import vn.tangthu.indexer.search.internal.FacetCounts;
import vn.tangthu.indexer.search.internal.Fields;
import vn.tangthu.indexer.search.internal.Highlights;
import vn.tangthu.indexer.search.internal.HitData;
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
  private static final List<String> FACETS =
      List.of(Fields.AGENCY_CODE, Fields.TYPE_NAME, Fields.YEAR);
  private final Directory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private volatile long checkpoint;

  private SearchIndex(Directory directory) throws IOException {
    this.directory = directory;
    this.analyzer = Analysis.perField();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION));
    config.setCommitOnClose(false);
    config.setRAMBufferSizeMB(64);
    this.writer = new IndexWriter(directory, config);
    this.checkpoint = readCheckpoint(writer);
    if (!org.apache.lucene.index.DirectoryReader.indexExists(directory)) {
      writer.commit();
    }
    this.searchers = new SearcherManager(writer, new SearcherFactory());
  }

  /**
   * Opens (creating if needed) the index in a directory. Only one {@code SearchIndex} may have a
   * directory open at a time.
   *
   * @throws IOException when the directory cannot be used or is locked by another index
   */
  public static SearchIndex open(Path directory) throws IOException {
    Directory dir = FSDirectory.open(directory);
    try {
      return new SearchIndex(dir);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
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
    writer.setLiveCommitData(Map.of(CHECKPOINT, Long.toString(checkpoint)).entrySet());
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
    FieldDoc after =
        request.cursor() == null || request.cursor().isEmpty()
            ? null
            : Cursor.decode(request.cursor(), request.sort());
    Query query = filtered(parsed.match(), request, visibility);
    IndexSearcher searcher = searchers.acquire();
    try {
      TopFieldCollectorManager top =
          new TopFieldCollectorManager(
              sort(request.sort()), request.size() + 1, after, Integer.MAX_VALUE);
      Object[] results =
          searcher.search(query, new MultiCollectorManager(top, new FacetCounts(FACETS)));
      TopFieldDocs docs = (TopFieldDocs) results[0];
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Long>> facets = (Map<String, Map<String, Long>>) results[1];
      ScoreDoc[] page =
          Arrays.copyOf(docs.scoreDocs, Math.min(docs.scoreDocs.length, request.size()));
      String next =
          docs.scoreDocs.length > request.size()
              ? Cursor.encode(request.sort(), (FieldDoc) page[page.length - 1])
              : null;
      List<List<String>> highlights = Highlights.of(searcher, analyzer, parsed.highlight(), page);
      List<SearchHit> hits = new ArrayList<>(page.length);
      for (int i = 0; i < page.length; i++) {
        FieldDoc hit = (FieldDoc) page[i];
        float score = request.sort() == SearchRequest.Sort.RELEVANCE ? (Float) hit.fields[0] : 0f;
        hits.add(HitData.read(searcher, hit.doc, score, highlights.get(i)));
      }
      return new SearchResult(docs.totalHits.value, hits, facets, next);
    } finally {
      searchers.release(searcher);
    }
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

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      try {
        writer.rollback();
      } finally {
        directory.close();
      }
    }
  }

  private static Query filtered(Query match, SearchRequest request, Visibility visibility) {
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(match, Occur.MUST);
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
    return query.build();
  }

  private static void keywordFilter(BooleanQuery.Builder query, String field, String value) {
    if (value != null && !value.isEmpty()) {
      query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }

  private static Sort sort(SearchRequest.Sort sort) {
    SortField id = new SortField(Fields.ID, SortField.Type.STRING);
    return switch (sort) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
      case ISSUED_DATE_ASC -> new Sort(issued(false), id);
      case ISSUED_DATE_DESC -> new Sort(issued(true), id);
    };
  }

  private static SortField issued(boolean descending) {
    SortField field = new SortField(Fields.ISSUED_DAY, SortField.Type.LONG, descending);
    field.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
    return field;
  }

  private static long readCheckpoint(IndexWriter writer) {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> entry : data) {
        if (CHECKPOINT.equals(entry.getKey())) {
          return Long.parseLong(entry.getValue());
        }
      }
    }
    return 0;
  }
}
