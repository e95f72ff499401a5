package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import vn.tangthu.indexer.search.SearchRequest;

/**
 * Evaluates a relevance search whose every required clause is a common word by scanning columns
 * instead of matching document at a time. Each term becomes a {@link TermColumns.Column} (kept in a
 * memory-bounded cache for common words); the required terms' bits, the excluded terms', the
 * filter's and the live documents' are intersected 64 documents at a time, and each match is
 * counted, tallied into its facets ({@link DenseColumns}) and scored from its columns' frequencies
 * and its length norm. Words found in a large share of the records are the slow searches: matching
 * them document at a time costs ~100 ns per match on our servers (leap-frogging every term, then
 * the optional ones), and neither block-max pruning nor early termination helps, since common words
 * give nearly every match the same score; a scan costs ~15 ns per match. Once a segment's best hits
 * so far set a threshold, matches that cannot reach it without an optional clause they lack are
 * counted and tallied but not scored ({@link EssentialClauses}): with common words, an adjacent
 * pair of the query's words outscores any spread of the words themselves, so often only the records
 * holding the pair are scored.
 *
 * <p>The answer is the one the Lucene query gives: the same matches, total and facets (exactly),
 * the same BM25 scores through the searcher's own similarity and statistics (summed in another
 * order, so they may differ in the last bits), ordered by (score descending, record id ascending)
 * like {@link ProximityWindow#luceneSort}, with {@code search_after} paging.
 *
 * <p>Applies to clerk queries shaped as {@link ClerkQuery} builds them from words and two- or
 * three-syllable phrases: required terms, excluded terms, optional (boosted, possibly
 * constant-score) terms. Any other shape gets no plan. Scores read length norms as one byte, as
 * Lucene's BM25 encodes them.
 *
 * <p>Segments are scanned in parallel through the searcher's task executor (on the calling thread
 * alone when it has none); the answer does not depend on it. A plan belongs to one searcher and one
 * search; not thread-safe.
 *
 * <p>This class plans and scans; {@link DenseClause} holds each clause's scorer and score table,
 * {@link DenseScores} scores a segment's matches, {@link DensePage} merges the segments' best hits
 * into the page.
 */
public final class DenseScan {

  private static final SearchRequest.Sort RELEVANCE = SearchRequest.Sort.RELEVANCE;

  /** Marks a filter nothing in the segment passes. */
  private static final long[] NOTHING = new long[0];

  private final IndexSearcher searcher;
  private final SegmentCache<DenseColumns> columns;
  private final TermColumns terms;
  private final List<DenseClause> must;
  private final List<DenseClause> should;
  private final List<Term> mustNot;
  private final Weight filter;

  private DenseScan(
      IndexSearcher searcher,
      SegmentCache<DenseColumns> columns,
      TermColumns terms,
      List<DenseClause> must,
      List<DenseClause> should,
      List<Term> mustNot,
      Weight filter) {
    this.searcher = searcher;
    this.columns = columns;
    this.terms = terms;
    this.must = must;
    this.should = should;
    this.mustNot = mustNot;
    this.filter = filter;
  }

