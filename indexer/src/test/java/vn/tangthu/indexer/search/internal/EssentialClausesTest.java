package vn.tangthu.indexer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EssentialClausesTest {

  private static final long ALL = -1L;
  private static final long PAIR = 0b1010L;
  private static final long EXACT = 0b0110L;

  /** Required clauses up to 3; a pair term up to 4, an exact spelling up to 1. */
  private static EssentialClauses clauses() {
    return new EssentialClauses(3.0, new float[] {4f, 1f}, new long[][] {{PAIR}, {EXACT}});
  }

  @Test
  void everyMatchIsScoredUntilAThresholdIsKnown() {
    assertThat(clauses().worthScoring(0, ALL)).isEqualTo(ALL);
  }

  @Test
  void aThresholdTheRequiredClausesCanReachSkipsNothing() {
    EssentialClauses c = clauses();
    c.raise(3f);
    assertThat(c.worthScoring(0, ALL)).isEqualTo(ALL);
  }

  @Test
  void matchesWithoutAnyOptionalClauseAreSkippedAboveTheRequiredMaximum() {
    EssentialClauses c = clauses();
    c.raise(3.5f);
    assertThat(c.worthScoring(0, ALL)).isEqualTo(PAIR | EXACT);
  }

  @Test
  void theLowestOptionalClausesAloneCannotLiftAMatch() {
    EssentialClauses c = clauses();
    c.raise(4.5f);
    assertThat(c.worthScoring(0, ALL)).isEqualTo(PAIR);
    assertThat(c.worthScoring(0, EXACT)).isEqualTo(EXACT & PAIR);
  }

  @Test
  void aThresholdAboveEveryClauseTogetherLeavesNothingToScore() {
    EssentialClauses c = clauses();
    c.raise(8.5f);
    assertThat(c.worthScoring(0, ALL)).isZero();
  }

  @Test
  void aMatchThatCouldTieIsStillScored() {
    EssentialClauses c = clauses();
    c.raise(8f);
    assertThat(c.worthScoring(0, ALL)).as("3 + 4 + 1 can reach 8").isEqualTo(PAIR);
    c.raise(3f + 1f);
    assertThat(c.worthScoring(0, ALL)).as("thresholds never fall").isEqualTo(PAIR);
  }

  @Test
  void eachOptionalClauseNeedsItsHighestScore() {
    assertThatThrownBy(() -> new EssentialClauses(1, new float[] {1f}, new long[0][]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
