package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Optional common words scored from their {@link TermColumns columns} instead of their postings:
 * the documents holding any of them, each scored as the disjunction of their {@link TermQuery}s
 * would be (BM25 through the searcher's similarity and statistics, summed; frequencies above 255
 * count as 255), but a document's frequencies are array reads instead of advancing long postings
 * lists through a heap. Matching document at a time (phrases, document numbers, rare words), the
 * optional clauses are advanced to every match of the required ones, and when they are common words
 * that cost more than the matching itself.
 *
 * <p>Immutable; its weights are thread-safe like Lucene's.
 */
public final class ColumnTermsQuery extends Query {

  private final List<Term> terms;
  private final List<TermStates> states;
  private final TermColumns columns;
  private final SegmentCache<DenseColumns> norms;

  /**
   * @param states each term's statistics as the planning searcher found them (reused when the query
   *     runs on that searcher, so the terms dictionaries are read once)
   */
  private ColumnTermsQuery(
      List<Term> terms,
      List<TermStates> states,
      TermColumns columns,
      SegmentCache<DenseColumns> norms) {
    this.terms = List.copyOf(terms);
    this.states = List.copyOf(states);
    this.columns = columns;
    this.norms = norms;
  }

  /**
   * The query with each optional term on {@link Fields#ALL}, or optional disjunction of such terms,
   * whose every term is in at least {@code minDocs} documents scored from columns; everything else
   * is unchanged.
   */
  public static Query optionalFromColumns(
      IndexSearcher searcher,
      Query match,
      TermColumns columns,
      SegmentCache<DenseColumns> norms,
      long minDocs)
      throws IOException {
    if (!(match instanceof BooleanQuery bool)) {
      return match;
    }
    BooleanQuery.Builder out = new BooleanQuery.Builder();
    out.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
    for (BooleanClause clause : bool.clauses()) {
      Query q = clause.getQuery();
      if (clause.getOccur() == Occur.SHOULD) {
        q = optional(searcher, q, columns, norms, minDocs);
      }
      out.add(q, clause.getOccur());
    }
    return out.build();
  }

  private static Query optional(
      IndexSearcher searcher,
      Query q,
      TermColumns columns,
      SegmentCache<DenseColumns> norms,
      long minDocs)
      throws IOException {
    if (q instanceof BoostQuery b) {
      return new BoostQuery(
          optional(searcher, b.getQuery(), columns, norms, minDocs), b.getBoost());
    }
    List<Term> terms = termsOf(q);
    List<TermStates> states = new ArrayList<>(terms.size());
    for (Term term : terms) {
      if (!Fields.ALL.equals(term.field())) {
        return q;
      }
      TermStates found = TermStates.build(searcher, term, true);
      if (found.docFreq() < minDocs) {
        return q;
      }
      states.add(found);
    }
    return terms.isEmpty() ? q : new ColumnTermsQuery(terms, states, columns, norms);
  }

  /** The terms of a term query or of a disjunction of term queries; empty for any other query. */
  private static List<Term> termsOf(Query q) {
    List<Term> terms = new ArrayList<>();
    if (q instanceof TermQuery t) {
      terms.add(t.getTerm());
    } else if (q instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
      for (BooleanClause clause : bool.clauses()) {
        if (clause.getOccur() != Occur.SHOULD || !(clause.getQuery() instanceof TermQuery t)) {
          return List.of();
        }
        terms.add(t.getTerm());
      }
    }
    return terms;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    CollectionStatistics collection = searcher.collectionStatistics(Fields.ALL);
    List<Term> scoredTerms = new ArrayList<>();
    List<SimScorer> sims = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      Term term = terms.get(i);
      TermStates states =
          this.states.get(i).wasBuiltFor(searcher.getTopReaderContext())
              ? this.states.get(i)
              : TermStates.build(searcher, term, true);
      if (collection != null && states.docFreq() > 0) {
        scoredTerms.add(term);
        sims.add(
            searcher
                .getSimilarity()
                .scorer(
                    boost,
                    collection,
                    searcher.termStatistics(term, states.docFreq(), states.totalTermFreq())));
      }
    }
    return new ColumnWeight(scoredTerms, sims.toArray(SimScorer[]::new));
  }

  private final class ColumnWeight extends Weight {
    private final List<Term> scoredTerms;
    private final SimScorer[] sims;

    ColumnWeight(List<Term> scoredTerms, SimScorer[] sims) {
      super(ColumnTermsQuery.this);
      this.scoredTerms = scoredTerms;
      this.sims = sims;
    }

    @Override
    public Scorer scorer(LeafReaderContext context) throws IOException {
      int maxDoc = context.reader().maxDoc();
      List<TermColumns.Column> found = new ArrayList<>();
      List<SimScorer> present = new ArrayList<>();
      FixedBitSet any = new FixedBitSet(maxDoc);
      for (int i = 0; i < sims.length; i++) {
        TermColumns.Column column = columns.of(context.reader(), scoredTerms.get(i));
        if (column != null) {
          found.add(column);
          present.add(sims[i]);
          any.or(new FixedBitSet(column.bits(), maxDoc));
        }
      }
      if (found.isEmpty()) {
        return null;
      }
      return new ColumnScorer(
          this,
          any,
          found.toArray(TermColumns.Column[]::new),
          present.toArray(SimScorer[]::new),
          norms.of(context.reader()).norms());
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
      Scorer scorer = scorer(context);
      if (scorer == null || scorer.iterator().advance(doc) != doc) {
        return Explanation.noMatch("none of " + scoredTerms + " in the document");
      }
      return Explanation.match(scorer.score(), scoredTerms + ", scored from their columns");
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return false;
    }
  }

  /** Iterates the documents holding any of the terms; sums their scores. */
  private static final class ColumnScorer extends Scorer {
    private final TermColumns.Column[] columns;
    private final SimScorer[] sims;
    private final byte[] norms;
    private final DocIdSetIterator docs;

    ColumnScorer(
        Weight weight,
        FixedBitSet any,
        TermColumns.Column[] columns,
        SimScorer[] sims,
        byte[] norms) {
      super(weight);
      this.columns = columns;
      this.sims = sims;
      this.norms = norms;
      this.docs = new BitSetIterator(any, any.cardinality());
    }

    @Override
    public DocIdSetIterator iterator() {
      return docs;
    }

    @Override
    public float getMaxScore(int upTo) {
      return Float.POSITIVE_INFINITY;
    }

    @Override
    public float score() {
      int doc = docs.docID();
      byte norm = norms[doc];
      double score = 0;
      for (int i = 0; i < columns.length; i++) {
        int freq = columns[i].freq(doc);
        if (freq != 0) {
          score += sims[i].score(freq, norm);
        }
      }
      return (float) score;
    }

    @Override
    public int docID() {
      return docs.docID();
    }
  }

  @Override
  public String toString(String field) {
    return "columns" + terms;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(Fields.ALL)) {
      visitor.consumeTerms(this, terms.toArray(Term[]::new));
    }
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && terms.equals(((ColumnTermsQuery) other).terms)
        && columns == ((ColumnTermsQuery) other).columns
        && norms == ((ColumnTermsQuery) other).norms;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), terms);
  }
}
