package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The page of a {@link DenseScan}: its segments' best hits merged in (score descending, record id
 * ascending) order, looking up only the ids a tie between segments needs. Stateless.
 */
final class DensePage {
  private DensePage() {}

  /**
   * A segment's hit: its record id is only looked up if it may be on the page.
   *
   * @param leaf its segment
   * @param ids its segment's record ids
   * @param score its score
   * @param ord its record id's ordinal in {@code ids}
   * @param doc its document in the segment
   */
  record Candidate(LeafReaderContext leaf, SortedDocValues ids, float score, int ord, int doc) {
    FieldDoc toFieldDoc(BytesRef id) {
      return new FieldDoc(leaf.docBase + doc, score, new Object[] {score, id});
    }
  }

  /** Sorts candidates by score descending, then segment, then ordinal: {@link #page}'s input. */
  static final Comparator<Candidate> ORDER =
      Comparator.<Candidate>comparingDouble(c -> -c.score())
          .thenComparingInt(c -> c.leaf().ord)
          .thenComparingInt(Candidate::ord);

  /** A candidate with its id looked up, heading the rest of its segment's tied candidates. */
  private record Head(Candidate candidate, BytesRef id, int next, int end) {}

  /**
   * The first {@code n} candidates (sorted by score descending, segment, ordinal) in (score
   * descending, id ascending) order. Within a segment ordinals follow ids, so only a level of tied
   * scores spanning segments needs ids compared, merged from each segment's head.
   */
  static List<FieldDoc> page(List<Candidate> sorted, int n) throws IOException {
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
      if (k == to || sorted.get(k).leaf() != sorted.get(start).leaf()) {
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
    return new Head(c, BytesRef.deepCopyOf(c.ids().lookupOrd(c.ord())), at + 1, end);
  }
}
