package vn.tangthu.archive.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.embedded.EmbeddedDatabase;
import vn.tangthu.archive.embedded.EmbeddedStorage;
import vn.tangthu.archive.evidence.EvidenceScheduler;
import vn.tangthu.archive.evidence.EvidenceScheduler.DailyRun;
import vn.tangthu.archive.lease.Leases;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Two API nodes (each its own data directory and index) on one PostgreSQL and one storage node,
 * both started by the test, reading one clock the test moves: the daily evidence run happens once
 * however often both nodes look for it; a sweep executed through both nodes at once executes once;
 * and when the node holding a job's lease dies (its application stopped with the lease held, as a
 * crash leaves it), the other node takes the job over once the lease lapses, without running the
 * day's job twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeJobsIT {

  /** A clock the test moves, read by both nodes. */
  static final class TestClock extends Clock {
    final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS));

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

  @TempDir static Path root;
  private final TestClock clock = new TestClock();
  private DataDirectory shared;
  private EmbeddedDatabase pg;
  private EmbeddedStorage storage;
  private RunningArchive nodeA;
  private RunningArchive nodeB;
  private SweepFixture fx;
  private String planner;
  private String approver;

  /** Dropwizard's override properties present before this class (see {@link #stop()}). */
  private final java.util.Set<String> overridesBefore = overrides();

  @BeforeAll
  void start() throws Exception {
    shared = DataDirectory.acquire(root.resolve("shared"));
    pg = EmbeddedDatabase.start(shared);
    storage = EmbeddedStorage.start(shared, 0);
    nodeA = node("a");
    nodeB = node("b");
    fx = new SweepFixture(nodeA);
    fx.agency("PROV", null);
    planner = fx.user("archivist", "PROV", "ARCHIVIST");
    approver = fx.user("approver", "PROV", "APPROVER");
    fx.schedules();
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (nodeB != null) {
        nodeB.close();
      }
      if (nodeA != null) {
        nodeA.close();
      }
    } finally {
      storage.stop();
      pg.stop();
      shared.close();
      // node A stopped before node B, so B's restore put back A's overrides: clear them, lest the
      // next test class in this JVM reach this class's stopped database
      overrides().stream().filter(k -> !overridesBefore.contains(k)).forEach(System::clearProperty);
    }
  }

  private static java.util.Set<String> overrides() {
    return System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("dw."))
        .collect(java.util.stream.Collectors.toSet());
  }

  private RunningArchive node(String name) throws Exception {
    return RunningArchive.start(
        root.resolve(name),
        clock,
        ConfigOverride.config("database.embedded", "false"),
        ConfigOverride.config("database.url", pg.jdbcUrl()),
        ConfigOverride.config("database.user", pg.app().user()),
        ConfigOverride.config("database.password", pg.app().password()),
        ConfigOverride.config("database.migrationUser", pg.owner().user()),
        ConfigOverride.config("database.migrationPassword", pg.owner().password()),
        ConfigOverride.config("storage.embedded", "false"),
        ConfigOverride.config("storage.endpoint", storage.endpoint()),
        ConfigOverride.config("storage.accessKey", storage.credentials().accessKey()),
        ConfigOverride.config("storage.secretKey", storage.credentials().secretKey()));
  }

  @Test
  @Order(1)
  void theDailyEvidenceRunHappensOnceHoweverOftenBothNodesLookForIt() throws Exception {
    for (int i = 0; i < 3; i++) {
      fx.record("PROV", null, SweepFixture.FUTURE, "Công văn niêm phong hằng ngày số " + i);
    }
    clock.advance(Duration.ofDays(1)); // a run date no node has run yet
    long before = runs();
    List<Callable<DailyRun>> looks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      looks.add(() -> nodeA.wiring().evidence().runIfDue());
      looks.add(() -> nodeB.wiring().evidence().runIfDue());
    }
    List<DailyRun> outcomes = all(looks);

    assertThat(outcomes).doesNotContain(DailyRun.FAILED);
    assertThat(runs() - before).as("daily runs completed on either node").isEqualTo(1);
    assertThat(nodeA.wiring().evidence().runIfDue()).isEqualTo(DailyRun.ALREADY_DONE);
    assertThat(nodeB.wiring().evidence().runIfDue()).isEqualTo(DailyRun.ALREADY_DONE);
    assertThat(nodeB.wiring().leases().lastCompleted(EvidenceScheduler.JOB))
        .contains(nodeB.wiring().evidence().runDate());
    assertThat(unsealed()).as("records left unsealed").isZero();
  }

  @Test
  @Order(2)
  void aSweepExecutedThroughBothNodesAtOnceExecutesOnce() throws Exception {
    String sweepId = approvedSweep(4);
    List<Callable<HttpResponse<String>>> calls =
        List.of(
            () -> nodeA.postJson("retention/sweeps/" + sweepId + "/execute", approver, "{}"),
            () -> nodeB.postJson("retention/sweeps/" + sweepId + "/execute", approver, "{}"));
    List<HttpResponse<String>> answers = all(calls);

    List<HttpResponse<String>> executed =
        answers.stream().filter(r -> r.statusCode() == 200).toList();
    assertThat(executed).as(answers.toString()).hasSize(1);
    assertThat(RunningArchive.json(executed.get(0)).get("status").asText()).isEqualTo("EXECUTED");
    for (HttpResponse<String> r : answers) {
      if (r.statusCode() != 200) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(RunningArchive.json(r).get("code").asText()).isIn("SWEEP_BUSY", "SWEEP_STATE");
      }
    }
    assertThat(certificates(sweepId)).isEqualTo(1);
    assertThat(finishedExecutions(sweepId)).isEqualTo(1);
  }

  @Test
  @Order(3)
  void whenTheLeaseHolderDiesTheOtherNodeTakesItsJobsOverOnceTheLeaseLapses() throws Exception {
    String sweepId = approvedSweep(2);
    clock.advance(Duration.ofDays(1));
    Leases leasesOfA = nodeA.wiring().leases();
    // node A has taken both jobs and dies before finishing either (its leases stay held)
    leasesOfA
        .acquire(SweepExecutor.leaseName(java.util.UUID.fromString(sweepId)), Duration.ofMinutes(1))
        .orElseThrow();
    leasesOfA.acquire(EvidenceScheduler.JOB, Duration.ofMinutes(2)).orElseThrow();
    nodeA.close();
    nodeA = null;

    HttpResponse<String> busy =
        nodeB.postJson("retention/sweeps/" + sweepId + "/execute", approver, "{}");
    assertThat(busy.statusCode()).as(busy.body()).isEqualTo(409);
    assertThat(RunningArchive.json(busy).get("code").asText()).isEqualTo("SWEEP_BUSY");
    assertThat(nodeB.wiring().evidence().runIfDue()).isEqualTo(DailyRun.HELD_ELSEWHERE);

    clock.advance(Duration.ofMinutes(3)); // no renewal came from A
    HttpResponse<String> done =
        nodeB.postJson("retention/sweeps/" + sweepId + "/execute", approver, "{}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(RunningArchive.json(done).get("status").asText()).isEqualTo("EXECUTED");
    assertThat(certificates(sweepId)).isEqualTo(1);
    long before = nodeB.wiring().evidence().completedRuns();
    assertThat(nodeB.wiring().evidence().runIfDue()).isEqualTo(DailyRun.RAN);
    assertThat(nodeB.wiring().evidence().runIfDue()).isEqualTo(DailyRun.ALREADY_DONE);
    assertThat(nodeB.wiring().evidence().completedRuns() - before).isEqualTo(1);
  }

  private String approvedSweep(int records) throws Exception {
    String agency = "D" + System.nanoTime() % 1_000_000;
    fx.agency(agency, "PROV");
    for (int i = 0; i < records; i++) {
      fx.record(agency, null, SweepFixture.DESTROY, "Văn bản hết hạn lưu trữ số " + i);
    }
    clock.advance(Duration.ofSeconds(6)); // node B's agency cache lives 5 s
    HttpResponse<String> planned =
        nodeB.postJson("retention/sweeps", planner, "{\"agencyCode\":\"" + agency + "\"}");
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    JsonNode sweep = RunningArchive.json(planned);
    assertThat(sweep.get("counts").get("items").asInt()).isEqualTo(records);
    String id = sweep.get("id").asText();
    HttpResponse<String> approved =
        nodeB.postJson("retention/sweeps/" + id + "/approve", approver, "{}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    return id;
  }

  private long unsealed() {
    return jdbi()
        .withHandle(
            h ->
                h.select(
                        "SELECT count(*) FROM records r WHERE r.status = 'ACTIVE' AND NOT EXISTS"
                            + " (SELECT 1 FROM record_evidence e WHERE e.record_id = r.id)")
                    .mapTo(Long.class)
                    .one());
  }

  private long runs() {
    return nodeA.wiring().evidence().completedRuns() + nodeB.wiring().evidence().completedRuns();
  }

  private Jdbi jdbi() {
    return nodeB.wiring().jdbi();
  }

  private long certificates(String sweepId) {
    return jdbi()
        .withHandle(
            h ->
                h.select("SELECT count(*) FROM retention_certificates WHERE sweep_id = :id::uuid")
                    .bind("id", sweepId)
                    .mapTo(Long.class)
                    .one());
  }

  private long finishedExecutions(String sweepId) {
    return jdbi()
        .withHandle(
            h ->
                h.select(
                        "SELECT count(*) FROM audit_log WHERE action = 'SWEEP_EXECUTE'"
                            + " AND target_id = :id AND details::jsonb->>'phase' = 'finish'")
                    .bind("id", sweepId)
                    .mapTo(Long.class)
                    .one());
  }

  private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<T> out = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(calls)) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
