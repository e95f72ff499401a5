package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import vn.tangthu.indexer.search.SearchRequest;

/**
 * Pages of search results, either plainly sorted or, for relevance with a proximity query, with the
 * first {@code window} hits rescored: their score plus the proximity query's score (whole-query
 * phrases, words near each other), computed for those hits only instead of for every match.
 *
 * <p>The order is total and stable for an unchanged index: the window's hits by (rescored score
 * descending, record id ascending), then every other match by (first score, record id). Since the
 * proximity score is never negative and the window holds the best first scores, scores never rise
 * from one page to the next. A page inside the window gets a window cursor; paging past it
 * continues after the window's last first-pass position with plain {@code search_after}.
 *
 * <p>Stateless; thread-safe.
 */
public final class ProximityWindow {

  /** How many hits are rescored by default. */
  public static final int DEFAULT_SIZE = 100;

  private static final Comparator<FieldDoc> RESCORED_ORDER =
      Comparator.<FieldDoc>comparingDouble(d -> -(Float) d.fields[0])
          .thenComparing(d -> (BytesRef) d.fields[1]);

  /**
   * A page of hits, each a {@link FieldDoc} whose fields are the sort values (score or day, then
   * record id).
   *
   * @param next cursor of the next page, null after the last
   */
  public record Page(List<FieldDoc> hits, String next) {}

  /**
   * Finds a page's top hits of the search's query, so the caller chooses how (and can count facets
   * in the same pass over the matches).
   */
  @FunctionalInterface
  public interface TopSearch {
    /**
     * The best {@code n} hits after {@code after} (null: from the first) in the order's {@link
     * #luceneSort}, each a {@link FieldDoc} with its sort values.
     */
    TopFieldDocs search(SearchRequest.Sort order, FieldDoc after, int n) throws IOException;

    /** The plain Lucene way: a top-field collection of {@code query}. */
    static TopSearch of(IndexSearcher searcher, Query query) {
      return (order, after, n) ->
          searcher.search(query, new TopFieldCollectorManager(luceneSort(order), n, after, n));
    }
  }

  private ProximityWindow() {}

  /** A plain page: the {@code size} hits after {@code after} (null: the first page). */
  public static Page sorted(TopSearch searcher, SearchRequest.Sort order, FieldDoc after, int size)
      throws IOException {
    TopFieldDocs docs = searcher.search(order, after, size + 1);
    List<FieldDoc> hits = new ArrayList<>(size);
    for (int i = 0; i < Math.min(size, docs.scoreDocs.length); i++) {
      hits.add((FieldDoc) docs.scoreDocs[i]);
    }
    String next =
        docs.scoreDocs.length > size ? Cursor.encode(order, hits.get(hits.size() - 1)) : null;
    return new Page(hits, next);
  }

  /**
   * A relevance page with the first {@code window} hits rescored by {@code proximity}.
   *
   * @param position the decoded cursor, or null for the first page
   */
  public static Page rescored(
      IndexSearcher searcher,
      TopSearch top,
      Query proximity,
      int window,
      Cursor.Position position,
      int size)
      throws IOException {
    SearchRequest.Sort relevance = SearchRequest.Sort.RELEVANCE;
    if (position != null && !position.inWindow()) {
      return sorted(top, relevance, position.after(), size);
    }
    TopFieldDocs first = top.search(relevance, null, window + 1);
    int inWindow = Math.min(window, first.scoreDocs.length);
    FieldDoc[] ranked = rescore(searcher, proximity, Arrays.copyOf(first.scoreDocs, inWindow));
    int from = position == null ? 0 : firstAfter(ranked, position.after());
    List<FieldDoc> hits =
        new ArrayList<>(Arrays.asList(ranked).subList(from, Math.min(ranked.length, from + size)));
    boolean beyond = first.scoreDocs.length > window;
    if (hits.size() == size && (from + size < ranked.length || beyond)) {
      return new Page(hits, Cursor.encodeInWindow(hits.get(hits.size() - 1)));
    }
    if (!beyond) {
      return new Page(hits, null);
    }
    FieldDoc floor = (FieldDoc) first.scoreDocs[window - 1];
    Page rest = sorted(top, relevance, floor, size - hits.size());
    hits.addAll(rest.hits());
    return new Page(hits, rest.next());
  }

  /**
   * The window's hits with the proximity score added, in rescored order. The hits of each segment
   * are rescored by one task of the searcher's executor. Each clause of the proximity query is
   * confined to the window ({@link HitsQuery}): a subject phrase of common words would otherwise
   * run on from every hit lacking it to its next match elsewhere in the segment.
   */
  private static FieldDoc[] rescore(IndexSearcher searcher, Query proximity, ScoreDoc[] window)
      throws IOException {
    FieldDoc[] byDoc = new FieldDoc[window.length];
    for (int i = 0; i < window.length; i++) {
      byDoc[i] = (FieldDoc) window[i];
    }
    Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc));
    Query confined =
        new HitsQuery(Arrays.stream(byDoc).mapToInt(d -> d.doc).toArray()).confine(proximity);
    Weight weight = searcher.createWeight(searcher.rewrite(confined), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    FieldDoc[] out = new FieldDoc[byDoc.length];
    List<Callable<Void>> segments = new ArrayList<>();
    int from = 0;
    while (from < byDoc.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(byDoc[from].doc, leaves));
      int to = from;
      while (to < byDoc.length && byDoc[to].doc < leaf.docBase + leaf.reader().maxDoc()) {
        to++;
      }
      int start = from;
      int end = to;
      segments.add(
          () -> {
            rescore(weight.scorer(leaf), leaf.docBase, byDoc, out, start, end);
            return null;
          });
      from = to;
    }
    searcher.getTaskExecutor().invokeAll(segments);
    Arrays.sort(out, RESCORED_ORDER);
    return out;
  }

  /**
   * Rescores {@code hits[from, to)}, all of one segment and in doc order, into {@code out}. Only
   * the hits themselves are checked for a (phrase) match: the scorer's approximation is advanced to
   * each and its two-phase check run there, instead of advancing the scorer itself, which would
   * verify the positions of every candidate after a hit that does not match until it found one that
   * does.
   */
  private static void rescore(
      Scorer scorer, int docBase, FieldDoc[] hits, FieldDoc[] out, int from, int to)
      throws IOException {
    TwoPhaseIterator twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
    DocIdSetIterator candidates =
        scorer == null ? null : twoPhase == null ? scorer.iterator() : twoPhase.approximation();
    for (int i = from; i < to; i++) {
      FieldDoc hit = hits[i];
      float bonus = 0f;
      int target = hit.doc - docBase;
      if (candidates != null) {
        int at = candidates.docID() < target ? candidates.advance(target) : candidates.docID();
        if (at == target && (twoPhase == null || twoPhase.matches())) {
          bonus = scorer.score();
        }
      }
      float score = (Float) hit.fields[0] + bonus;
      out[i] = new FieldDoc(hit.doc, score, new Object[] {score, hit.fields[1]});
    }
  }

  /** The index of the first hit strictly after {@code after} in rescored order. */
  private static int firstAfter(FieldDoc[] ranked, FieldDoc after) {
    int i = 0;
    while (i < ranked.length && RESCORED_ORDER.compare(ranked[i], after) <= 0) {
      i++;
    }
    return i;
  }

  /** The Lucene sort of an order; the record id breaks ties, so paging is total. */
  public static Sort luceneSort(SearchRequest.Sort order) {
    SortField id = new SortField(Fields.ID, SortField.Type.STRING);
    return switch (order) {
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
}
