package vn.tangthu.archive.imports;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.config.ImportConfig;
import vn.tangthu.intake.ChannelReadException;
import vn.tangthu.intake.IntakeLimits;
import vn.tangthu.intake.IntakeOptions;
import vn.tangthu.intake.PackageException;
import vn.tangthu.intake.PackageReader;

/**
 * Runs import jobs on this node, one at a time, whichever node received them. It claims the oldest
 * runnable job with a lease (see {@link ImportDao#claim}), renews the lease every third of its
 * length while it works, and gives it up when it stops; a node that dies leaves a lease that
 * lapses, and another node (or this one, restarted) takes the job over where its item results stop.
 * At a start, the leases this node's previous run left are given up at once: the data directory it
 * holds proves that run is gone. Finished jobs' packages are removed from S3. Thread-safe.
 */
public final class ImportRunner implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);

  private final Jdbi jdbi;
  private final PackageStore packages;
  private final ItemImport items;
  private final AuditTrail audit;
  private final Clock clock;
  private final ImportConfig config;
  private final String node;
  private final Path tmp;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final Object signal = new Object();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private boolean woken;
  private Thread loop;
  private ExecutorService pool;
  private ScheduledExecutorService heartbeat;

  ImportRunner(
      Jdbi jdbi,
      PackageStore packages,
      ItemImport items,
      AuditTrail audit,
      Clock clock,
      ImportConfig config,
      String node,
      Path tmp,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    this.jdbi = jdbi;
    this.packages = packages;
    this.items = items;
    this.audit = audit;
    this.clock = clock;
    this.config = config;
    this.node = node;
    this.tmp = tmp;
    this.json = json;
  }

  @Override
  public void start() {
    int released = jdbi.withExtension(ImportDao.class, d -> d.releaseAll(node));
    if (released > 0) {
      LOG.info("Resuming {} import job(s) this node was running when it stopped", released);
    }
    pool = Executors.newFixedThreadPool(config.parallelism(), daemon("import-item"));
    heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("import-lease"));
    loop = daemon("import-runner").newThread(this::loop);
    loop.start();
  }

  /** Looks for a job now rather than at the next poll (a job was just created here). */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  @Override
  public void stop() throws InterruptedException {
    stopping.set(true);
    wake();
    if (loop != null) {
      loop.join(STOP_WAIT.toMillis());
      if (loop.isAlive()) {
        loop.interrupt();
        loop.join(STOP_WAIT.toMillis());
      }
    }
    if (pool != null) {
      pool.shutdownNow();
      heartbeat.shutdownNow();
    }
  }

  private void loop() {
    while (!stopping.get()) {
      try {
        removeLeftovers();
        Optional<ImportJob> job = claim();
        if (job.isPresent()) {
          run(job.get());
        } else {
          await(config.pollInterval().toJavaDuration());
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("Import runner: {}; trying again", e.toString());
        try {
          await(config.pollInterval().toJavaDuration());
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  private void await(Duration d) throws InterruptedException {
    synchronized (signal) {
      if (!woken && !stopping.get()) {
        signal.wait(d.toMillis());
      }
      woken = false;
    }
  }

  private Optional<ImportJob> claim() {
    Instant now = clock.instant();
    return jdbi.withExtension(
        ImportDao.class, d -> d.claim(node, now, now.plus(config.lease().toJavaDuration())));
  }

  private void run(ImportJob job) throws InterruptedException {
    ItemResults.Lease lease = new ItemResults.Lease(job.id(), job.leaseToken());
    AtomicBoolean lost = new AtomicBoolean();
    long every = Math.max(1, config.lease().toJavaDuration().toMillis() / 3);
    ScheduledFuture<?> renewal =
        heartbeat.scheduleWithFixedDelay(
            () -> renew(lease, lost), every, every, TimeUnit.MILLISECONDS);
    Duration backoff = null;
    try {
      backoff = runClaimed(job, lease, lost);
    } finally {
      renewal.cancel(false);
    }
    if (backoff != null && !lost.get()) {
      Instant from = clock.instant().plus(backoff);
      jdbi.useExtension(ImportDao.class, d -> d.release(job.id(), job.leaseToken(), from));
    }
  }

  /** Runs the claimed job; returns when to try it again, or null when it is finished. */
  private Duration runClaimed(ImportJob job, ItemResults.Lease lease, AtomicBoolean lost)
      throws InterruptedException {
    Optional<Caller> caller = caller(job);
    if (caller.isEmpty()) {
      finish(
          job,
          ImportJob.FAILED,
          "CREATOR_DISABLED",
          "The user who created the import is disabled.");
      return null;
    }
    long size = job.packageKey() == null ? -1 : packages.size(job.packageKey());
    if (size != job.bytes()) {
      finish(job, ImportJob.FAILED, "PACKAGE_MISSING", "The package is no longer in storage.");
      return null;
    }
    ImportOptions options = ImportOptions.fromJson(json, job.options());
    IntakeOptions intake =
        new IntakeOptions(options.defaults(), IntakeLimits.defaults(), tmp, job.packageName(), true)
            .withBagAlreadyVerified();
    try (SeekableByteChannel channel = packages.open(job.packageKey(), job.bytes());
        PackageReader reader = PackageReader.open(channel, intake)) {
      if (reader.size() != job.total() || !reader.format().name().equals(job.format())) {
        finish(job, ImportJob.FAILED, "PACKAGE_CHANGED", "The package no longer reads the same.");
        return null;
      }
      BitSet done = new BitSet(job.total());
      jdbi.withExtension(ImportDao.class, d -> d.doneIndexes(job.id())).forEach(done::set);
      JobRun pass =
          new JobRun(
              new ItemImport.Job(lease, caller.get()),
              reader,
              items,
              pool,
              config.parallelism(),
              () -> !stopping.get() && !lost.get());
      boolean complete = pass.run(done, job.total());
      if (pass.fenced() || lost.get()) {
        return null;
      }
      if (complete && counts(job).done() == job.total()) {
        finish(job, ImportJob.DONE, null, null);
        return null;
      }
      return stopping.get() ? Duration.ZERO : retryAfter();
    } catch (PackageException e) {
      finish(job, ImportJob.FAILED, e.code().name(), e.getMessage());
      return null;
    } catch (ChannelReadException e) {
      LOG.warn("Import {}: the package cannot be read now: {}", job.id(), e.toString());
      return retryAfter();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Import {} paused: {}", job.id(), e.toString());
      return retryAfter();
    }
  }

  private Duration retryAfter() {
    Duration d = config.pollInterval().toJavaDuration().multipliedBy(6);
    return d.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : d;
  }

  private void renew(ItemResults.Lease lease, AtomicBoolean lost) {
    try {
      Instant until = clock.instant().plus(config.lease().toJavaDuration());
      if (jdbi.withExtension(ImportDao.class, d -> d.renew(lease.jobId(), lease.token(), until))
          == 0) {
        lost.set(true);
      }
    } catch (RuntimeException e) {
      LOG.warn("Import {}: could not renew the lease: {}", lease.jobId(), e.toString());
    }
  }

  private ImportDao.Counts counts(ImportJob job) {
    return jdbi.withExtension(ImportDao.class, d -> d.counts(job.id()));
  }

  /** The job's creator as the job acts for them, or empty when they were disabled or removed. */
  private Optional<Caller> caller(ImportJob job) {
    return jdbi.withExtension(ImportDao.class, d -> d.creator(job.createdById()))
        .filter(c -> c.disabledAt() == null)
        .map(
            c -> {
              EnumSet<Role> roles = EnumSet.noneOf(Role.class);
              Arrays.stream(c.roles()).map(Role::valueOf).forEach(roles::add);
              return new Caller(c.id(), c.username(), c.agencyCode(), roles, job.createdToken());
            });
  }

  private void finish(ImportJob job, String status, String code, String message) {
    ImportDao.Counts c = counts(job);
    boolean finished =
        jdbi.inTransaction(
            h -> {
              if (h.attach(ImportDao.class)
                      .finish(job.id(), job.leaseToken(), status, code, message, clock.instant())
                  == 0) {
                return false;
              }
              audit.append(h, finished(job, status, code, c));
              return true;
            });
    if (finished) {
      LOG.info(
          "Import {} {}: {} imported, {} duplicate, {} failed of {}",
          job.id(),
          status,
          c.imported(),
          c.duplicate(),
          c.failed(),
          job.total());
      removeLeftovers();
    }
  }

  private static AuditEvent finished(
      ImportJob job, String status, String code, ImportDao.Counts c) {
    return new AuditEvent(
        job.createdBy(),
        java.util.Set.of(),
        job.agencyCode(),
        AuditEvent.IMPORT_FINISH,
        "IMPORT",
        job.id().toString(),
        ImportJob.DONE.equals(status) ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
        null,
        java.util.Map.of(
            "status", status,
            "imported", String.valueOf(c.imported()),
            "duplicate", String.valueOf(c.duplicate()),
            "failed", String.valueOf(c.failed()),
            "total", String.valueOf(job.total()),
            "code", code == null ? "" : code));
  }

  /** Removes the packages of finished jobs from S3. */
  private void removeLeftovers() {
    for (ImportDao.Leftover l : jdbi.withExtension(ImportDao.class, d -> d.leftovers(100))) {
      if (packages.remove(l.packageKey())) {
        jdbi.useExtension(ImportDao.class, d -> d.packageRemoved(l.id()));
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
