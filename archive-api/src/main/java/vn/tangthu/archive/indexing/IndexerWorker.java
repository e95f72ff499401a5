package vn.tangthu.archive.indexing;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.outbox.ChangeFollower;
import vn.tangthu.archive.outbox.OutboxDao;
import vn.tangthu.archive.outbox.OutboxEvent;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.record.RecordRow;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * Tails the change log in position order and applies it to the local search index: extracts the
 * text of new records (in parallel, through {@link TextStage}), upserts or deletes index documents
 * in log order, makes them searchable, and commits the index with the last applied position, so a
 * restart resumes where the last commit stopped. Transient failures (database or storage down) are
 * retried with back-off; no event is ever skipped.
 *
 * <p>Thread-safe: one worker thread writes; {@link #awaitApplied} may be called from any thread.
 */
public final class IndexerWorker implements ChangeFollower, Managed {

  private static final Logger LOG = LoggerFactory.getLogger(IndexerWorker.class);
  private static final int BATCH = 64;
  private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

  private final Jdbi jdbi;
  private final SearchIndex index;
  private final TextStage text;
  private final IndexDocuments documents;
  private final Clock clock;
  private final ExecutorService extractors;
  private final Object signal = new Object();
  private volatile boolean running;
  private volatile long applied;
  private volatile long readAfter;
  private long committed;
  private Instant lastCommit = Instant.EPOCH;
  private Thread thread;

  public IndexerWorker(
      Jdbi jdbi,
      SearchIndex index,
      TextStage text,
      IndexDocuments documents,
      int threads,
      Clock clock) {
    this.jdbi = jdbi;
    this.index = index;
    this.text = text;
    this.documents = documents;
    this.clock = clock;
    this.extractors =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "extractor");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void start() {
    applied = index.checkpoint();
    if (applied == 0) {
      // An empty index: every document it will hold is read from the database after now, so it
      // reflects every change committed before now.
      readAfter = jdbi.withExtension(OutboxDao.class, OutboxDao::head);
    }
    committed = applied;
    running = true;
    thread = new Thread(this::loop, "indexer-worker");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() throws Exception {
    running = false;
    wake();
    if (thread != null) {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    }
    extractors.shutdownNow();
    if (applied > committed) {
      index.commit(applied);
    }
  }

  /** Wakes the worker after a commit that appended to the log. */
  @Override
  public void wake() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** The last position applied and searchable. */
  public long applied() {
    return applied;
  }

  /**
   * Waits until what the index returns reflects every change up to {@code position}: until it has
   * applied that position, or at once when the index was empty at start and the change committed
   * before (every document it holds was read after it). False on timeout.
   */
  public boolean awaitReflected(long position, Duration timeout) throws InterruptedException {
    return position <= readAfter || awaitApplied(position, timeout);
  }

  /** Waits until {@code position} is searchable; false on timeout. */
  @Override
  public boolean awaitApplied(long position, Duration timeout) throws InterruptedException {
    wake();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (signal) {
      while (applied < position) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(signal, left);
      }
    }
    return true;
  }

  private void loop() {
    Duration backoff = Duration.ofMillis(100);
    while (running) {
      try {
        List<OutboxEvent> events =
            jdbi.withExtension(OutboxDao.class, d -> d.after(applied, BATCH));
        if (events.isEmpty()) {
          commitIfDue(true);
          idle();
        } else {
          apply(events);
          commitIfDue(false);
        }
        backoff = Duration.ofMillis(100);
      } catch (RuntimeException | java.io.IOException e) {
        LOG.warn(
            "Indexing stalled at position {}, retrying in {}: {}", applied, backoff, e.toString());
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                ? Duration.ofSeconds(30)
                : backoff.multipliedBy(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void apply(List<OutboxEvent> events) throws java.io.IOException, InterruptedException {
    List<UUID> ids =
        new ArrayList<>(new LinkedHashSet<>(events.stream().map(OutboxEvent::recordId).toList()));
    Map<UUID, RecordRow> rows = new HashMap<>();
    for (RecordRow r : jdbi.withExtension(RecordDao.class, d -> d.findAll(ids))) {
      rows.put(r.id(), r);
    }
    Map<UUID, List<String>> grantees = new HashMap<>();
    for (RecordDao.Grant g : jdbi.withExtension(RecordDao.class, d -> d.grants(ids))) {
      grantees.computeIfAbsent(g.recordId(), k -> new ArrayList<>()).add(g.username());
    }
    Map<UUID, CompletableFuture<TextStage.Text>> texts = new HashMap<>();
    for (UUID id : ids) {
      RecordRow row = rows.get(id);
      if (row != null && "ACTIVE".equals(row.status())) {
        texts.put(id, CompletableFuture.supplyAsync(() -> text.textOf(row), extractors));
      }
    }
    for (OutboxEvent e : events) {
      CompletableFuture<TextStage.Text> t = texts.get(e.recordId());
      if (t == null) {
        index.delete(e.recordId().toString());
      } else {
        index.upsert(
            documents.of(
                rows.get(e.recordId()), grantees.getOrDefault(e.recordId(), List.of()), join(t)));
      }
    }
    index.refresh();
    synchronized (signal) {
      applied = events.get(events.size() - 1).position();
      signal.notifyAll();
    }
  }

  private static TextStage.Text join(CompletableFuture<TextStage.Text> f)
      throws InterruptedException {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void commitIfDue(boolean idle) throws java.io.IOException {
    Instant now = clock.instant();
    if (applied > committed && (idle || !now.isBefore(lastCommit.plus(COMMIT_EVERY)))) {
      index.commit(applied);
      committed = applied;
      lastCommit = now;
    }
  }

  private void idle() throws InterruptedException {
    synchronized (signal) {
      signal.wait(250);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
