package vn.tangthu.archive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * The lease on import jobs against a real PostgreSQL, as two nodes would use it: one node at a time
 * holds a job; a lapsed lease is taken over with a higher fencing token, after which nothing the
 * first node still had in flight commits; a node restarted on its data directory takes its own jobs
 * back at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportLeaseIT {

  private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private EmbeddedPostgres postgres;
  private Jdbi jdbi;
  private long userId;

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
    jdbi.useHandle(
        h -> {
          h.execute(
              "INSERT INTO agencies (code, name, created_at) VALUES ('BN', 'Bắc Ninh', now())");
          h.execute(
              "INSERT INTO users (username, display_name, agency_code, roles, created_at)"
                  + " VALUES ('lease', 'lease', 'BN', '{SUBMITTER}', now())");
        });
    userId = jdbi.withHandle(h -> h.select("SELECT id FROM users").mapTo(Long.class).one());
  }

  @AfterAll
  void stop() throws Exception {
    postgres.close();
  }

  @Test
  void oneNodeHoldsAJobAndAnotherTakesItOverOnlyOnceTheLeaseLapses() {
    UUID job = queued(T0);
    ImportJob a = claim("node-a", T0).orElseThrow();
    assertThat(a.id()).isEqualTo(job);
    assertThat(a.status()).isEqualTo("RUNNING");
    assertThat(claim("node-b", T0.plusSeconds(30))).as("held by A").isEmpty();
    assertThat(renew(a, T0.plusSeconds(20))).isEqualTo(1);
    assertThat(claim("node-b", T0.plusSeconds(70))).as("renewed until +80 s").isEmpty();

    ImportJob b = claim("node-b", T0.plusSeconds(81)).orElseThrow();
    assertThat(b.id()).isEqualTo(job);
    assertThat(b.leaseToken()).isGreaterThan(a.leaseToken());
    assertThat(renew(a, T0.plusSeconds(82))).as("A lost it").isZero();

    ItemResults results = new ItemResults(jdbi, Clock.fixed(T0, ZoneOffset.UTC));
    ItemResults.Lease leaseA = new ItemResults.Lease(job, a.leaseToken());
    ItemResults.Lease leaseB = new ItemResults.Lease(job, b.leaseToken());
    assertThatThrownBy(() -> results.record(leaseA, results.failed(0, "x", "E", "m", null)))
        .isInstanceOf(ItemResults.Fenced.class);
    results.record(leaseB, results.failed(0, "x", "E", "m", null));
    assertThat(done(job)).containsExactly(0);
    assertThat(finish(a, "DONE")).as("A cannot finish it").isZero();
    assertThat(finish(b, "DONE")).isEqualTo(1);
  }

  @Test
  void aRestartedNodeTakesItsOwnJobsBackAtOnceAndAStopGivesThemUp() {
    UUID job = queued(T0.plusSeconds(1000));
    ImportJob first = claim("node-c", T0.plusSeconds(1000)).orElseThrow();
    assertThat(first.id()).isEqualTo(job);
    assertThat(claim("node-d", T0.plusSeconds(1001))).isEmpty();
    int released = jdbi.withExtension(ImportDao.class, d -> d.releaseAll("node-c"));
    assertThat(released).isEqualTo(1);
    ImportJob again = claim("node-c", T0.plusSeconds(1002)).orElseThrow();
    assertThat(again.leaseToken()).isGreaterThan(first.leaseToken());

    Instant from = T0.plusSeconds(1010);
    jdbi.useExtension(ImportDao.class, d -> d.release(job, again.leaseToken(), from));
    assertThat(claim("node-d", T0.plusSeconds(1005))).as("not before its release time").isEmpty();
    assertThat(claim("node-d", T0.plusSeconds(1011)).orElseThrow().id()).isEqualTo(job);
    finish(claimAgainAfterLapse(job), "DONE");
  }

  @Test
  void aCancelWaitsForTheItemInFlightAndThenFencesTheNextOne() throws Exception {
    UUID job = queued(T0.plusSeconds(2000));
    ImportJob held = claim("node-e", T0.plusSeconds(2000)).orElseThrow();
    ItemResults results = new ItemResults(jdbi, Clock.fixed(T0, ZoneOffset.UTC));
    ItemResults.Lease lease = new ItemResults.Lease(job, held.leaseToken());
    CountDownLatch fenced = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<Integer> cancel;
    try {
      cancel =
          jdbi.inTransaction(
              h -> {
                h.attach(ImportDao.class).fence(job).orElseThrow();
                fenced.countDown();
                Future<Integer> f =
                    pool.submit(
                        () ->
                            jdbi.withExtension(
                                ImportDao.class, d -> d.cancel(job, T0.plusSeconds(2001))));
                Thread.sleep(300);
                assertThat(f.isDone()).as("the cancel waits for the item's transaction").isFalse();
                h.attach(ImportDao.class)
                    .insertItem(job, results.failed(0, "in flight", "E", "m", null));
                return f;
              });
      assertThat(cancel.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(done(job)).containsExactly(0);
    assertThatThrownBy(() -> results.record(lease, results.failed(1, "after", "E", "m", null)))
        .isInstanceOf(ItemResults.Fenced.class);
  }

  private ImportJob claimAgainAfterLapse(UUID job) {
    ImportJob j = claim("node-d", T0.plusSeconds(5000)).orElseThrow();
    assertThat(j.id()).isEqualTo(job);
    return j;
  }

  private UUID queued(Instant createdAt) {
    UUID id = UUID.randomUUID();
    ImportJob job =
        new ImportJob(
            id,
            "QUEUED",
            "ZIP",
            "BN",
            "lease",
            userId,
            null,
            createdAt,
            null,
            null,
            "p.zip",
            "derived",
            "imports/" + id + ".pkg",
            10,
            "0".repeat(64),
            "{}",
            3,
            null,
            null,
            null,
            "1".repeat(64),
            null,
            0,
            null);
    int inserted = jdbi.withExtension(ImportDao.class, d -> d.insert(job));
    assertThat(inserted).isEqualTo(1);
    return id;
  }

  private java.util.List<Integer> done(UUID job) {
    return jdbi.withExtension(ImportDao.class, d -> d.doneIndexes(job));
  }

  private Optional<ImportJob> claim(String node, Instant now) {
    return jdbi.withExtension(ImportDao.class, d -> d.claim(node, now, now.plus(LEASE)));
  }

  private int renew(ImportJob j, Instant now) {
    return jdbi.withExtension(
        ImportDao.class, d -> d.renew(j.id(), j.leaseToken(), now.plus(LEASE)));
  }

  private int finish(ImportJob j, String status) {
    return jdbi.withExtension(
        ImportDao.class, d -> d.finish(j.id(), j.leaseToken(), status, null, null, T0));
  }
}
