package vn.tangthu.archive.evidence;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.lease.Leases;

/**
 * Seals, once a day (at 01:00 Vietnam time, and at start-up when the last run is older than a day),
 * every record ingested since the last run into RFC 4998 evidence records: a hash tree per {@link
 * EvidenceRecords#MAX_BATCH} records, each root timestamped by the archive's TSA, with the audit
 * trail's head as one more leaf; then renews the evidence whose timestamps are about to expire,
 * when given an {@link EvidenceRenewal}. Thread-safe; runs never overlap.
 *
 * <p>Across API nodes the daily run happens once: every node looks every few minutes whether the
 * run of the current run date (the date of the last 01:00 in Vietnam) is done, and runs it only
 * under the {@value #JOB} lease; each batch commits fenced by that lease, and the run date is
 * recorded as completed with the last write, so a node taking over after the holder died seals only
 * what was left and never runs that day again.
 */
public final class EvidenceScheduler implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceScheduler.class);
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalTime RUN_AT = LocalTime.of(1, 0);
  private static final int CHUNK = EvidenceRecords.MAX_BATCH;
  private static final Duration POLL = Duration.ofMinutes(5);
  private static final Duration LEASE = Duration.ofMinutes(2);

  /** The lease of the daily run. */
  public static final String JOB = "evidence-daily";

  /** What {@link #runIfDue()} did. */
  public enum DailyRun {
    /** This node ran the day's job to completion. */
    RAN,
    /** The day's job was already completed (by any node). */
    ALREADY_DONE,
    /** Another node holds the lease (it is running the job). */
    HELD_ELSEWHERE,
    /** This node started the job and it failed; the next look retries. */
    FAILED
  }

  private final Jdbi jdbi;
  private final EvidenceRecords records;
  private final Supplier<byte[]> auditHead;
  private final Clock clock;
  private final EvidenceRenewal renewal;
  private final Leases leases;
  private final java.util.concurrent.atomic.AtomicLong completedRuns =
      new java.util.concurrent.atomic.AtomicLong();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "evidence");
            t.setDaemon(true);
            return t;
          });

  /**
   * A scheduler whose daily run also renews evidence (see {@link EvidenceRenewal#renewDue}).
   *
   * @param renewal the renewal, or null for none
   * @param leases the job leases shared by the API nodes
   */
  public EvidenceScheduler(
      Jdbi jdbi,
      EvidenceRecords records,
      Supplier<byte[]> auditHead,
      Clock clock,
      EvidenceRenewal renewal,
      Leases leases) {
    this.jdbi = jdbi;
    this.records = records;
    this.auditHead = auditHead;
    this.clock = clock;
    this.renewal = renewal;
    this.leases = java.util.Objects.requireNonNull(leases);
  }

  /** When the next daily run starts. */
  public Instant nextRun() {
    ZonedDateTime now = clock.instant().atZone(VIETNAM);
    ZonedDateTime next = now.with(RUN_AT);
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    return next.toInstant();
  }

  /** The date of the last daily run time (01:00 in Vietnam) at or before now. */
  public LocalDate runDate() {
    ZonedDateTime now = clock.instant().atZone(VIETNAM);
    LocalDate day = now.toLocalDate();
    return now.toLocalTime().isBefore(RUN_AT) ? day.minusDays(1) : day;
  }

  /**
   * Runs the current run date's job (sealing, then renewal) unless any node completed it, and only
   * while holding the {@value #JOB} lease.
   */
  public synchronized DailyRun runIfDue() {
    LocalDate day = runDate();
    if (completed(day)) {
      return DailyRun.ALREADY_DONE;
    }
    Optional<Leases.Held> held = leases.acquire(JOB, LEASE);
    if (held.isEmpty()) {
      return DailyRun.HELD_ELSEWHERE;
    }
    try (Leases.Held lease = held.get()) {
      if (completed(day)) {
        return DailyRun.ALREADY_DONE;
      }
      seal(lease);
      if (renewal != null) {
        renewal.renewDue();
      }
      jdbi.useTransaction(h -> lease.complete(h, day));
      completedRuns.incrementAndGet();
      LOG.info("Daily evidence run of {} completed on {}", day, leases.owner());
      return DailyRun.RAN;
    } catch (EvidenceException | java.io.IOException | RuntimeException e) {
      LOG.warn("Daily evidence run of {} failed; retried in {}: {}", day, POLL, e.toString());
      return DailyRun.FAILED;
    }
  }

  /** How many daily runs this node completed since it started. */
  public long completedRuns() {
    return completedRuns.get();
  }

  private boolean completed(LocalDate day) {
    return leases.lastCompleted(JOB).filter(d -> !d.isBefore(day)).isPresent();
  }

  /**
   * Seals every record without evidence now, on this node, outside the daily job's lease (for
   * maintenance and tests); returns how many were sealed.
   */
  public synchronized int runOnce() throws EvidenceException {
    return seal(null);
  }

  private int seal(Leases.Held lease) throws EvidenceException {
    int sealed = 0;
    UUID after = null;
    List<EvidenceDao.Pending> pending;
    do {
      UUID from = after;
      pending = jdbi.withExtension(EvidenceDao.class, d -> d.pending(from, CHUNK));
      if (pending.isEmpty()) {
        break;
      }
      List<EvidenceItem> items =
          pending.stream().map(p -> new EvidenceItem(p.id().toString(), p.sha256())).toList();
      EvidenceBatch batch = records.seal(items, auditHead.get());
      jdbi.useTransaction(
          h -> {
            if (lease != null) {
              lease.fence(h);
            }
            EvidenceDao dao = h.attach(EvidenceDao.class);
            long id =
                dao.insertBatch(
                    batch.time(), batch.rootHashHex(), items.size(), batch.auditHeadEvidence());
            List<UUID> ids = new ArrayList<>();
            List<byte[]> ders = new ArrayList<>();
            batch
                .evidence()
                .forEach(
                    (record, der) -> {
                      ids.add(UUID.fromString(record));
                      ders.add(der);
                    });
            dao.insertEvidence(ids, id, ders);
          });
      sealed += items.size();
      after = pending.get(pending.size() - 1).id();
    } while (pending.size() == CHUNK);
    if (sealed > 0) {
      LOG.info("Sealed {} records into evidence records", sealed);
    }
    return sealed;
  }

  @Override
  public void start() {
    scheduler.scheduleWithFixedDelay(
        this::runIfDue, 60_000, POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    scheduler.shutdownNow();
  }
}
