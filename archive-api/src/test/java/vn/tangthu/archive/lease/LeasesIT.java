package vn.tangthu.archive.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.db.Migrations;

/**
 * Job leases against a real PostgreSQL, as several nodes use them: one holder at a time; a lapsed
 * lease is taken over with a higher fencing token, after which the first holder's fenced writes no
 * longer commit; a daily job's completed run date survives the takeover.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeasesIT {

  private static final Duration TTL = Duration.ofMinutes(1);

  /** A clock the test moves, shared by the two "nodes". */
  private static final class TestClock extends Clock {
    final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2026-03-02T03:00:00Z"));

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }
  }

  @TempDir static Path dir;
  private EmbeddedPostgres postgres;
  private Jdbi jdbi;
  private final TestClock clock = new TestClock();
  private Leases nodeA;
  private Leases nodeB;

  @BeforeAll
  void start() throws Exception {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("pg"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("fsync", "off")
            .start();
    jdbi = Jdbi.create(postgres.getJdbcUrl("postgres", "postgres"));
    jdbi.installPlugin(new PostgresPlugin());
    jdbi.installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin());
    new Migrations(jdbi).migrate();
    nodeA = new Leases(jdbi, clock, "node-a");
    nodeB = new Leases(jdbi, clock, "node-b");
  }

  @AfterAll
  void stop() throws Exception {
    nodeA.stop();
    nodeB.stop();
    postgres.close();
  }

  @Test
  void oneHolderAtATimeAndAReleasedLeaseIsFreeAtOnce() {
    Leases.Held held = nodeA.acquire("job-one", TTL).orElseThrow();
    assertThat(nodeB.acquire("job-one", TTL)).as("held by A").isEmpty();
    assertThat(nodeA.acquire("job-one", TTL)).as("not even A's second job").isEmpty();
    held.close();
    Leases.Held next = nodeB.acquire("job-one", TTL).orElseThrow();
    assertThat(next.token()).isGreaterThan(held.token());
    next.close();
  }

  @Test
  void manyNodesRacingForOneLeaseGiveItToExactlyOne() throws Exception {
    List<Leases> nodes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      nodes.add(new Leases(jdbi, clock, "racer-" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
    try {
      List<Callable<Optional<Leases.Held>>> calls = new ArrayList<>();
      nodes.forEach(n -> calls.add(() -> n.acquire("job-race", TTL)));
      List<Leases.Held> winners = new ArrayList<>();
      for (Future<Optional<Leases.Held>> f : pool.invokeAll(calls)) {
        f.get().ifPresent(winners::add);
      }
      assertThat(winners).hasSize(1);
      winners.get(0).close();
    } finally {
      pool.shutdownNow();
      nodes.forEach(Leases::stop);
    }
  }

  @Test
  void aLapsedLeaseIsTakenOverAndTheFormerHoldersWritesAreFencedOff() {
    jdbi.useHandle(h -> h.execute("CREATE TABLE fenced_writes (writer text NOT NULL)"));
    Leases.Held a = nodeA.acquire("job-fence", TTL).orElseThrow();
    jdbi.useTransaction(
        h -> {
          a.fence(h);
          h.execute("INSERT INTO fenced_writes VALUES ('a')");
        });
    clock.advance(TTL.plusSeconds(1)); // A died: no renewal came
    Leases.Held b = nodeB.acquire("job-fence", TTL).orElseThrow();
    assertThat(b.token()).isEqualTo(a.token() + 1);
    assertThatThrownBy(
            () ->
                jdbi.useTransaction(
                    h -> {
                      h.execute("INSERT INTO fenced_writes VALUES ('a-late')");
                      a.fence(h);
                    }))
        .isInstanceOf(LeaseLostException.class);
    assertThat(a.lost()).isTrue();
    jdbi.useTransaction(
        h -> {
          b.fence(h);
          h.execute("INSERT INTO fenced_writes VALUES ('b')");
        });
    a.close(); // the former holder's release leaves B's lease alone
    assertThat(nodeA.acquire("job-fence", TTL)).as("still B's").isEmpty();
    b.close();
    List<String> writers =
        jdbi.withHandle(
            h ->
                h.select("SELECT writer FROM fenced_writes ORDER BY 1").mapTo(String.class).list());
    assertThat(writers).containsExactly("a", "b");
  }

  @Test
  void aLeaseStillWithinItsTimeIsNotTakenOver() {
    Leases.Held a = nodeA.acquire("job-live", TTL).orElseThrow();
    clock.advance(TTL.minusSeconds(1));
    assertThat(nodeB.acquire("job-live", TTL)).isEmpty();
    a.close();
  }

  @Test
  void aDailyJobsCompletedRunDateIsRecordedOnlyUnderTheCurrentToken() {
    LocalDate day = LocalDate.of(2026, 3, 2);
    Leases.Held a = nodeA.acquire("job-daily", TTL).orElseThrow();
    clock.advance(TTL.plusSeconds(1));
    Leases.Held b = nodeB.acquire("job-daily", TTL).orElseThrow();
    assertThatThrownBy(() -> jdbi.useTransaction(h -> a.complete(h, day)))
        .isInstanceOf(LeaseLostException.class);
    assertThat(nodeA.lastCompleted("job-daily")).isEmpty();
    jdbi.useTransaction(h -> b.complete(h, day));
    b.close();
    assertThat(nodeA.lastCompleted("job-daily")).contains(day);
  }

  @Test
  void runAloneRunsTheJobOnlyWhereTheLeaseIsFree() {
    Leases.Held a = nodeA.acquire("job-alone", TTL).orElseThrow();
    List<String> ran = new ArrayList<>();
    assertThat(nodeB.runAlone("job-alone", TTL, l -> ran.add("b"))).isFalse();
    a.close();
    assertThat(nodeB.runAlone("job-alone", TTL, l -> ran.add("b"))).isTrue();
    assertThat(ran).containsExactly("b");
    assertThat(nodeA.acquire("job-alone", TTL)).as("released after the job").isPresent();
  }
}
