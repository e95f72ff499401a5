package vn.tangthu.indexer.search.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A segment's scored columns, flattened for the scan's inner loop: a document's score is the sum of
 * its required clauses' scores plus the sum of its optional ones' (a missing term never matches).
 * An optional term too rare to be cached is read from its postings, in step with the scan's
 * ascending documents. One scan's; not thread-safe.
 */
final class DenseScores {
  private final byte[][] freqs;
  private final int[][] ranks;
  private final int[][] postingDocs;
  private final byte[][] postingFreqs;
  private final int[] cursors;
  private final float[][] tables;
  private final long[][] bits;
  private final DenseClause[] clauses;
  private final int required;
  private final int[] rows = new int[64];
  private final float[] optional = new float[64];

  /**
   * @param must the required clauses, in the order of {@code requiredColumns}
   * @param should the optional clauses, in the order of {@code optionalFrequencies} (null where the
   *     segment lacks the term)
   */
  DenseScores(
      List<DenseClause> must,
      List<DenseClause> should,
      TermColumns.Column[] requiredColumns,
      TermColumns.Frequencies[] optionalFrequencies) {
    List<TermColumns.Frequencies> cols = new ArrayList<>(List.of(requiredColumns));
    List<DenseClause> scored = new ArrayList<>(must);
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
    this.clauses = scored.toArray(DenseClause[]::new);
    this.tables = scored.stream().map(DenseClause::table).toArray(float[][]::new);
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
   * Scores {@code docs[0, n)} into {@code sums}, a clause at a time over all of them (each clause's
   * column and table stay in registers): the required clauses' sum plus the optional ones', each
   * summed in clause order, so every score is the float the one-document-at-a-time sum gives.
   */
  void of(int[] docs, int n, byte[] norms, float[] sums) {
    for (int j = 0; j < n; j++) {
      rows[j] = DenseClause.row(norms[docs[j]]);
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
      into[j] +=
          freq <= DenseClause.TABLE_FREQS
              ? table[rows[j] + freq]
              : clauses[i].score(freq, norms[d]);
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
        into[j] +=
            freq <= DenseClause.TABLE_FREQS
                ? table[rows[j] + freq]
                : clauses[i].score(freq, norms[d]);
      }
    }
    cursors[i] = c;
  }
}
