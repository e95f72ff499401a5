package vn.tangthu.archive.audit;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.json.CanonicalJson;

/**
 * The tamper-evident audit trail: an append-only, hash-chained table ({@link AuditChain}) whose
 * head is anchored outside PostgreSQL ({@link AuditAnchor}). Thread-safe.
 *
 * <p><b>Writes.</b> {@link #append(Handle, AuditEvent)} runs inside the caller's transaction, so a
 * state change and its audit entry commit together or not at all. It takes the single row lock of
 * {@code audit_head} and holds it until commit: call it as the <em>last</em> statement of the
 * transaction (after {@code OutboxDao.append}, whose lock must be taken first), so that entries are
 * numbered 1, 2, 3, … without gaps in commit order. {@link #appendNow} does the same in a
 * transaction of its own.
 *
 * <p><b>Reads.</b> {@link #appendRead} only queues the entry (with the time it happened); a
 * background thread writes the queue in one transaction every {@link Settings#flushInterval} or as
 * soon as {@link Settings#readBatch} entries wait. A crash loses at most the reads queued since the
 * last flush (about one second of reads); never a write. When the queue is full (the database is
 * down) the reader waits up to {@link Settings#queueWait} and then gets an {@link
 * IllegalStateException}: reads are not served unaudited.
 *
 * <p><b>Anchoring.</b> After every committed append (batch), a background thread writes the head to
 * the anchor, within milliseconds; appends that commit while a write is in flight share the next
 * one, so appenders never wait for S3 ({@link #head()} anchors synchronously). The anchor only
 * moves if the entries after the anchored one chain from it, so a rewound or rewritten trail can
 * never be blessed by the next append. The append commits first and the anchor is written second; a
 * crash in between leaves the anchor behind the trail, which {@link #verify} accepts because the
 * newer entries chain from the anchored one, and {@link #start} (or the next append) moves the
 * anchor up. A trail shorter than the anchor, or whose anchored entry has another hash, is broken.
 * A failed anchor write never fails the append: it is logged and retried by the next one. Several
 * API nodes may share one trail; their anchor writes may then briefly go back to an older (still
 * genuine) head.
 *
 * <p><b>Limits.</b> The chain is not keyed: someone who can write to the database can append forged
 * entries after the newest one (and move {@code audit_head}); the anchor proves only that nothing
 * up to the anchored entry was changed or removed. The daily RFC 3161 timestamp of {@link #head()}
 * makes the anchor itself provable.
 */
