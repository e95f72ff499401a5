package vn.tangthu.archive.retention;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.lease.Leases;
import vn.tangthu.archive.storage.ObjectLocks;
import vn.tangthu.archive.storage.StorageException;
import vn.tangthu.retention.schedule.StorageProtection;

/**
 * Keeps the S3 Object Lock of each record's original in line with its retention, after the database
 * committed it: a COMPLIANCE retain-until at {@code eligibleOn} 00:00 Vietnam time while that is in
 * the future (only ever extended), and a legal hold while the record is permanent or held. What was
 * applied is written back to {@code records.retain_until/legal_hold}; a repair pass (at start-up,
 * then periodically, or when woken) re-applies whatever lags behind, so a crash between a commit
 * and its lock leaves a record unprotected only until the next pass. On a backend without Object
 * Lock it does nothing (the {@code retention-lock} health check reports it). Thread-safe.
 *
 * <p>With {@link Leases}, the background repair pass runs on one API node at a time (the {@value
 * #JOB} lease; each step is safe to repeat, so a pass cut short is simply done again by the next).
 */
public final class LockKeeper implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(LockKeeper.class);
  private static final int REPAIR_BATCH = 500;

  private final Jdbi jdbi;
  private final ObjectLocks locks;
  private final String bucket;
  private final Clock clock;
  private final Duration interval;
  private final Optional<String> problem;
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile Leases leases;

  /** The lease of the background repair pass. */
  public static final String JOB = "retention-lock-repair";

  private ScheduledExecutorService executor;

  /**
   * @param problem why the backend cannot lock (detected at start-up), or empty when it can
   * @param interval time between two repair passes
   */
  public LockKeeper(
      Jdbi jdbi,
      ObjectLocks locks,
      String bucket,
      Clock clock,
      Duration interval,
      Optional<String> problem) {
    this.jdbi = jdbi;
    this.locks = locks;
    this.bucket = bucket;
    this.clock = clock;
    this.interval = interval;
    this.problem = problem;
  }

  /** Runs the background repair passes under the {@value #JOB} lease of {@code leases}. */
  public void shareWith(Leases leases) {
    this.leases = leases;
  }

  /** Why storage cannot enforce retention, or empty when it can. */
  public Optional<String> problem() {
    return problem;
  }

  /** Applies the protection due to {@code ids} and their attachments now. Never throws. */
  public void protect(Collection<UUID> ids) {
    protect(ids, false);
  }

  /**
   * Applies the protection due to {@code ids} and their attachments now. Never throws.
   *
   * @param forceHold set the legal hold state in storage even where the database says it is already
   *     applied (after a release, to be sure it is off)
   */
  public void protect(Collection<UUID> ids, boolean forceHold) {
    if (problem.isPresent() || ids.isEmpty()) {
      return;
    }
    if (ids.size() > RetentionRecompute.MAX_IDS) {
      wake();
      return;
    }
    try {
      List<RetentionDao.LockRow> rows =
          jdbi.withExtension(RetentionDao.class, d -> d.locksOf(ids.toArray(UUID[]::new)));
      for (RetentionDao.LockRow row : rows) {
        apply(row, forceHold);
      }
    } catch (RuntimeException e) {
      LOG.warn("Applying storage locks failed; the repair pass will retry: {}", e.toString());
      wake();
    }
  }

  /** Runs a repair pass soon, in the background. */
  public void wake() {
    ScheduledExecutorService e = executor;
    if (e != null && pending.compareAndSet(false, true)) {
      e.execute(this::repairQuietly);
    }
  }

  /**
   * Re-applies every lock that lags behind its record's retention.
   *
   * @return how many records were brought in line
   */
  public int repair() {
    if (problem.isPresent()) {
      return 0;
    }
    int fixed = 0;
    UUID after = RetentionDao.START;
    Instant now = clock.instant();
    while (true) {
      UUID from = after;
      List<RetentionDao.LockRow> rows =
          jdbi.withExtension(RetentionDao.class, d -> d.lagging(now, from, REPAIR_BATCH));
      for (RetentionDao.LockRow row : rows) {
        try {
          apply(row, false);
          fixed++;
        } catch (StorageException e) {
          LOG.warn("Lock of record {} not applied: {}", row.id(), e.getMessage());
        }
      }
      if (rows.size() < REPAIR_BATCH) {
        return fixed;
      }
      after = rows.get(rows.size() - 1).id();
    }
  }

  private void repairQuietly() {
    pending.set(false);
    try {
      Leases shared = leases;
      int n;
      if (shared == null) {
        n = repair();
      } else {
        int[] fixed = {0};
        shared.runAlone(JOB, Duration.ofMinutes(5), lease -> fixed[0] = repair());
        n = fixed[0];
      }
      if (n > 0) {
        LOG.info("Storage locks brought in line for {} record(s)", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("Storage lock repair pass failed: {}", e.toString());
    }
  }

  private void apply(RetentionDao.LockRow row, boolean forceHold) {
    StorageProtection due = StorageProtection.of(row.values().eligibility(), row.held(), clock);
    Instant applied = row.retainUntil();
    Instant until = applied;
    if (due.retainUntil().isPresent()
        && (applied == null || applied.isBefore(due.retainUntil().get()))) {
      until = due.retainUntil().get();
      locks.retainUntil(bucket, row.objectKey(), row.objectVersion(), until);
    }
    if (forceHold || due.legalHold() != row.legalHold()) {
      locks.legalHold(bucket, row.objectKey(), row.objectVersion(), due.legalHold());
    }
    if (Objects.equals(until, applied) && due.legalHold() == row.legalHold()) {
      return;
    }
    Instant finalUntil = until;
    jdbi.useExtension(RetentionDao.class, d -> d.setApplied(row.id(), finalUntil, due.legalHold()));
  }

  @Override
  public void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "retention-locks");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::repairQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() throws InterruptedException {
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
