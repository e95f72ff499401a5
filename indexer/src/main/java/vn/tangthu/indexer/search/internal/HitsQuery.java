package vn.tangthu.indexer.search.internal;

import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Matches exactly the given documents (ids of the whole index, as in a {@code ScoreDoc}): a filter
 * that confines a query to a window of hits. Inside a conjunction it is the cheapest iterator and
 * leads, so the other clauses are only ever advanced to those documents; a phrase or a conjunction
 * of common words evaluated alone, by contrast, runs on from a document it lacks to the next one it
 * matches anywhere in the segment. Not cached (it is one search's).
 */
final class HitsQuery extends Query {

  private final int[] docs;

  /**
   * @param docs the documents, in any order, repeats allowed (copied)
   */
  HitsQuery(int[] docs) {
    this.docs = Arrays.stream(docs).sorted().distinct().toArray();
  }

  /**
   * {@code query} confined to the documents: each optional clause of a disjunction on its own (so
   * none runs past a document it lacks), any other query as a whole; the scores of those documents
   * are unchanged (a filter adds nothing).
   */
  Query confine(Query query) {
    if (query instanceof BooleanQuery bool
        && bool.getMinimumNumberShouldMatch() == 0
        && bool.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD)) {
      BooleanQuery.Builder out = new BooleanQuery.Builder();
      for (BooleanClause clause : bool.clauses()) {
        out.add(filtered(clause.getQuery()), Occur.SHOULD);
      }
      return out.build();
    }
    return filtered(query);
  }

  private Query filtered(Query query) {
    return new BooleanQuery.Builder().add(query, Occur.MUST).add(this, Occur.FILTER).build();
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) {
        int from = firstAtLeast(context.docBase);
        int to = firstAtLeast(context.docBase + context.reader().maxDoc());
        if (from == to) {
          return null;
        }
        return new ConstantScoreScorer(
            this, score(), scoreMode, new Docs(docs, from, to, context.docBase));
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false;
      }
    };
  }

  private int firstAtLeast(int doc) {
    int i = Arrays.binarySearch(docs, doc);
    return i < 0 ? -i - 1 : i;
  }

  /** The documents {@code docs[from, to)} of one segment, relative to its base. */
  private static final class Docs extends DocIdSetIterator {
    private final int[] docs;
    private final int to;
    private final int base;
    private int at;
    private int doc = -1;

    Docs(int[] docs, int from, int to, int base) {
      this.docs = docs;
      this.at = from;
      this.to = to;
      this.base = base;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) {
      while (at < to && docs[at] - base < target) {
        at++;
      }
      doc = at < to ? docs[at] - base : NO_MORE_DOCS;
      return doc;
    }

    @Override
    public long cost() {
      return to - at;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "hits(" + docs.length + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && Arrays.equals(docs, ((HitsQuery) other).docs);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + Arrays.hashCode(docs);
  }
}
