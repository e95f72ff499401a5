package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of small writes: concurrent writers hand their {@link JournalRecord} to one
 * committer thread, which appends every record waiting and makes them durable with a single
 * fdatasync of the journal; then each writer materializes its version (plain, unsynced file writes)
 * and reports it with {@link #applied()}. A checkpoint (journal past its size limit, a {@link
 * #fence()}, or close) waits until every journaled record is materialized, makes the file system
 * durable ({@link Checkpointer}) and empties the journal.
 *
 * <p>Writes that bypass the journal (large objects, deletes, lock changes) call {@link #fence()}
 * first, so a replay after a crash never re-applies a journaled write over a later one.
 *
 * <p>Thread-safe.
 */
final class GroupCommit implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

  /** Makes everything written so far in the store durable. */
  interface Checkpointer {
    void syncAll() throws IOException;
  }

  private sealed interface Request permits Append, Fence {
    CompletableFuture<Void> done();
  }

  private record Append(byte[] payload, CompletableFuture<Void> done) implements Request {}

  private record Fence(CompletableFuture<Void> done) implements Request {}

  private final Journal journal;
  private final Checkpointer checkpointer;
  private final long checkpointBytes;
  private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final Object appliedLock = new Object();
  private final Thread committer;
  private int unapplied;
  private volatile boolean running = true;
  private volatile long batches;
  private volatile long records;
  private volatile long checkpoints;
  private volatile long checkpointNanos;

  GroupCommit(Journal journal, Checkpointer checkpointer, long checkpointBytes) {
    this.journal = journal;
    this.checkpointer = checkpointer;
    this.checkpointBytes = checkpointBytes;
    this.committer = new Thread(this::run, "storage-group-commit");
    committer.setDaemon(true);
    committer.start();
  }

  /**
   * Returns once {@code record} is durable in the journal. The caller must then materialize it and
   * call {@link #applied()} (also when materializing fails).
   */
  void commit(JournalRecord record) throws IOException {
    await(submit(new Append(record.encode(), new CompletableFuture<>())));
  }

  /** Reports that a committed record is materialized in the store. */
  void applied() {
    synchronized (appliedLock) {
      unapplied--;
      appliedLock.notifyAll();
    }
  }

  /** Returns once no journaled write can be replayed any more (checkpoint if needed). */
  void fence() throws IOException {
    if (journal.size() == 0 && queue.isEmpty()) {
      return;
    }
    await(submit(new Fence(new CompletableFuture<>())));
  }

  /**
   * {@code [journal fsyncs, records they covered, checkpoints, milliseconds spent in checkpoints]}
   * (for metrics and tests).
   */
  long[] stats() {
    return new long[] {batches, records, checkpoints, checkpointNanos / 1_000_000};
  }

  private CompletableFuture<Void> submit(Request r) throws IOException {
    if (!running) {
      throw new IOException("storage node is shutting down");
    }
    queue.add(r);
    return r.done();
  }

  private static void await(CompletableFuture<Void> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a commit");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("commit failed", e.getCause());
    }
  }

  private void run() {
    while (running || !queue.isEmpty()) {
      Request first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        continue;
      }
      if (first == null) {
        continue;
      }
      List<Request> batch = new ArrayList<>();
      batch.add(first);
      queue.drainTo(batch);
      List<Append> appends = new ArrayList<>();
      List<Fence> fences = new ArrayList<>();
      for (Request r : batch) {
        if (r instanceof Append a) {
          appends.add(a);
        } else {
          fences.add((Fence) r);
        }
      }
      writeBatch(appends);
      if (!fences.isEmpty() || journal.size() >= checkpointBytes) {
        try {
          checkpoint();
          fences.forEach(f -> f.done().complete(null));
        } catch (IOException | RuntimeException e) {
          LOG.error("checkpoint failed", e);
          fences.forEach(f -> f.done().completeExceptionally(e));
        }
      }
    }
  }

  private void writeBatch(List<Append> appends) {
    if (appends.isEmpty()) {
      return;
    }
    try {
      journal.append(appends.stream().map(Append::payload).toList());
      journal.force();
      batches++;
      records += appends.size();
      synchronized (appliedLock) {
        unapplied += appends.size();
      }
      appends.forEach(a -> a.done().complete(null));
    } catch (IOException | RuntimeException e) {
      LOG.error("journal append failed", e);
      appends.forEach(a -> a.done().completeExceptionally(e));
    }
  }

  private void checkpoint() throws IOException {
    synchronized (appliedLock) {
      while (unapplied > 0) {
        try {
          appliedLock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted during a checkpoint");
        }
      }
    }
    if (journal.size() == 0) {
      return;
    }
    long start = System.nanoTime();
    checkpointer.syncAll();
    journal.truncate();
    checkpoints++;
    checkpointNanos += System.nanoTime() - start;
  }

  /** Commits what is queued, checkpoints, stops the committer and closes the journal. */
  @Override
  public void close() throws IOException {
    if (!running) {
      return;
    }
    CompletableFuture<Void> last = submit(new Fence(new CompletableFuture<>()));
    running = false;
    try {
      await(last);
    } finally {
      try {
        committer.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      journal.close();
    }
  }
}
