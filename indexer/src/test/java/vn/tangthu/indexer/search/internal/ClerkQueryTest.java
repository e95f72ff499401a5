package vn.tangthu.indexer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClerkQueryTest {

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 13, 32})
  void coveringPairsCoverEverySyllableWithHalfThePairs(int n) {
    int[] pairs = ClerkQuery.coveringPairs(n);
    assertThat(pairs).hasSize((n + 1) / 2).isSorted().doesNotHaveDuplicates();
    assertThat(pairs[0]).isEqualTo(1);
    assertThat(pairs[pairs.length - 1]).isEqualTo(n - 1);
    for (int syllable = 0; syllable < n; syllable++) {
      int s = syllable;
      assertThat(Arrays.stream(pairs).anyMatch(p -> p == s || p - 1 == s))
          .as("syllable %d of %d", s, n)
          .isTrue();
    }
  }

  @Test
  void aPhraseIsNotCoveredByFewerThanTwoSyllables() {
    assertThatThrownBy(() -> ClerkQuery.coveringPairs(1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFourSyllablePhraseReadsTwoPairsTwoPositionsApart() {
    PhraseQuery q = (PhraseQuery) ClerkQuery.all(List.of("thuoc", "mot", "trong", "cac"));
    assertThat(q.getTerms())
        .containsExactly(
            new Term(Fields.ALL, Analysis.pairTerm("thuoc", "mot")),
            new Term(Fields.ALL, Analysis.pairTerm("trong", "cac")));
    assertThat(q.getPositions()).containsExactly(1, 3);
    assertThat(q.getSlop()).isZero();
  }

  @Test
  void aThreeSyllablePhraseReadsBothPairs() {
    PhraseQuery q = (PhraseQuery) ClerkQuery.all(List.of("uy", "ban", "tinh"));
    assertThat(q.getPositions()).containsExactly(1, 2);
    assertThat(IntStream.of(q.getPositions()).count()).isEqualTo(q.getTerms().length);
  }

  /** The constant-score adjacency clauses of a query's rescoring: query text to boost. */
  private static Map<String, Float> adjacency(String q) {
    Map<String, Float> out = new HashMap<>();
    for (BooleanClause c : ((BooleanQuery) ClerkQuery.parse(q).proximity()).clauses()) {
      if (c.getQuery() instanceof BoostQuery b
          && b.getQuery() instanceof ConstantScoreQuery constant) {
        out.put(constant.getQuery().toString(), b.getBoost());
      }
    }
    return out;
  }

  @Test
  void wordsTypedWithoutDiacriticsReadTheirAdjacencyOnce() {
    assertThat(adjacency("quy dinh"))
        .containsEntry(Fields.ALL + ":\"quy dinh\"", 12f)
        .containsEntry(Fields.ALL + ":\"quy dinh\"~8", 2f)
        .hasSize(5);
  }

  @Test
  void accentedWordsScoreExactAdjacencyAboveFoldedAdjacency() {
    assertThat(adjacency("quyết định"))
        .containsEntry(Fields.ALL + ":\"=quyết =định\"", 8f)
        .containsEntry(Fields.ALL + ":\"quyet dinh\"", 4f)
        .containsEntry(Fields.ALL + ":\"quyet dinh\"~8", 2f)
        .hasSize(6);
  }
}
