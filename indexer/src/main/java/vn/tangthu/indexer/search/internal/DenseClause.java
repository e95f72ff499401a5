package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.Similarity.SimScorer;

/**
 * One term clause of a {@link DenseScan}, with its BM25 scorer from the whole index's statistics
 * and its scores tabled for the common small frequencies and every norm.
 *
 * @param term the term
 * @param boost its boost
 * @param constant whether it scores its boost whatever its frequency (a constant-score clause)
 * @param sim its scorer; null for a constant-score or not yet scored clause
 * @param docFreq the documents holding it in the whole index
 * @param table its scores by norm and frequency ({@link #row}); null until scored
 * @param max the highest score it gives a document
 */
record DenseClause(
    Term term,
    float boost,
    boolean constant,
    SimScorer sim,
    int docFreq,
    float[] table,
    float max) {

  /** Frequencies up to this one are scored from the table. */
  static final int TABLE_FREQS = 16;

  /** A table's entries per norm: frequency 0 (a document without the term: score 0) and 1…16. */
  private static final int TABLE_STRIDE = TABLE_FREQS + 1;

  /** A clause as the query names it, before {@link #scored}. */
  static DenseClause unscored(Term term, float boost, boolean constant) {
    return new DenseClause(term, boost, constant, null, 0, null, 0f);
  }

  /**
   * The clause's score for a document holding the term {@code freq} times (at least once), from the
   * table for the common small frequencies: BM25 divides, a table lookup does not.
   */
  float score(int freq, byte norm) {
    if (constant) {
      return boost;
    }
    return freq <= TABLE_FREQS ? table[row(norm) + freq] : sim.score(freq, norm);
  }

  /** Where a norm's scores start in a table. */
  static int row(byte norm) {
    return (norm & 0xFF) * TABLE_STRIDE;
  }

  /**
   * Every score of a scorer for frequencies 0…{@link #TABLE_FREQS} and each of the 256 norms; 0 for
   * frequency 0, so an absent optional term adds nothing without a branch.
   */
  private static float[] tableOf(SimScorer sim) {
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

  /**
   * The clauses with their BM25 scorers from the whole index's statistics, as the Lucene query
   * scores them, rarest first. Required clauses ({@code required}) must each be in at least {@code
   * minDocs} documents, else there is no plan: null. Optional terms found nowhere are dropped.
   * Constant-score clauses keep no scorer.
   */
  static List<DenseClause> scored(
      IndexSearcher searcher,
      CollectionStatistics collection,
      List<DenseClause> clauses,
      boolean required,
      long minDocs)
      throws IOException {
    List<DenseClause> out = new ArrayList<>(clauses.size());
    for (DenseClause c : clauses) {
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
          new DenseClause(
              c.term(),
              c.boost(),
              c.constant(),
              sim,
              states.docFreq(),
              sim == null ? constantTable(c.boost()) : tableOf(sim),
              sim == null ? c.boost() : highest(sim)));
    }
    out.sort(Comparator.comparingInt(DenseClause::docFreq));
    return out;
  }
}
