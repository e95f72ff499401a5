package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
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
import org.apache.lucene.search.similarities.Similarity.SimScorer;
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
 */
public final class DenseScan {

  private static final SearchRequest.Sort RELEVANCE = SearchRequest.Sort.RELEVANCE;

  private record Clause(
      Term term,
      float boost,
      boolean constant,
      SimScorer sim,
      int docFreq,
      float[] table,
      float max) {

    /**
     * The clause's score for a document holding the term {@code freq} times (at least once), from
     * the table for the common small frequencies: BM25 divides, a table lookup does not.
     */
    float score(int freq, byte norm) {
      if (constant) {
        return boost;
      }
      return freq <= TABLE_FREQS ? table[row(norm) + freq] : sim.score(freq, norm);
    }
  }

  private static final int TABLE_FREQS = 16;

  /** A table's entries per norm: frequency 0 (a document without the term: score 0) and 1…16. */
  private static final int TABLE_STRIDE = TABLE_FREQS + 1;

  /** Where a norm's scores start in a table. */
  private static int row(byte norm) {
    return (norm & 0xFF) * TABLE_STRIDE;
  }

  /**
   * Every score of a scorer for frequencies 0…{@link #TABLE_FREQS} and each of the 256 norms; 0 for
   * frequency 0, so an absent optional term adds nothing without a branch.
   */
  private static float[] table(SimScorer sim) {
    float[] table = new float[256 * TABLE_STRIDE];
    for (int norm = 0; norm < 256; norm++) {
      for (int freq = 1; freq <= TABLE_FREQS; freq++) {
        table[norm * TABLE_STRIDE + freq] = sim.score(freq, (byte) norm);
      }
    }
    return table;
  }

  /**
   * The highest score a scorer gives a document here: at the highest frequency a column holds (BM25
   * rises with the frequency), over every norm.
   */
  private static float highest(SimScorer sim) {
    float max = 0f;
    for (int norm = 0; norm < 256; norm++) {
      max = Math.max(max, sim.score(255, (byte) norm));
    }
    return max;
  }

  /** A constant-score clause's table: its boost whatever the (non-zero) frequency and norm. */
  private static float[] constantTable(float boost) {
    float[] table = new float[256 * TABLE_STRIDE];
    for (int norm = 0; norm < 256; norm++) {
      Arrays.fill(table, norm * TABLE_STRIDE + 1, (norm + 1) * TABLE_STRIDE, boost);
    }
    return table;
  }

  /** Marks a filter nothing in the segment passes. */
  private static final long[] NOTHING = new long[0];

  private final IndexSearcher searcher;
  private final SegmentCache<DenseColumns> columns;
  private final TermColumns terms;
  private final List<Clause> must;
  private final List<Clause> should;
  private final List<Term> mustNot;
  private final Weight filter;

  private DenseScan(
      IndexSearcher searcher,
      SegmentCache<DenseColumns> columns,
      TermColumns terms,
      List<Clause> must,
      List<Clause> should,
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
    List<Clause> must = new ArrayList<>();
    List<Clause> should = new ArrayList<>();
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
    List<Clause> scoredMust =
        scored(searcher, collection, must, true, commonDocs(searcher, minDensity));
    if (scoredMust == null) {
      return null;
    }
    List<Clause> scoredShould = scored(searcher, collection, should, false, 0);
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
      BooleanClause clause, List<Clause> must, List<Clause> should, List<Term> mustNot) {
    Query query = clause.getQuery();
    return switch (clause.getOccur()) {
      case MUST ->
          query instanceof TermQuery t
              && Fields.ALL.equals(t.getTerm().field())
              && must.add(new Clause(t.getTerm(), 1f, false, null, 0, null, 0f));
      case MUST_NOT -> query instanceof TermQuery t && mustNot.add(t.getTerm());
      case SHOULD -> addOptional(query, 1f, should);
      case FILTER -> false;
    };
  }

