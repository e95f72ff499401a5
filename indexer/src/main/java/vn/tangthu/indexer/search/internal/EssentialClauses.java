package vn.tangthu.indexer.search.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Which matches of a column scan are worth scoring (the MaxScore idea of Turtle and Flood, 1995).
 * Once a full set of best hits sets a threshold, the optional clauses with the lowest highest
 * scores may together with every required clause's highest score stay below it: a match holding
 * none of the other, essential, optional clauses cannot reach the threshold, so it is counted and
 * tallied but not scored. When even all optional clauses together stay below it, no further match
 * can compete. Bounds carry a relative margin of {@value #MARGIN} over float rounding, so a match
 * that could tie is always scored.
 *
 * <p>One segment scan's; not thread-safe.
 */
final class EssentialClauses {

  static final double MARGIN = 1e-5;

  private final double requiredMax;
  private final long[][] bits;
  private final double[] lowestSums;
  private boolean skipping;
  private int nonEssential;

  /**
   * @param requiredMax the sum of the required clauses' highest scores
   * @param optionalMax each optional clause's highest score
   * @param optionalBits each optional clause's documents, as bits of 64-document words
   */
  EssentialClauses(double requiredMax, float[] optionalMax, long[][] optionalBits) {
    if (optionalMax.length != optionalBits.length) {
      throw new IllegalArgumentException("one highest score per optional clause");
    }
    Integer[] order =
        IntStream.range(0, optionalMax.length)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> optionalMax[i]))
            .toArray(Integer[]::new);
    this.requiredMax = requiredMax;
    this.bits = Arrays.stream(order).map(i -> optionalBits[i]).toArray(long[][]::new);
    this.lowestSums = new double[order.length + 1];
    for (int k = 0; k < order.length; k++) {
      lowestSums[k + 1] = lowestSums[k] + optionalMax[order[k]];
    }
  }

  /** The matches of word {@code w} worth scoring: all of them until a threshold allows less. */
  long worthScoring(int w, long matches) {
    if (!skipping) {
      return matches;
    }
    long any = 0;
    for (int i = nonEssential; i < bits.length; i++) {
      any |= bits[i][w];
    }
    return matches & any;
  }

  /** Takes the lowest score of a full set of best hits; thresholds only ever rise in a scan. */
  void raise(float threshold) {
    if (!skipping) {
      if (!(bound(0) < threshold)) {
        return;
      }
      skipping = true;
    }
    while (nonEssential < bits.length && bound(nonEssential + 1) < threshold) {
      nonEssential++;
    }
  }

  /** The highest score of a match holding at most the {@code k} lowest-scoring optional clauses. */
  private double bound(int k) {
    return (requiredMax + lowestSums[k]) * (1 + MARGIN);
  }
}
