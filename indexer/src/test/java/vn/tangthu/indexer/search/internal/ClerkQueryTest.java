package vn.tangthu.indexer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClerkQueryTest {

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5, 6, 7, 8, 9, 13, 32})
  void coveringTriplesCoverEverySyllableWithAboutAThirdOfTheTriples(int n) {
    int[] triples = ClerkQuery.coveringTriples(n);
    assertThat(triples).hasSize((n + 2) / 3).isSorted().doesNotHaveDuplicates();
    assertThat(triples[0]).isEqualTo(2);
    assertThat(triples[triples.length - 1]).isEqualTo(n - 1);
    for (int syllable = 0; syllable < n; syllable++) {
      int s = syllable;
      assertThat(Arrays.stream(triples).anyMatch(t -> t - 2 <= s && s <= t))
          .as("syllable %d of %d", s, n)
          .isTrue();
    }
  }

  @Test
  void aPhraseIsNotCoveredByFewerThanThreeSyllables() {
    assertThatThrownBy(() -> ClerkQuery.coveringTriples(2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twoAndThreeSyllablePhrasesAreOneTerm() {
    assertThat(((TermQuery) ClerkQuery.all(List.of("uy", "ban"))).getTerm())
        .isEqualTo(new Term(Fields.ALL, Analysis.pairTerm("uy", "ban")));
    assertThat(((TermQuery) ClerkQuery.all(List.of("uy", "ban", "tinh"))).getTerm())
        .isEqualTo(new Term(Fields.ALL, Analysis.tripleTerm("uy", "ban", "tinh")));
  }

  @Test
  void aFourSyllablePhraseReadsTwoTriplesOnePositionApart() {
    PhraseQuery q = (PhraseQuery) ClerkQuery.all(List.of("thuoc", "mot", "trong", "cac"));
    assertThat(q.getTerms())
        .containsExactly(
            new Term(Fields.ALL, Analysis.tripleTerm("thuoc", "mot", "trong")),
            new Term(Fields.ALL, Analysis.tripleTerm("mot", "trong", "cac")));
    assertThat(q.getPositions()).containsExactly(2, 3);
    assertThat(q.getSlop()).isZero();
  }

  @Test
  void aSixSyllablePhraseReadsTwoTriplesThreePositionsApart() {
    PhraseQuery q =
        (PhraseQuery) ClerkQuery.all(List.of("uy", "ban", "nhan", "dan", "tinh", "bac"));
    assertThat(q.getTerms())
        .containsExactly(
            new Term(Fields.ALL, Analysis.tripleTerm("uy", "ban", "nhan")),
            new Term(Fields.ALL, Analysis.tripleTerm("dan", "tinh", "bac")));
    assertThat(q.getPositions()).containsExactly(2, 5);
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