  /** Adds an optional term, boosted term, constant-score term or disjunction of terms. */
  private static boolean addOptional(Query query, float boost, List<Clause> should) {
    if (query instanceof BoostQuery b) {
      return addOptional(b.getQuery(), boost * b.getBoost(), should);
    }
    if (query instanceof TermQuery t) {
      return should.add(new Clause(t.getTerm(), boost, false, null, 0, null, 0f));
    }
    if (query instanceof ConstantScoreQuery c && c.getQuery() instanceof TermQuery t) {
      return should.add(new Clause(t.getTerm(), boost, true, null, 0, null, 0f));
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
   * The clauses with their BM25 scorers from the whole index's statistics, as the Lucene query
   * scores them, rarest first. Required clauses ({@code required}) must each be in at least {@code
   * minDocs} documents, else there is no plan: null. Optional terms found nowhere are dropped.
   * Constant-score clauses keep no scorer.
   */
  private static List<Clause> scored(
      IndexSearcher searcher,
      CollectionStatistics collection,
      List<Clause> clauses,
      boolean required,
      long minDocs)
      throws IOException {
    List<Clause> out = new ArrayList<>(clauses.size());
    for (Clause c : clauses) {
      TermStates states = TermStates.build(searcher, c.term(), true);
      if (required && states.docFreq() < minDocs) {
        return null;
      }
      if (states.docFreq() == 0) {
        continue;
      }
      SimScorer sim =
          c.constant()
              ? null
              : searcher
                  .getSimilarity()
                  .scorer(
                      c.boost(),
                      collection,
                      searcher.termStatistics(c.term(), states.docFreq(), states.totalTermFreq()));
      out.add(
          new Clause(
              c.term(),
              c.boost(),
              c.constant(),
              sim,
              states.docFreq(),
              sim == null ? constantTable(c.boost()) : table(sim),
              sim == null ? c.boost() : highest(sim)));
    }
    out.sort(Comparator.comparingInt(Clause::docFreq));
    return out;
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
    List<Candidate> best = new ArrayList<>();
    for (Segment segment : segments) {
      segment.addBest(best);
    }
    best.sort(
        Comparator.<Candidate>comparingDouble(c -> -c.score())
            .thenComparingInt(c -> c.segment().leaf.ord)
            .thenComparingInt(Candidate::ord));
    return new TopFieldDocs(
        new TotalHits(total, TotalHits.Relation.EQUAL_TO),
        page(best, n).toArray(FieldDoc[]::new),
        ProximityWindow.luceneSort(RELEVANCE).getSort());
  }

  /** The segments, largest first: the longest scans start first when they run in parallel. */
  private static List<LeafReaderContext> largestFirst(List<LeafReaderContext> leaves) {
    List<LeafReaderContext> out = new ArrayList<>(leaves);
    out.sort(Comparator.comparingInt((LeafReaderContext l) -> l.reader().maxDoc()).reversed());
    return out;
  }

  /** A segment's hit: its record id is only looked up if it may be on the page. */
  private record Candidate(Segment segment, float score, int ord, int doc) {
    FieldDoc toFieldDoc(BytesRef id) {
      return new FieldDoc(segment.leaf.docBase + doc, score, new Object[] {score, id});
    }
  }

  /** A candidate with its id looked up, heading the rest of its segment's tied candidates. */
  private record Head(Candidate candidate, BytesRef id, int next, int end) {}

  /**
   * The first {@code n} candidates (sorted by score descending, segment, ordinal) in (score
   * descending, id ascending) order. Within a segment ordinals follow ids, so only a level of tied
   * scores spanning segments needs ids compared, merged from each segment's head.
   */
  private static List<FieldDoc> page(List<Candidate> sorted, int n) throws IOException {
    List<FieldDoc> out = new ArrayList<>(n);
    int i = 0;
    while (i < sorted.size() && out.size() < n) {
      int j = i;
      while (j < sorted.size() && sorted.get(j).score() == sorted.get(i).score()) {
        j++;
      }
      mergeTied(sorted, i, j, n - out.size(), out);
      i = j;
    }
    return out;
  }

  private static void mergeTied(
      List<Candidate> sorted, int from, int to, int slots, List<FieldDoc> out) throws IOException {
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::id));
    int start = from;
    for (int k = from + 1; k <= to; k++) {
      if (k == to || sorted.get(k).segment() != sorted.get(start).segment()) {
        heads.add(head(sorted, start, k));
        start = k;
      }
    }
    while (slots-- > 0 && !heads.isEmpty()) {
      Head head = heads.poll();
      out.add(head.candidate().toFieldDoc(head.id()));
      if (head.next() < head.end()) {
        heads.add(head(sorted, head.next(), head.end()));
      }
    }
  }

