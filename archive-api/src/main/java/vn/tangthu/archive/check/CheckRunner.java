package vn.tangthu.archive.check;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.evidence.EvidenceOutcome;

/**
 * Runs the queued checks of every node, one at a time on this node, on one low-priority thread:
 * takes the oldest check nobody holds (a lease in PostgreSQL, renewed while it runs), checks its
 * records in id order and commits the results every {@link #COMMIT_EVERY} or {@link #PAGE} records
 * together with the last record checked, so an interrupted check resumes after it. A stopping node
 * gives its lease up at once (the next start, or another node, resumes the check); a dead node's
 * lease expires after {@link #LEASE} and another node takes the check over. After each record the
 * thread rests as long as the record took (up to {@link #MAX_REST}), so a check of small records
 * uses at most about half of one core and of the storage bandwidth it could. Thread-safe.
 */
public final class CheckRunner implements Managed {

  /** Checks one record. */
  @FunctionalInterface
  public interface RecordCheck {
    EvidenceOutcome check(CheckKind kind, UUID recordId);
  }

  static final int PAGE = 100;
  static final Duration COMMIT_EVERY = Duration.ofSeconds(2);
  static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofSeconds(5);
  static final Duration MAX_REST = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);

  private final Jdbi jdbi;
  private final RecordCheck check;
  private final AuditTrail audit;
  private final Clock clock;
  private final String node = "node-" + UUID.randomUUID();
  private final Object signal = new Object();
  private final ScheduledExecutorService leases =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "check-lease");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean running;
  private volatile UUID current;
  private Thread thread;

  public CheckRunner(Jdbi jdbi, RecordCheck check, AuditTrail audit, Clock clock) {
    this.jdbi = jdbi;
    this.check = check;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::loop, "checks");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  /** Finishes the record in hand, commits, gives the lease up and stops. */
  @Override
  public void stop() throws InterruptedException {
    running = false;
    wake();
    if (thread != null) {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    }
    leases.shutdownNow();
  }

  /** Looks for a queued check now rather than at the next poll. */
  public void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** The check this node is running, if any. */
  public Optional<UUID> current() {
    return Optional.ofNullable(current);
  }

  private void loop() {
    while (running) {
      try {
        Instant now = clock.instant();
        Optional<CheckRow> claimed =
            jdbi.withExtension(ChecksDao.class, d -> d.claim(node, now, now.plus(LEASE)));
        if (claimed.isPresent()) {
          run(claimed.get());
        } else {
          idle(POLL);
        }
      } catch (RuntimeException e) {
        LOG.warn("Checks stalled, retrying in {}: {}", POLL, e.toString());
        idle(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void run(CheckRow row) throws InterruptedException {
    current = row.id();
    ScheduledFuture<?> renewal =
        leases.scheduleWithFixedDelay(
            () -> renew(row.id()), LEASE.toSeconds() / 4, LEASE.toSeconds() / 4, TimeUnit.SECONDS);
    try {
      if (row.total() == null) {
        jdbi.useExtension(ChecksDao.class, d -> d.countTotal(row.id()));
      }
      if (row.resumed() > 0 || row.afterId() != null) {
        LOG.info("Resuming check {} after record {}", row.id(), row.afterId());
      }
      if (walk(row)) {
        finish(row);
      }
    } finally {
      renewal.cancel(false);
      current = null;
      if (!running) {
        jdbi.useExtension(ChecksDao.class, d -> d.release(row.id(), node));
      }
    }
  }

  /** Checks the records after the committed one; true when every one was checked. */
  private boolean walk(CheckRow row) throws InterruptedException {
    Tally tally = new Tally(row.afterId());
    Instant lastCommit = clock.instant();
    while (true) {
      UUID after = tally.after;
      List<UUID> ids =
          jdbi.withExtension(ChecksDao.class, d -> d.recordsAfter(row.id(), after, PAGE));
      for (UUID id : ids) {
        if (!running) {
          commit(row, tally);
          return false;
        }
        long started = System.nanoTime();
        tally.add(id, check.check(row.kind(), id));
        rest(Duration.ofNanos(System.nanoTime() - started));
        if (tally.size() >= PAGE
            || Duration.between(lastCommit, clock.instant()).compareTo(COMMIT_EVERY) >= 0) {
          if (!commit(row, tally)) {
            return false;
          }
          lastCommit = clock.instant();
        }
      }
      if (ids.size() < PAGE) {
        return commit(row, tally);
      }
    }
  }

  /** Commits the tally; false when another node holds the check now. */
  private boolean commit(CheckRow row, Tally t) {
    Instant until = clock.instant().plus(LEASE);
    boolean kept =
        jdbi.inTransaction(
            h -> {
              ChecksDao d = h.attach(ChecksDao.class);
              if (!t.failures.isEmpty()) {
                d.addFailures(row.id(), t.failures);
              }
              int n = d.progress(row.id(), node, t.ok, t.failed, t.pending, t.after, until);
              if (n == 0) {
                h.rollback();
              }
              return n == 1;
            });
    if (!kept) {
      LOG.warn("Check {} was taken over by another node; this node stops working on it", row.id());
    }
    t.reset();
    return kept;
  }

  private void finish(CheckRow row) {
    jdbi.useTransaction(
        h -> {
          if (h.attach(ChecksDao.class).finish(row.id(), node, clock.instant()) == 1) {
            CheckRow done = h.attach(ChecksDao.class).find(row.id()).orElseThrow();
            audit.append(h, finished(done));
          }
        });
    LOG.info("Check {} ({}) done", row.id(), row.kind());
  }

  /** The audit entry of a finished check, on behalf of whoever started it. */
  private static AuditEvent finished(CheckRow c) {
    return new AuditEvent(
            c.createdBy(),
            null,
            c.agencyCode(),
            CheckResource.CHECK_FINISH,
            CheckResource.TARGET,
            c.id().toString(),
            AuditOutcome.SUCCESS,
            null,
            java.util.Map.of())
        .withDetail("kind", c.kind())
        .withDetail("recordId", c.recordId())
        .withDetail("ok", c.ok())
        .withDetail("failed", c.failed())
        .withDetail("pending", c.pending());
  }

  private void renew(UUID id) {
    try {
      jdbi.useExtension(ChecksDao.class, d -> d.renew(id, node, clock.instant().plus(LEASE)));
    } catch (RuntimeException e) {
      LOG.warn("Renewing the lease of check {} failed: {}", id, e.toString());
    }
  }

  /** Rests as long as the last record took (at most {@link #MAX_REST}), or until stopped. */
  private void rest(Duration worked) throws InterruptedException {
    Duration pause = worked.compareTo(MAX_REST) > 0 ? MAX_REST : worked;
    if (running && !pause.isZero()) {
      synchronized (signal) {
        TimeUnit.NANOSECONDS.timedWait(signal, pause.toNanos());
      }
    }
  }

  private void idle(Duration d) {
    synchronized (signal) {
      try {
        if (running) {
          signal.wait(d.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  /** Results not committed yet. */
  private static final class Tally {
    UUID after;
    long ok;
    long failed;
    long pending;
    final List<ChecksDao.Failure> failures = new ArrayList<>();

    Tally(UUID after) {
      this.after = after;
    }

    void add(UUID id, EvidenceOutcome o) {
      switch (o.state()) {
        case OK -> ok++;
        case PENDING -> pending++;
        case FAILED -> {
          failed++;
          failures.add(new ChecksDao.Failure(id, o.detail()));
        }
        case SKIPPED -> {
          // disposed of or transferred since the page was read: no longer in scope
        }
      }
      after = id;
    }

    long size() {
      return ok + failed + pending;
    }

    void reset() {
      ok = 0;
      failed = 0;
      pending = 0;
      failures.clear();
    }
  }
}
