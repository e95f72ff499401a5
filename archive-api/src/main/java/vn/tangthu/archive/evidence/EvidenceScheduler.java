package vn.tangthu.archive.evidence;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals, once a day (at 01:00 Vietnam time, and at start-up when the last run is older than a day),
 * every record ingested since the last run into RFC 4998 evidence records: a hash tree per {@link
 * EvidenceRecords#MAX_BATCH} records, each root timestamped by the archive's TSA, with the audit
 * trail's head as one more leaf; then renews the evidence whose timestamps are about to expire,
 * when given an {@link EvidenceRenewal}. Thread-safe; runs never overlap.
 */
public final class EvidenceScheduler implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceScheduler.class);
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalTime RUN_AT = LocalTime.of(1, 0);
  private static final int CHUNK = EvidenceRecords.MAX_BATCH;

  private final Jdbi jdbi;
  private final EvidenceRecords records;
  private final Supplier<byte[]> auditHead;
  private final Clock clock;
  private final EvidenceRenewal renewal;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "evidence");
            t.setDaemon(true);
            return t;
          });

  public EvidenceScheduler(
      Jdbi jdbi, EvidenceRecords records, Supplier<byte[]> auditHead, Clock clock) {
    this(jdbi, records, auditHead, clock, null);
  }

  /**
   * A scheduler whose daily run also renews evidence (see {@link EvidenceRenewal#renewDue}).
   *
   * @param renewal the renewal, or null for none
   */
  public EvidenceScheduler(
      Jdbi jdbi,
      EvidenceRecords records,
      Supplier<byte[]> auditHead,
      Clock clock,
      EvidenceRenewal renewal) {
    this.jdbi = jdbi;
    this.records = records;
    this.auditHead = auditHead;
    this.clock = clock;
    this.renewal = renewal;
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

  /** Seals every record without evidence; returns how many were sealed. */
  public synchronized int runOnce() throws EvidenceException {
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
    Instant last =
        jdbi.withExtension(EvidenceDao.class, EvidenceDao::lastRun).orElse(Instant.EPOCH);
    if (last.isBefore(clock.instant().minus(Duration.ofDays(1)))) {
      scheduler.schedule(this::safeRun, 1, TimeUnit.MINUTES);
    }
    scheduleNext();
  }

  private void scheduleNext() {
    long delay = Math.max(1, Duration.between(clock.instant(), nextRun()).toMillis());
    scheduler.schedule(
        () -> {
          safeRun();
          scheduleNext();
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  private void safeRun() {
    try {
      runOnce();
    } catch (EvidenceException | RuntimeException e) {
      LOG.warn("Evidence run failed; the next run retries: {}", e.toString());
    }
    if (renewal != null) {
      try {
        renewal.renewDue();
      } catch (java.io.IOException | RuntimeException e) {
        LOG.warn("Evidence renewal failed; the next run retries: {}", e.toString());
      }
    }
  }

  @Override
  public void stop() {
    scheduler.shutdownNow();
  }
}
