package vn.tangthu.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchBenchmarkTest {

  private static List<BenchQuery> mix(String prefix) {
    List<BenchQuery> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      out.add(new BenchQuery(BenchQuery.Kind.PHRASE, prefix + i, null, null, null, null));
    }
    return out;
  }

  /** Answers at once; records "engine query" for every call in one shared log. */
  private record Recording(String name, List<String> log) implements SearchEngine {
    @Override
    public long total(BenchQuery query) {
      log.add(name + " " + query.q());
      return 1;
    }
  }

  @Test
  void apiIsWarmedUpAgainAfterPostgresBeforeItsOpenLoop() throws Exception {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    SearchBenchmark.compare(
        new Recording("api", log),
        new Recording("pg", log),
        mix("q"),
        new SearchBenchmark.WarmUp(mix("warm"), Duration.ofMillis(20)),
        2,
        1,
        1);

    int lastPostgres = 0;
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).startsWith("pg ")) {
        lastPostgres = i;
      }
    }
    List<String> afterPostgres = log.subList(lastPostgres + 1, log.size());
    assertThat(afterPostgres).allMatch(call -> call.startsWith("api "));
    assertThat(afterPostgres.get(0)).as("warm-up before the open loop").startsWith("api warm");
    assertThat(afterPostgres).last().asString().startsWith("api q");
  }

  @Test
  void apiIsMeasuredOverItsOwnRounds() throws Exception {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    SearchBenchmark.Comparison c =
        SearchBenchmark.compare(
            new Recording("api", log),
            new Recording("pg", log),
            mix("q"),
            new SearchBenchmark.WarmUp(mix("warm"), Duration.ZERO),
            2,
            2,
            7);

    assertThat(c.pg().queries()).isEqualTo(20);
    assertThat(c.api().queries()).isEqualTo(70);
    assertThat(c.apiHalfLoad().queries()).isEqualTo(70);
  }
}
