package vn.tangthu.archive.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tangthu.archive.audit.AuditEvents.event;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tangthu.archive.audit.AuditFixture.Trail;
import vn.tangthu.archive.audit.AuditVerification.Problem;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.Role;

/** The trail against real PostgreSQL and a real storage node: chaining, tampering, crashes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIT {

  @TempDir static Path dir;
  private AuditFixture fixture;
  private final Clock clock = Clock.systemUTC();

  @BeforeAll
  void start() throws Exception {
    fixture = new AuditFixture(dir);
  }

  @AfterAll
  void stop() throws Exception {
    fixture.close();
  }

  private AuditLog filled(Trail t, int n) {
    AuditLog log = t.log(clock);
    for (int i = 1; i <= n; i++) {
      log.appendNow(event(i));
    }
    assertThat(log.head().entryId()).isEqualTo(n);
    return log;
  }

  /** Waits for the background anchoring to reach entry {@code id}. */
  private static AnchoredHead awaitAnchor(Trail t, long id) throws InterruptedException {
    long started = System.nanoTime();
    while (t.anchor().read().map(AnchoredHead::entryId).orElse(0L) < id
        && System.nanoTime() - started < 5_000_000_000L) {
      Thread.sleep(10);
    }
    AnchoredHead a = t.anchor().read().orElseThrow();
    assertThat(a.entryId()).isEqualTo(id);
    return a;
  }

  private static AuditEntry entry(Trail t, long id) {
    return t.jdbi().withHandle(h -> AuditRows.find(h, id)).orElseThrow();
  }

  private static void assertBroken(AuditVerification v, long firstBrokenId, Problem problem) {
    assertThat(v.valid()).as("valid").isFalse();
    assertThat(v.firstBrokenId()).as("firstBrokenId").isEqualTo(firstBrokenId);
    assertThat(v.problem()).as("problem").isEqualTo(problem);
  }

  private static AuditEntry rehashed(AuditEntry e, long id, String actor, String prevHash) {
    AuditEntry draft =
        new AuditEntry(
            id,
            e.occurredAt(),
            actor,
            e.rolesText(),
            e.agencyCode(),
            e.action(),
            e.targetType(),
            e.targetId(),
            e.outcome(),
            e.clientAddress(),
            e.detailsJson(),
            prevHash,
            null);
    return new AuditEntry(
        id,
        e.occurredAt(),
        actor,
        e.rolesText(),
        e.agencyCode(),
        e.action(),
        e.targetType(),
        e.targetId(),
        e.outcome(),
        e.clientAddress(),
        e.detailsJson(),
        prevHash,
        AuditChain.hash(draft));
  }

  @Test
  void emptyTrailIsValid() {
    AuditVerification v = fixture.newTrail().log(clock).verify();
    assertThat(v.valid()).isTrue();
    assertThat(v.entries()).isZero();
    assertThat(v.anchoredId()).isNull();
  }

  @Test
  void everyKindOfAppendChainsAndIsAnchored() throws Exception {
    Trail t = fixture.newTrail();
    AuditLog log = t.log(clock);
    AuditEntry first = log.appendEntryNow(event(1));
    AuditEntry second = t.jdbi().inTransaction(h -> log.appendEntry(h, event(2)));
    log.appendRead(event(3));
    log.appendRead(event(4));
    log.flush();

    assertThat(first.id()).isEqualTo(1);
    assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(second.prevHash()).isEqualTo(first.hash());
    awaitAnchor(t, 4);
    AuditVerification v = log.verify();
    assertThat(v.valid()).isTrue();
    assertThat(v.entries()).isEqualTo(4);
    assertThat(v.anchoredId()).isEqualTo(4);
    assertThat(t.anchor().read().orElseThrow().hash()).isEqualTo(entry(t, 4).hash());
    assertThat(log.head().entryId()).isEqualTo(4);
  }

  @Test
  void appendInTheCallersTransactionIsAnchoredJustAfterCommit() throws Exception {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 2);
    AuditEntry e = t.jdbi().inTransaction(h -> log.appendEntry(h, event(3)));
    assertThat(awaitAnchor(t, 3).hash()).isEqualTo(e.hash());
    log.close();
  }

  @Test
  void rolledBackAppendLeavesNoGap() throws Exception {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 2);
    assertThatThrownBy(
            () ->
                t.jdbi()
                    .useTransaction(
                        h -> {
                          log.append(h, event(3));
                          throw new IllegalStateException("the state change failed");
                        }))
        .hasMessageContaining("state change failed");
    assertThat(log.appendEntryNow(event(4)).id()).isEqualTo(3);
    awaitAnchor(t, 3);
    AuditVerification v = log.verify();
    assertThat(v.valid()).isTrue();
    assertThat(v.entries()).isEqualTo(3);
    assertThat(v.anchoredId()).isEqualTo(3);
  }

  @Test
  void appendNeedsTheCallersTransaction() {
    Trail t = fixture.newTrail();
    AuditLog log = t.log(clock);
    t.jdbi()
        .useHandle(
            h ->
                assertThatThrownBy(() -> log.append(h, event(1)))
                    .isInstanceOf(IllegalStateException.class));
  }

  @Test
  void hostileTextSurvivesTheRoundTrip() {
    Trail t = fixture.newTrail();
    AuditLog log = t.log(clock);
    AuditEvent hostile =
        new AuditEvent(
            "bad\u0000name\uD800",
            Set.of(),
            null,
            AuditEvent.AUTH_FAILED,
            "TOKEN",
            "\uDC00 ' \"; DROP TABLE audit_log; --",
            AuditOutcome.DENIED,
            "203.0.113.9",
            Map.of("query", "Quyết định \"số\" 123\\QĐ\n\t\u0001 😀", "empty", ""));
    log.appendNow(hostile);
    assertThat(log.verify().valid()).isTrue();
    AuditEntry stored = log.list(AuditQuery.all(1)).items().get(0);
    assertThat(stored.actor()).isEqualTo("bad\uFFFDname\uFFFD");
    assertThat(stored.details()).containsEntry("query", "Quyết định \"số\" 123\\QĐ\n\t\u0001 😀");
  }

  @Test
  void databaseRefusesPlainChanges() {
    Trail t = fixture.newTrail();
    filled(t, 3);
    for (String sql :
        List.of(
            "UPDATE audit_log SET actor = 'x' WHERE id = 1",
            "DELETE FROM audit_log WHERE id = 3",
            "TRUNCATE audit_log",
            "UPDATE audit_head SET last_id = 1",
            "DELETE FROM audit_head")) {
      assertThatThrownBy(() -> t.jdbi().useHandle(h -> h.execute(sql)))
          .as(sql)
          .hasMessageContaining("audit");
    }
    assertThat(t.log(clock).verify().valid()).isTrue();
  }

  @Test
  void changedFieldIsFound() {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 10);
    t.tamper("UPDATE audit_log SET actor = 'someone-else' WHERE id = 5");
    assertBroken(log.verify(), 5, Problem.ENTRY_CHANGED);
  }

  @Test
  void changedFieldWithItsHashRecomputedIsFound() {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 10);
    AuditEntry e = entry(t, 5);
    AuditEntry forged = rehashed(e, 5, "someone-else", e.prevHash());
    t.tamper(
        "UPDATE audit_log SET actor = 'someone-else', hash = '" + forged.hash() + "' WHERE id = 5");
    assertBroken(log.verify(), 5, Problem.ENTRY_CHANGED);
  }

  @Test
  void changedNewestEntryIsFound() {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 10);
    AuditEntry e = entry(t, 10);
    AuditEntry forged = rehashed(e, 10, "someone-else", e.prevHash());
    t.tamper(
        "UPDATE audit_log SET actor = 'someone-else', hash = '" + forged.hash() + "' WHERE id = 10",
        "UPDATE audit_head SET last_hash = '" + forged.hash() + "'");
    assertBroken(log.verify(), 10, Problem.ANCHOR_MISMATCH);
  }

  @Test
  void forgedEntryInsertedInTheMiddleIsFound() {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 10);
    AuditEntry forged = rehashed(entry(t, 4), 5, "forger", entry(t, 4).hash());
    t.jdbi()
        .useTransaction(
            h -> {
              h.execute("SET LOCAL session_replication_role = replica");
              h.execute("UPDATE audit_log SET id = id + 1000 WHERE id >= 5");
              h.execute("UPDATE audit_log SET id = id - 999 WHERE id >= 1000");
              AuditRows.insert(h, List.of(forged));
              h.execute(
                  "UPDATE audit_head SET last_id = 11,"
                      + " last_hash = (SELECT hash FROM audit_log WHERE id = 11)");
            });
    assertBroken(log.verify(), 5, Problem.ENTRY_INSERTED);
  }

  @Test
  void naiveForgedEntryInsertedInTheMiddleIsFound() {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 10);
    t.tamper(
        "UPDATE audit_log SET id = id + 1000 WHERE id >= 5",
        "UPDATE audit_log SET id = id - 999 WHERE id >= 1000",
        "INSERT INTO audit_log SELECT 5, occurred_at, 'forger', roles, agency_code, action,"
            + " target_type, target_id, outcome, client_address, details, prev_hash, hash"
            + " FROM audit_log WHERE id = 4");
    assertBroken(log.verify(), 5, Problem.CHAIN_BROKEN);
  }

  @Test
  void deletedMiddleEntryIsFound() {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 10);
    t.tamper("DELETE FROM audit_log WHERE id = 5");
    AuditVerification v = log.verify();
    assertBroken(v, 5, Problem.ENTRY_MISSING);
    assertThat(v.entries()).isEqualTo(9);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void deletedNewestEntriesAreFound(int deleted) {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 10);
    t.tamper("DELETE FROM audit_log WHERE id > " + (10 - deleted));
    assertBroken(log.verify(), 10 - deleted + 1, Problem.TRUNCATED);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void deletedNewestEntriesWithTheHeadRewoundAreFoundByTheAnchor(int deleted) {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 10);
    AnchoredHead before = t.anchor().read().orElseThrow();
    int keep = 10 - deleted;
    t.tamper(
        "DELETE FROM audit_log WHERE id > " + keep,
        "UPDATE audit_head SET last_id = "
            + keep
            + ", last_hash = (SELECT hash FROM audit_log WHERE id = "
            + keep
            + ")");
    assertBroken(log.verify(), keep + 1, Problem.TRUNCATED);

    // later appends chain from the rewound head; the anchor must not move onto that new chain
    for (int i = 0; i < deleted + 2; i++) {
      log.appendNow(event(100 + i));
    }
    AuditVerification v = t.log(clock).verify();
    assertBroken(v, 10, Problem.ANCHOR_MISMATCH);
    assertThat(t.anchor().read()).contains(before);
  }

  @Test
  void consistentlyRewrittenHistoryIsFoundByTheAnchor() {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 10);
    List<String> sql = new ArrayList<>();
    String prev = entry(t, 2).hash();
    for (long id = 3; id <= 10; id++) {
      AuditEntry e = entry(t, id);
      AuditEntry forged = rehashed(e, id, id == 3 ? "forger" : e.actor(), prev);
      sql.add(
          "UPDATE audit_log SET actor = '"
              + forged.actor()
              + "', prev_hash = '"
              + prev
              + "', hash = '"
              + forged.hash()
              + "' WHERE id = "
              + id);
      prev = forged.hash();
    }
    sql.add("UPDATE audit_head SET last_hash = '" + prev + "'");
    t.tamper(sql.toArray(String[]::new));
    assertBroken(log.verify(), 10, Problem.ANCHOR_MISMATCH);
  }

  @Test
  void concurrentAppendsFormOneGaplessChain() throws Exception {
    Trail t = fixture.newTrail();
    AuditLog log = t.log(clock);
    log.start();
    int threads = 8;
    int each = 30;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int th = 0; th < threads; th++) {
        int base = th * each;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    AuditEvent e = event(base + i);
                    switch (i % 3) {
                      case 0 -> t.jdbi().useTransaction(h -> log.append(h, e));
                      case 1 -> log.appendNow(e);
                      default -> log.appendRead(e);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    log.flush();
    awaitAnchor(t, threads * each);
    AuditVerification v = log.verify();
    assertThat(v.valid()).isTrue();
    assertThat(v.entries()).isEqualTo(threads * each);
    assertThat(v.anchoredId()).isEqualTo(threads * each);
    boolean gapless =
        t.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(DISTINCT id) = max(id) FROM audit_log")
                        .mapTo(Boolean.class)
                        .one());
    assertThat(gapless).isTrue();
    log.close();
  }

  @Test
  void readsAreWrittenInTheBackgroundWithinAboutASecond() throws Exception {
    Trail t = fixture.newTrail();
    AuditLog log = t.log(clock);
    log.start();
    try {
      for (int i = 0; i < 5; i++) {
        log.appendRead(event(i));
      }
      long started = System.nanoTime();
      while (count(t) < 5 && System.nanoTime() - started < 5_000_000_000L) {
        Thread.sleep(20);
      }
      assertThat(count(t)).isEqualTo(5);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
      AuditVerification v = log.verify();
      assertThat(v.valid()).isTrue();
      assertThat(v.entries()).isEqualTo(5);
      while (t.anchor().read().map(AnchoredHead::entryId).orElse(0L) < 5
          && System.nanoTime() - started < 5_000_000_000L) {
        Thread.sleep(20);
      }
      assertThat(t.anchor().read().orElseThrow().entryId()).isEqualTo(5);
    } finally {
      log.close();
    }
  }

  @Test
  void aFullBatchIsWrittenWithoutWaitingAndCloseWritesTheRest() throws Exception {
    Trail t = fixture.newTrail();
    AuditLog log =
        t.log(clock, new AuditLog.Settings(50, Duration.ofHours(1), 1000, Duration.ofSeconds(1)));
    log.start();
    for (int i = 0; i < 120; i++) {
      log.appendRead(event(i));
    }
    long started = System.nanoTime();
    while (count(t) < 100 && System.nanoTime() - started < 5_000_000_000L) {
      Thread.sleep(20);
    }
    assertThat(count(t)).isGreaterThanOrEqualTo(100);
    log.close();
    assertThat(count(t)).isEqualTo(120);
    assertThat(t.log(clock).verify().valid()).isTrue();
  }

  @Test
  void crashBetweenCommitAndAnchorIsNotABreak() {
    Trail t = fixture.newTrail();
    AuditLog good = filled(t, 5);
    AuditLog crashed = new AuditLog(t.jdbi(), fixture.unwritable(t.anchor()), clock);
    crashed.appendNow(event(6));
    t.jdbi().useTransaction(h -> crashed.append(h, event(7)));
    crashed.appendRead(event(8));
    crashed.close(); // writes the reads and waits for the (failing) anchor attempts
    assertThat(t.anchor().read().orElseThrow().entryId()).isEqualTo(5);

    AuditVerification v = good.verify();
    assertThat(v.valid()).isTrue();
    assertThat(v.entries()).isEqualTo(8);
    assertThat(v.anchoredId()).isEqualTo(5);

    AuditLog restarted = t.log(clock);
    restarted.start();
    try {
      assertThat(t.anchor().read().orElseThrow().entryId()).isEqualTo(8);
      AuditVerification after = restarted.verify();
      assertThat(after.valid()).isTrue();
      assertThat(after.anchoredId()).isEqualTo(8);
    } finally {
      restarted.close();
    }
  }

  @Test
  void crashBeforeTheFirstAnchorIsNotABreak() {
    Trail t = fixture.newTrail();
    AuditLog crashed = new AuditLog(t.jdbi(), fixture.unwritable(t.anchor()), clock);
    crashed.appendNow(event(1));
    crashed.appendNow(event(2));
    crashed.close();
    AuditVerification v = t.log(clock).verify();
    assertThat(v.valid()).isTrue();
    assertThat(v.entries()).isEqualTo(2);
    assertThat(v.anchoredId()).isNull();
  }

  @Test
  void unreadableAnchorIsReported() {
    Trail t = fixture.newTrail();
    AuditLog log = filled(t, 3);
    String key = t.anchor().location().substring(AuditFixture.BUCKET.length() + 1);
    fixture
        .store()
        .put(
            AuditFixture.BUCKET,
            key,
            "{\"version\":1,\"entryId\":\"x\"}".getBytes(StandardCharsets.UTF_8),
            "application/json");
    AuditVerification v = log.verify();
    assertThat(v.valid()).isFalse();
    assertThat(v.problem()).isEqualTo(Problem.ANCHOR_UNREADABLE);
  }

  @Test
  void listFiltersAndPagesNewestFirst() {
    Trail t = fixture.newTrail();
    Instant t0 = Instant.parse("2025-07-01T00:00:00Z");
    for (int i = 1; i <= 30; i++) {
      AuditLog log = t.log(Clock.fixed(t0.plus(Duration.ofMinutes(i)), ZoneOffset.UTC));
      log.appendNow(event(i));
    }
    AuditLog log = t.log(clock);

    AuditPage p1 = log.list(AuditQuery.all(10));
    assertThat(p1.items()).extracting(AuditEntry::id).startsWith(30L, 29L).endsWith(21L);
    assertThat(p1.nextCursor()).isEqualTo("21");
    AuditPage p2 = log.list(new AuditQuery(null, null, null, null, null, 21L, 10));
    AuditPage p3 = log.list(new AuditQuery(null, null, null, null, null, 11L, 10));
    assertThat(p2.items()).extracting(AuditEntry::id).startsWith(20L).endsWith(11L);
    assertThat(p3.items()).extracting(AuditEntry::id).startsWith(10L).endsWith(1L);
    assertThat(p3.nextCursor()).isNull();

    assertThat(log.list(new AuditQuery(null, "user1", null, null, null, null, 100)).items())
        .hasSize(10)
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("user1"));
    assertThat(
            log.list(new AuditQuery(event(7).targetId(), null, null, null, null, null, 100))
                .items())
        .extracting(AuditEntry::id)
        .containsExactly(7L);
    assertThat(
            log.list(
                    new AuditQuery(
                        null,
                        null,
                        null,
                        t0.plus(Duration.ofMinutes(10)),
                        t0.plus(Duration.ofMinutes(20)),
                        null,
                        100))
                .items())
        .extracting(AuditEntry::id)
        .containsExactlyElementsOf(List.of(19L, 18L, 17L, 16L, 15L, 14L, 13L, 12L, 11L, 10L));
    assertThat(
            log.list(new AuditQuery(null, null, AuditEvent.RECORD_READ, null, null, null, 100))
                .items())
        .hasSize(15);
    assertThat(log.list(AuditQuery.all(1)).items().get(0).roles())
        .containsExactly(Role.CLERK.name());
  }

  private static long count(Trail t) {
    return t.jdbi()
        .withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log").mapTo(Long.class).one());
  }
}
