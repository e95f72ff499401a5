package vn.tangthu.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadRunTest {

  private static final int QUERIES = 40;

  private static List<BenchQuery> mix() {
    return mix(QUERIES);
  }

  private static List<BenchQuery> mix(int n) {
    List<BenchQuery> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BenchQuery.Kind kind = i % 2 == 0 ? BenchQuery.Kind.PHRASE : BenchQuery.Kind.DOC_NUMBER;
      out.add(new BenchQuery(kind, "q" + i, null, null, null, null));
    }
    return out;
  }

  /** Answers at once, except that one call (counted from 1) holds everyone up for 300 ms. */
  private static final class StallingEngine implements SearchEngine {
    private final int stallAt;
    private final AtomicInteger calls = new AtomicInteger();

    StallingEngine(int stallAt) {
      this.stallAt = stallAt;
    }

    @Override
    public synchronized long total(BenchQuery query) throws InterruptedException {
      if (calls.incrementAndGet() == stallAt) {
        Thread.sleep(300);
      }
      return 1;
    }

    @Override
    public String name() {
      return "stalling";
    }
  }

  @Test
  void pacedQueriesAreSentNoSoonerThanTheyArrive() throws Exception {
    long[] arrivals = LoadRun.arrivals(QUERIES, 100, LoadRun.ARRIVAL_SEED);
    LoadRun.Figures f = LoadRun.paced(new StallingEngine(-1), mix(), 100, 1);

    assertThat(f.queries()).isEqualTo(QUERIES);
    assertThat(f.qps()).isLessThanOrEqualTo(QUERIES / (arrivals[QUERIES - 1] / 1e9));
    assertThat(f.byKind()).containsOnlyKeys(BenchQuery.Kind.PHRASE, BenchQuery.Kind.DOC_NUMBER);
  }

  @Test
  void seriesHoldsEveryQueryInArrivalOrder(@TempDir Path dir) throws Exception {
    Path series = dir.resolve("series.txt");
    LoadRun.paced(new StallingEngine(-1), mix(), 200, 2, series);

    List<String> lines = Files.readAllLines(series);
    assertThat(lines).hasSize(2 * QUERIES);
    double last = -1;
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split(" ");
      assertThat(Double.parseDouble(f[0])).isGreaterThanOrEqualTo(last);
      assertThat(Double.parseDouble(f[1])).isNotNegative();
      assertThat(f[3]).isEqualTo(mix().get(i % QUERIES).httpQuery());
      last = Double.parseDouble(f[0]);
    }
  }

  @Test
  void arrivalsArePoissonAtTheRate() {
    int n = 20_000;
    long[] at = LoadRun.arrivals(n, 250, 1);
    double mean = 1e9 / 250;
    int shorterThanMean = 0;
    for (int i = 1; i < n; i++) {
      assertThat(at[i]).isGreaterThanOrEqualTo(at[i - 1]);
      shorterThanMean += at[i] - at[i - 1] < mean ? 1 : 0;
    }
    assertThat(at[n - 1] / (n - 1.0)).isCloseTo(mean, Percentage.withPercentage(3));
    // exponential gaps: 1 - 1/e of them are shorter than their mean (evenly spaced: none)
    assertThat(shorterThanMean / (n - 1.0)).isCloseTo(1 - Math.exp(-1), Offset.offset(0.015));
    assertThat(LoadRun.arrivals(100, 250, 1)).isEqualTo(Arrays.copyOf(at, 100));
  }

  @Test
  void aStallCountsAgainstEveryQueryScheduledDuringIt() throws Exception {
    int n = 200;
    LoadRun.Figures paced = LoadRun.paced(new StallingEngine(n + 1), mix(n), 1000, 1);
    LoadRun.Figures closed = LoadRun.run(new StallingEngine(n + 1), mix(n), 1, 1);

    // all 200 arrivals (200 ms at 1000/s) fall in the 300 ms stall, far more than there are
    // senders: the ones sent late still count from their arrival
    assertThat(paced.p50Millis()).isGreaterThan(50);
    // a closed-loop client sends nothing while it waits, so only one query saw the stall
    assertThat(closed.p50Millis()).isLessThan(50);
  }
}