public final class AuditLog implements AuditTrail, Managed, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  static final int WALK_PAGE = 1000;

  /**
   * How reads are batched.
   *
   * @param readBatch flush as soon as this many reads wait
   * @param flushInterval flush at least this often
   * @param queueCapacity at most this many reads wait in memory
   * @param queueWait how long a reader waits for room in a full queue before failing
   */
  public record Settings(
      int readBatch, Duration flushInterval, int queueCapacity, Duration queueWait) {
    public Settings {
      if (readBatch < 1 || queueCapacity < readBatch) {
        throw new IllegalArgumentException("need 1 <= readBatch <= queueCapacity");
      }
      if (flushInterval.isNegative() || flushInterval.isZero()) {
        throw new IllegalArgumentException("flushInterval must be positive");
      }
      if (queueWait.isNegative()) {
        throw new IllegalArgumentException("queueWait must not be negative");
      }
    }

    public static Settings defaults() {
      return new Settings(200, Duration.ofSeconds(1), 20_000, Duration.ofSeconds(10));
    }
  }

  private record Pending(AuditEvent event, Instant at) {}

  private final Jdbi jdbi;
  private final AuditAnchor anchor;
  private final Clock clock;
  private final Settings settings;
  private final LinkedBlockingQueue<Pending> reads;
  private final Object flushLock = new Object();
  private final List<Pending> retry = new ArrayList<>(); // guarded by flushLock
  private final Object anchorLock = new Object();
  private AnchoredHead anchored; // guarded by anchorLock; null = not read yet
  private final ExecutorService anchorer;
  private final AtomicLong anchorWanted = new AtomicLong();
  private final AtomicBoolean anchorScheduled = new AtomicBoolean();
  private volatile Thread flusher;
  private volatile boolean closed;

  public AuditLog(Jdbi jdbi, AuditAnchor anchor, Clock clock) {
    this(jdbi, anchor, clock, Settings.defaults());
  }

  public AuditLog(Jdbi jdbi, AuditAnchor anchor, Clock clock, Settings settings) {
    this.jdbi = jdbi;
    this.anchor = anchor;
    this.clock = clock;
    this.settings = settings;
    this.reads = new LinkedBlockingQueue<>(settings.queueCapacity());
    this.anchorer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "audit-anchor");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Appends {@code event} inside the caller's transaction, as its last step; the anchor follows
   * after commit. Returns the entry it will be once committed.
   *
   * @throws IllegalStateException when {@code h} is not in a transaction
   */
  public AuditEntry appendEntry(Handle h, AuditEvent event) {
    if (!h.isInTransaction()) {
      throw new IllegalStateException("append(Handle, …) needs the caller's open transaction");
    }
    AuditEntry entry = write(h, List.of(new Pending(event, now()))).get(0);
    h.afterCommit(() -> anchorLater(entry.id()));
    return entry;
  }

  /** Appends {@code event} in a transaction of its own; returns the committed entry. */
  public AuditEntry appendEntryNow(AuditEvent event) {
    Pending p = new Pending(event, now());
    AuditEntry entry = jdbi.inTransaction(h -> write(h, List.of(p)).get(0));
    anchorLater(entry.id());
    return entry;
  }

  @Override
  public void append(Handle h, AuditEvent event) {
    appendEntry(h, event);
  }

  @Override
  public void appendNow(AuditEvent event) {
    appendEntryNow(event);
  }

  /**
   * Queues a read event for the next batch (see the class comment for what a crash can lose).
   * Before {@link #start()} nothing writes the queue but {@link #flush()} and {@link #close()};
   * after {@link #close()} each read is written at once.
   *
   * @throws IllegalStateException when the queue stayed full for {@link Settings#queueWait}
   */
  @Override
  public void appendRead(AuditEvent event) {
    Pending p = new Pending(event, now());
    if (closed) {
      AuditEntry entry = jdbi.inTransaction(h -> write(h, List.of(p)).get(0));
      anchorLater(entry.id());
      return;
    }
    try {
      if (!reads.offer(p, settings.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("The audit trail cannot keep up; read refused");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while queueing an audit entry", e);
    }
    Thread t = flusher;
    if (t != null && reads.size() >= settings.readBatch()) {
      LockSupport.unpark(t);
    }
  }

  /**
   * Writes every queued read now and asks for the new head to be anchored. Throws if the database
   * fails (the reads stay queued).
   */
  public void flush() {
    long last = 0;
    synchronized (flushLock) {
      while (true) {
        if (retry.isEmpty()) {
          reads.drainTo(retry, settings.readBatch());
        }
        if (retry.isEmpty()) {
          break;
        }
        List<AuditEntry> written = jdbi.inTransaction(h -> write(h, retry));
        retry.clear();
        last = written.get(written.size() - 1).id();
      }
    }
    if (last > 0) {
      anchorLater(last);
    }
  }

  /**
   * Moves the anchor up to the committed head if the entries after the anchored one chain from it,
   * and returns the anchored head: what the daily RFC 3161 evidence record timestamps.
   *
   * @throws vn.tangthu.archive.storage.StorageException when the anchor cannot be read or written
   */
  public AnchoredHead head() {
    synchronized (anchorLock) {
      if (anchored == null) {
        anchored = anchor.read().orElse(AnchoredHead.NONE);
      }
      AnchoredHead from = anchored;
      ChainWalker walk = jdbi.withHandle(h -> extend(h, from));
      if (walk.broken() != null) {
        LOG.error(
            "The audit trail does not extend the anchored head (entry {}): {} at entry {}; the"
                + " anchor stays at the last entry that chains",
            from.entryId(),
            walk.broken().problem(),
            walk.broken().id());
      }
      AuditEntry last = walk.last();
      if (last != null && last.id() > from.entryId()) {
        AnchoredHead next = AnchoredHead.of(last, clock.instant());
        anchor.write(next);
        anchored = next;
      }
      return anchored;
    }
  }

  /** Checks the whole trail against itself, the database head and the anchor. */
  public AuditVerification verify() {
    return verify(null);
  }

  /**
   * Checks the whole trail (it is one chain) and answers as an auditor of {@code agencies} may see
   * it: {@code valid}, {@code entries} counting only their entries, and {@code firstBrokenId} with
   * its {@code problem} only when that entry is one of theirs; nothing about the anchor.
   *
   * @param agencies the agencies whose entries the caller sees; null for every entry (the full
   *     answer of {@link #verify()})
   */
  public AuditVerification verify(Set<String> agencies) {
    flush();
    AnchoredHead a;
    boolean unreadable = false;
    try {
      a = anchor.read().orElse(AnchoredHead.NONE);
    } catch (AuditAnchor.AnchorUnreadableException e) {
      LOG.error("Audit anchor unreadable: {}", e.getMessage());
      a = AnchoredHead.NONE;
      unreadable = true;
    }
    // the anchor is read before the snapshot, so the snapshot holds every entry it names
    AnchoredHead at = a;
    boolean badAnchor = unreadable;
    return jdbi.inTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        h -> new TrailVerifier(at, badAnchor, agencies).run(h));
  }

  /** A page of entries, newest first. */
  public AuditPage list(AuditQuery query) {
    return list(query, null);
  }

  /**
   * A page of the entries of {@code agencies} (by the entry's {@code agencyCode}; entries without
   * one are in no agency's page), newest first.
   *
   * @param agencies null for every entry
   */
  public AuditPage list(AuditQuery query, Set<String> agencies) {
    List<AuditEntry> rows = jdbi.withHandle(h -> AuditRows.page(h, query, agencies));
    if (rows.size() <= query.size()) {
      return new AuditPage(rows, null);
    }
    List<AuditEntry> page = rows.subList(0, query.size());
    return new AuditPage(page, Long.toString(page.get(page.size() - 1).id()));
  }

  /**
   * Re-reads the anchor, moves it up to the committed head if that chains from it (after a crash
   * between a commit and its anchor write; the walk covers only the entries since the anchor), and
   * starts the read flusher. Not restartable after {@link #close()}.
   */
  @Override
  public void start() {
    synchronized (anchorLock) {
      anchored = null;
    }
    anchorQuietly(Long.MAX_VALUE);
    Thread t = new Thread(this::flushLoop, "audit-flusher");
    t.setDaemon(true);
    flusher = t;
    t.start();
  }

  /** Same as {@link #close()}. */
  @Override
  public void stop() {
    close();
  }

  /** Stops the flusher and writes what is queued; later reads are written one by one. */
  @Override
  public void close() {
    closed = true;
    Thread t = flusher;
    flusher = null;
    if (t != null) {
      LockSupport.unpark(t);
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.error("Queued audit reads could not be written at shutdown ({} lost)", pending(), e);
    }
    anchorer.shutdown();
    try {
      anchorer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int pending() {
    synchronized (flushLock) {
      return reads.size() + retry.size();
    }
  }

  private void flushLoop() {
    long interval = settings.flushInterval().toNanos();
    while (!closed) {
      LockSupport.parkNanos(this, interval);
      if (closed) {
        return;
      }
      try {
        flush();
      } catch (RuntimeException e) {
        LOG.warn("Audit reads not written yet, retrying: {}", e.toString());
      }
    }
  }

  /**
   * Asks the anchoring thread to anchor at least entry {@code id}. Requests made while an anchor
   * write is in flight are served together by the next one; the appender never waits for S3 (nor,
   * after its own commit, takes a second pooled connection while still holding its first).
   */
  private void anchorLater(long id) {
    anchorWanted.accumulateAndGet(id, Math::max);
    if (!anchorScheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      anchorer.execute(
          () -> {
            anchorScheduled.set(false);
            anchorQuietly(anchorWanted.get());
          });
    } catch (RejectedExecutionException e) {
      anchorScheduled.set(false);
      LOG.warn("Audit entry {} committed after close; the next start anchors it", id);
    }
  }

  /**
   * Anchors unless a newer anchor already covers entry {@code id}: appends that commit while an
   * anchor write is in flight share the next write.
   */
  private void anchorQuietly(long id) {
    try {
      synchronized (anchorLock) {
        if (anchored == null || anchored.entryId() < id) {
          head();
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Audit head not anchored yet (the next append retries): {}", e.toString());
    }
  }

  private Instant now() {
    return AuditChain.truncate(clock.instant());
  }

  private static List<AuditEntry> write(Handle h, List<Pending> batch) {
    AuditRows.Head head = AuditRows.lockHead(h);
    long id = head.lastId();
    String prev = head.lastHash();
    List<AuditEntry> entries = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      AuditEvent e = p.event();
      AuditEntry draft =
          new AuditEntry(
              ++id,
              p.at(),
              e.actor(),
              e.rolesText(),
              e.agencyCode(),
              e.action(),
              e.targetType(),
              e.targetId(),
              e.outcome().name(),
              e.clientAddress(),
              CanonicalJson.write(e.details()),
              prev,
              null);
      prev = AuditChain.hash(draft);
      entries.add(withHash(draft, prev));
    }
    AuditRows.insert(h, entries);
    AuditRows.moveHead(h, entries.get(entries.size() - 1));
    return entries;
  }

  private static AuditEntry withHash(AuditEntry e, String hash) {
    return new AuditEntry(
        e.id(),
        e.occurredAt(),
        e.actor(),
        e.rolesText(),
        e.agencyCode(),
        e.action(),
        e.targetType(),
        e.targetId(),
        e.outcome(),
        e.clientAddress(),
        e.detailsJson(),
        e.prevHash(),
        hash);
  }

  /** Walks from the anchored entry to the committed head. */
  private static ChainWalker extend(Handle h, AnchoredHead from) {
    ChainWalker walk = new ChainWalker(from.entryId() + 1, from.hash());
    if (from.entryId() > 0) {
      Optional<AuditEntry> anchoredEntry = AuditRows.find(h, from.entryId());
      if (anchoredEntry.isEmpty() || !anchoredEntry.get().hash().equals(from.hash())) {
        LOG.error("The anchored audit entry {} is missing or changed", from.entryId());
        return walk;
      }
    }
    long after = from.entryId();
    while (true) {
      List<AuditEntry> rows = AuditRows.after(h, after, WALK_PAGE);
      for (AuditEntry e : rows) {
        if (!walk.accept(e)) {
          return walk;
        }
        after = e.id();
      }
      if (rows.size() < WALK_PAGE) {
        return walk;
      }
    }
  }
}
