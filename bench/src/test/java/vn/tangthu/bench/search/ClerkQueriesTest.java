package vn.tangthu.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClerkQueriesTest {

  private static SyntheticArchive archive;

  @BeforeAll
  static void load() throws IOException {
    archive = SyntheticArchive.load(BenchCorpus.dir().resolve("vi-legal"));
  }

  @Test
  void sameSeedGivesTheSameMix() {
    assertThat(ClerkQueries.mix(archive, 10_000, 200))
        .isEqualTo(ClerkQueries.mix(archive, 10_000, 200))
        .isNotEqualTo(ClerkQueries.mix(archive, 10_000, 200, 7));
  }

  @Test
  void everyClassHoldsItsShare() {
    Map<BenchQuery.Kind, Integer> counts = new EnumMap<>(BenchQuery.Kind.class);
    for (BenchQuery q : ClerkQueries.mix(archive, 10_000, 200)) {
      counts.merge(q.kind(), 1, Integer::sum);
    }
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                BenchQuery.Kind.FOLDED_WORDS, 60,
                BenchQuery.Kind.PHRASE, 40,
                BenchQuery.Kind.DOC_NUMBER, 30,
                BenchQuery.Kind.WORDS_AND_FILTER, 30,
                BenchQuery.Kind.FILTERS_ONLY, 40));
  }

  @Test
  void classesAreMixedNotListedInBlocks() {
    List<BenchQuery> mix = ClerkQueries.mix(archive, 10_000, 200);
    int changes = 0;
    int longestRun = 1;
    int run = 1;
    for (int i = 1; i < mix.size(); i++) {
      boolean same = mix.get(i).kind() == mix.get(i - 1).kind();
      changes += same ? 0 : 1;
      run = same ? run + 1 : 1;
      longestRun = Math.max(longestRun, run);
    }
    // independent draws with these shares change class ~156 times in 199 neighbours; blocks of
    // 6 + 4 + 3 + 3 + 4 change 49 times
    assertThat(changes).isGreaterThan(120);
    assertThat(longestRun).isLessThan(6);
  }
}