  private static Head head(List<Candidate> sorted, int at, int end) throws IOException {
    Candidate c = sorted.get(at);
    return new Head(c, BytesRef.deepCopyOf(c.segment().ids.lookupOrd(c.ord())), at + 1, end);
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
      Scores scores = new Scores(required, optional);
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
    private TermColumns.Column[] columns(List<Clause> clauses) throws IOException {
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

    void addBest(List<Candidate> out) {
      for (int i = 0; i < best.size(); i++) {
        out.add(new Candidate(this, best.score(i), best.ord(i), best.doc(i)));
      }
    }
  }

  /**
   * A segment's scored columns, flattened for the scan's inner loop: a document's score is the sum
   * of its required clauses' scores plus the sum of its optional ones' (a missing term never
   * matches). An optional term too rare to be cached is read from its postings, in step with the
   * scan's ascending documents. One scan's; not thread-safe.
   */
  private final class Scores {
    private final byte[][] freqs;
    private final int[][] ranks;
    private final int[][] postingDocs;
    private final byte[][] postingFreqs;
    private final int[] cursors;
    private final float[][] tables;
    private final long[][] bits;
    private final Clause[] clauses;
    private final int required;
    private final int[] rows = new int[64];
    private final float[] optional = new float[64];

    Scores(TermColumns.Column[] requiredColumns, TermColumns.Frequencies[] optionalFrequencies) {
      List<TermColumns.Frequencies> cols = new ArrayList<>(List.of(requiredColumns));
      List<Clause> scored = new ArrayList<>(must);
      for (int i = 0; i < optionalFrequencies.length; i++) {
        if (optionalFrequencies[i] != null) {
          cols.add(optionalFrequencies[i]);
          scored.add(should.get(i));
        }
      }
      int n = cols.size();
      this.required = requiredColumns.length;
      this.freqs = new byte[n][];
      this.ranks = new int[n][];
      this.postingDocs = new int[n][];
      this.postingFreqs = new byte[n][];
      this.cursors = new int[n];
      this.bits = new long[n][];
      for (int i = 0; i < n; i++) {
        if (cols.get(i) instanceof TermColumns.Postings p) {
          postingDocs[i] = p.docs();
          postingFreqs[i] = p.freqs();
          bits[i] = p.bits();
        } else {
          TermColumns.Column column = (TermColumns.Column) cols.get(i);
          freqs[i] = column.freqs();
          ranks[i] = column.ranks();
          bits[i] = column.bits();
        }
      }
      this.clauses = scored.toArray(Clause[]::new);
      this.tables = scored.stream().map(Clause::table).toArray(float[][]::new);
    }

    /** Which matches are worth scoring, from the clauses' highest scores. */
    EssentialClauses essential() {
      double requiredMax = 0;
      for (int i = 0; i < required; i++) {
        requiredMax += clauses[i].max();
      }
      float[] optionalMax = new float[clauses.length - required];
      for (int i = required; i < clauses.length; i++) {
        optionalMax[i - required] = clauses[i].max();
      }
      return new EssentialClauses(
          requiredMax, optionalMax, Arrays.copyOfRange(bits, required, clauses.length));
    }

    /**
     * Scores {@code docs[0, n)} into {@code sums}, a clause at a time over all of them (each
     * clause's column and table stay in registers): the required clauses' sum plus the optional
     * ones', each summed in clause order, so every score is the float the one-document-at-a-time
     * sum gives.
     */
    void of(int[] docs, int n, byte[] norms, float[] sums) {
      for (int j = 0; j < n; j++) {
        rows[j] = row(norms[docs[j]]);
        sums[j] = 0f;
        optional[j] = 0f;
      }
      for (int i = 0; i < required; i++) {
        add(i, docs, n, norms, sums);
      }
      for (int i = required; i < freqs.length; i++) {
        add(i, docs, n, norms, optional);
      }
      for (int j = 0; j < n; j++) {
        sums[j] += optional[j];
      }
    }

    private void add(int i, int[] docs, int n, byte[] norms, float[] into) {
      byte[] column = freqs[i];
      if (column == null) {
        addPostings(i, docs, n, norms, into);
        return;
      }
      long[] present = bits[i];
      int[] rank = ranks[i];
      float[] table = tables[i];
      for (int j = 0; j < n; j++) {
        int d = docs[j];
        int freq = TermColumns.Column.freq(present, rank, column, d);
        into[j] += freq <= TABLE_FREQS ? table[rows[j] + freq] : clauses[i].score(freq, norms[d]);
      }
    }

    /**
     * {@link #add} for a term read from its postings: the documents only ever ascend, so the cursor
     * moves forward across the whole scan; a word past the term's next document costs one compare.
     */
    private void addPostings(int i, int[] docs, int n, byte[] norms, float[] into) {
      int[] at = postingDocs[i];
      int c = cursors[i];
      if (at[c] > docs[n - 1]) {
        return;
      }
      byte[] f = postingFreqs[i];
      float[] table = tables[i];
      for (int j = 0; j < n; j++) {
        int d = docs[j];
        while (at[c] < d) {
          c++;
        }
        if (at[c] == d) {
          int freq = f[c] & 0xFF;
          into[j] += freq <= TABLE_FREQS ? table[rows[j] + freq] : clauses[i].score(freq, norms[d]);
        }
      }
      cursors[i] = c;
    }
  }
}