  /**
   * The plan for a match query and its filter, or null when the query has another shape or its
   * rarest required term is in fewer than {@code minDensity} of the index's documents (then
   * matching document at a time is cheaper).
   *
   * @param filter the filter clauses (visibility, request filters), or null for none
   */
  public static DenseScan plan(
      IndexSearcher searcher,
      SegmentCache<DenseColumns> columns,
      TermColumns terms,
      Query match,
      Query filter,
      double minDensity)
      throws IOException {
    if (!(match instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() != 0) {
      return null;
    }
    List<DenseClause> must = new ArrayList<>();
    List<DenseClause> should = new ArrayList<>();
    List<Term> mustNot = new ArrayList<>();
    for (BooleanClause clause : bool.clauses()) {
      if (!addClause(clause, must, should, mustNot)) {
        return null;
      }
    }
    if (must.isEmpty()) {
      return null;
    }
    CollectionStatistics collection = searcher.collectionStatistics(Fields.ALL);
    if (collection == null) {
      return null;
    }
    List<DenseClause> scoredMust =
        DenseClause.scored(searcher, collection, must, true, commonDocs(searcher, minDensity));
    if (scoredMust == null) {
      return null;
    }
    List<DenseClause> scoredShould = DenseClause.scored(searcher, collection, should, false, 0);
    Weight filterWeight =
        filter == null
            ? null
            : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    return new DenseScan(searcher, columns, terms, scoredMust, scoredShould, mustNot, filterWeight);
  }

  /**
   * The documents a word must be in (at least one) to count as common: {@code minDensity} of the
   * index's documents. Common words are planned as columns and have their columns cached.
   */
  public static long commonDocs(IndexSearcher searcher, double minDensity) {
    return Math.max(1, (long) Math.ceil(minDensity * searcher.getIndexReader().maxDoc()));
  }

  private static boolean addClause(
      BooleanClause clause, List<DenseClause> must, List<DenseClause> should, List<Term> mustNot) {
    Query query = clause.getQuery();
    return switch (clause.getOccur()) {
      case MUST ->
          query instanceof TermQuery t
              && Fields.ALL.equals(t.getTerm().field())
              && must.add(DenseClause.unscored(t.getTerm(), 1f, false));
      case MUST_NOT -> query instanceof TermQuery t && mustNot.add(t.getTerm());
      case SHOULD -> addOptional(query, 1f, should);
      case FILTER -> false;
    };
  }

  /** Adds an optional term, boosted term, constant-score term or disjunction of terms. */
  private static boolean addOptional(Query query, float boost, List<DenseClause> should) {
    if (query instanceof BoostQuery b) {
      return addOptional(b.getQuery(), boost * b.getBoost(), should);
    }
    if (query instanceof TermQuery t) {
      return should.add(DenseClause.unscored(t.getTerm(), boost, false));
    }
    if (query instanceof ConstantScoreQuery c && c.getQuery() instanceof TermQuery t) {
      return should.add(DenseClause.unscored(t.getTerm(), boost, true));
    }
    if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
      for (BooleanClause clause : bool.clauses()) {
        if (clause.getOccur() != Occur.SHOULD || !addOptional(clause.getQuery(), boost, should)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * The {@code n} best matches after {@code after} (null: from the first), and, when {@code facets}
   * is given, the total and facets of every match.
   *
   * @param after the last hit of the previous page: fields (score, record id)
   */
  public TopFieldDocs top(FieldDoc after, int n, FacetCounts.Counter facets) throws IOException {
    List<Segment> segments = new ArrayList<>();
    List<Callable<Long>> scans = new ArrayList<>();
    for (LeafReaderContext leaf : largestFirst(searcher.getIndexReader().leaves())) {
      Segment segment = new Segment(leaf);
      int[] tallies = facets == null ? null : facets.tallies(leaf);
      segments.add(segment);
      scans.add(() -> segment.scan(after, n, tallies));
    }
    long total = 0;
    for (long matches : searcher.getTaskExecutor().invokeAll(scans)) {
      total += matches;
    }
    if (facets != null) {
      facets.addMatches(total);
    }
    List<DensePage.Candidate> best = new ArrayList<>();
    for (Segment segment : segments) {
      segment.addBest(best);
    }
    best.sort(DensePage.ORDER);
    return new TopFieldDocs(
        new TotalHits(total, TotalHits.Relation.EQUAL_TO),
        DensePage.page(best, n).toArray(FieldDoc[]::new),
        ProximityWindow.luceneSort(RELEVANCE).getSort());
  }

  /** The segments, largest first: the longest scans start first when they run in parallel. */
  private static List<LeafReaderContext> largestFirst(List<LeafReaderContext> leaves) {
    List<LeafReaderContext> out = new ArrayList<>(leaves);
    out.sort(Comparator.comparingInt((LeafReaderContext l) -> l.reader().maxDoc()).reversed());
    return out;
  }

  /** One segment's scan. */
  private final class Segment {
    private final LeafReaderContext leaf;
    private final LeafReader reader;
    private final BestHits best = new BestHits();
    private SortedDocValues ids;

    Segment(LeafReaderContext leaf) {
      this.leaf = leaf;
      this.reader = leaf.reader();
    }

    /**
     * Scans the segment: counts every match (tallying its facets when {@code facets} is given) and
     * keeps the {@code n} best after {@code after}; returns the count. Matches are found 64
     * documents at a time by intersecting the terms' bits with the filter and the live documents.
     */
    long scan(FieldDoc after, int n, int[] facets) throws IOException {
      TermColumns.Column[] required = columns(must);
      TermColumns.Frequencies[] optional = optionalFrequencies();
      long[][] excluded = excludedBits();
      long[] allowed = allowed();
      if (required == null || allowed == NOTHING) {
        return 0;
      }
      long[] live = liveBits();
      ids = DocValues.getSorted(reader, Fields.ID);
      best.reset(n);
      float afterScore = after == null ? Float.POSITIVE_INFINITY : (Float) after.fields[0];
      int afterOrd = after == null ? -1 : firstOrdAfter((BytesRef) after.fields[1]);
      DenseColumns column = columns.of(reader);
      byte[] norms = column.norms();
      DenseScores scores = new DenseScores(must, should, required, optional);
      EssentialClauses essential = scores.essential();
      int[] keys = column.facetKeys();
      int[] idOrds = column.idOrds();
      long count = 0;
      int words = required[0].bits().length;
      int[] docs = new int[64];
      float[] sums = new float[64];
      for (int w = 0; w < words; w++) {
        long m = required[0].bits()[w];
        for (int i = 1; i < required.length && m != 0; i++) {
          m &= required[i].bits()[w];
        }
        for (long[] not : excluded) {
          m &= ~not[w];
        }
        m &= (allowed == null ? -1L : allowed[w]) & (live == null ? -1L : live[w]);
        if (m == 0) {
          continue;
        }
        int hits = expand(m, w, docs);
        count += hits;
        if (facets != null) {
          tally(docs, hits, keys, facets);
        }
        long scored = essential.worthScoring(w, m);
        if (scored != m) {
          hits = expand(scored, w, docs);
          if (hits == 0) {
            continue;
          }
        }
        scores.of(docs, hits, norms, sums);
        for (int j = 0; j < hits; j++) {
          int d = docs[j];
          float s = sums[j];
          if (s > afterScore || !best.mayTake(s)) {
            continue;
          }
          int ord = idOrds[d];
          if (s == afterScore && ord < afterOrd) {
            continue;
          }
          best.offer(s, ord, d);
        }
        if (best.full()) {
          essential.raise(best.lowest());
        }
      }
      return count;
    }

    /** Writes the documents of word {@code w}'s set bits to {@code docs}; returns how many. */
    private static int expand(long bits, int w, int[] docs) {
      int n = Long.bitCount(bits);
      for (int j = 0; j < n; j++) {
        docs[j] = (w << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
      }
      return n;
    }

    private static void tally(int[] docs, int n, int[] keys, int[] facets) {
      for (int j = 0; j < n; j++) {
        int key = keys[docs[j]];
        if (key >= 0) {
          facets[key]++;
        }
      }
    }

    /** The clauses' columns; null when a required term is missing from the segment. */
    private TermColumns.Column[] columns(List<DenseClause> clauses) throws IOException {
      TermColumns.Column[] out = new TermColumns.Column[clauses.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = terms.of(reader, clauses.get(i).term());
        if (out[i] == null) {
          return null;
        }
      }
      return out;
    }

    /** The optional clauses' frequencies, null for a term the segment does not hold. */
    private TermColumns.Frequencies[] optionalFrequencies() throws IOException {
      TermColumns.Frequencies[] out = new TermColumns.Frequencies[should.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = terms.scoring(reader, should.get(i).term());
      }
      return out;
    }

    private long[][] excludedBits() throws IOException {
      List<long[]> out = new ArrayList<>(mustNot.size());
      for (Term term : mustNot) {
        TermColumns.Column c = terms.of(reader, term);
        if (c != null) {
          out.add(c.bits());
        }
      }
      return out.toArray(long[][]::new);
    }

    /** The live documents' bits; null when all are live. */
    private long[] liveBits() {
      Bits live = reader.getLiveDocs();
      if (live == null) {
        return null;
      }
      if (live instanceof FixedBitSet bits) {
        return bits.getBits();
      }
      FixedBitSet copy = new FixedBitSet(reader.maxDoc());
      for (int d = 0; d < reader.maxDoc(); d++) {
        if (live.get(d)) {
          copy.set(d);
        }
      }
      return copy.getBits();
    }

    /** The filter's bits: null when there is no filter, {@link #NOTHING} when nothing passes. */
    private long[] allowed() throws IOException {
      if (filter == null) {
        return null;
      }
      Scorer scorer = filter.scorer(leaf);
      if (scorer == null) {
        return NOTHING;
      }
      FixedBitSet bits = new FixedBitSet(reader.maxDoc());
      bits.or(scorer.iterator());
      return bits.getBits();
    }

    /** The smallest ordinal of an id strictly after {@code id}. */
    private int firstOrdAfter(BytesRef id) throws IOException {
      int ord = ids.lookupTerm(id);
      return ord >= 0 ? ord + 1 : -ord - 1;
    }

    void addBest(List<DensePage.Candidate> out) {
      for (int i = 0; i < best.size(); i++) {
        out.add(new DensePage.Candidate(leaf, ids, best.score(i), best.ord(i), best.doc(i)));
      }
    }
  }
}
