package vn.tangthu.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

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
  void pacedQueriesArriveNoFasterThanTheRate() throws Exception {
    LoadRun.Figures f = LoadRun.paced(new StallingEngine(-1), mix(), 100, 1);

    assertThat(f.queries()).isEqualTo(QUERIES);
    assertThat(f.qps()).isLessThanOrEqualTo(100 * QUERIES / (QUERIES - 1.0));
    assertThat(f.byKind()).containsOnlyKeys(BenchQuery.Kind.PHRASE, BenchQuery.Kind.DOC_NUMBER);
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
