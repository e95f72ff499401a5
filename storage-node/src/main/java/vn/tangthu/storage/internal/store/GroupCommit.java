package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Group commit of small writes (leader/follower, no extra thread): a writer queues its {@link
 * JournalRecord}; the first writer to find no fsync in progress becomes the leader, appends every
 * queued record and makes them all durable with one fdatasync of the journal, then wakes the
 * followers whose records it covered. Each writer then materializes its version (plain, unsynced
 * file writes) and reports it with {@link #applied()}. A checkpoint (journal past its size limit, a
 * {@link #fence()}, or close) waits until every journaled record is materialized, makes the file
 * system durable ({@link Checkpointer}) and empties the journal.
 *
 * <p>A failed journal write fails its whole batch and every later commit (fail-stop): the node must
 * be restarted, which replays what the journal holds.
 *
 * <p>Writes that bypass the journal (large objects, deletes, lock changes) call {@link #fence()}
 * first, so a replay after a crash never re-applies a journaled write over a later one.
 *
 * <p>Thread-safe.
 */
final class GroupCommit implements AutoCloseable {

  /** Makes everything written so far in the store durable. */
  interface Checkpointer {
    void syncAll() throws IOException;
  }

  private final Journal journal;
  private final Checkpointer checkpointer;
  private final long checkpointBytes;
  private final Object lock = new Object();
  private List<JournalRecord> queued = new ArrayList<>();
  private long lastQueued;
  private long lastDurable;
  private IOException failure;
  private boolean busy;
  private boolean closed;
  private int unapplied;
  private long batches;
  private long records;
  private long checkpoints;
  private long checkpointNanos;

  GroupCommit(Journal journal, Checkpointer checkpointer, long checkpointBytes) {
    this.journal = journal;
    this.checkpointer = checkpointer;
    this.checkpointBytes = checkpointBytes;
  }

  /**
   * Returns once {@code record} is durable in the journal. The caller must then materialize it and
   * call {@link #applied()} (also when materializing fails).
   */
  void commit(JournalRecord record) throws IOException {
    if (journal.size() >= checkpointBytes) {
      checkpoint(checkpointBytes);
    }
    List<JournalRecord> batch;
    long batchEnd;
    synchronized (lock) {
      if (closed) {
        throw new IOException("storage node is shutting down");
      }
      if (failure != null) {
        throw new IOException("the journal failed earlier; no write is accepted", failure);
      }
      queued.add(record);
      long ticket = ++lastQueued;
      while (true) {
        if (failure != null && lastDurable < ticket) {
          queued.removeIf(r -> r == record);
          throw new IOException("journal write failed", failure);
        }
        if (lastDurable >= ticket) {
          return; // the leader counted this record as unapplied
        }
        if (!busy) {
          break;
        }
        await();
      }
      busy = true;
      batch = queued;
      queued = new ArrayList<>();
      batchEnd = lastQueued;
    }
    IOException error = null;
    try {
      journal.append(batch);
      journal.force();
    } catch (IOException | RuntimeException e) {
      error = e instanceof IOException io ? io : new IOException(e);
    }
    synchronized (lock) {
      busy = false;
      if (error == null) {
        lastDurable = batchEnd;
        batches++;
        records += batch.size();
        unapplied += batch.size();
      } else {
        failure = error;
      }
      lock.notifyAll();
    }
    if (error != null) {
      throw error;
    }
  }

  /** Reports that a committed record is materialized in the store. */
  void applied() {
    synchronized (lock) {
      unapplied--;
      lock.notifyAll();
    }
  }

  /**
   * Returns once no journaled write can be replayed any more (checkpoint if needed). The caller
   * must not hold a committed record it has not yet {@linkplain #applied() applied}.
   */
  void fence() throws IOException {
    checkpoint(1);
  }

  /**
   * Checkpoints unless, once no commit is in progress, the journal holds fewer than {@code
   * minBytes}: writers that all saw a full journal checkpoint it once, not once each.
   */
  private void checkpoint(long minBytes) throws IOException {
    synchronized (lock) {
      while (busy) {
        await();
      }
      if (journal.size() == 0 || journal.size() < minBytes) {
        return;
      }
      busy = true;
    }
    try {
      synchronized (lock) {
        while (unapplied > 0) {
          await();
        }
      }
      long start = System.nanoTime();
      checkpointer.syncAll();
      journal.truncate();
      synchronized (lock) {
        checkpoints++;
        checkpointNanos += System.nanoTime() - start;
      }
    } finally {
      synchronized (lock) {
        busy = false;
        lock.notifyAll();
      }
    }
  }

  /**
   * {@code [journal fsyncs, records they covered, checkpoints, milliseconds spent in checkpoints]}
   * (for metrics and tests).
   */
  long[] stats() {
    synchronized (lock) {
      return new long[] {batches, records, checkpoints, checkpointNanos / 1_000_000};
    }
  }

  private void await() throws InterruptedIOException {
    try {
      lock.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a group commit");
    }
  }

  /** Checkpoints, refuses further commits and closes the journal. */
  @Override
  public void close() throws IOException {
    synchronized (lock) {
      if (closed) {
        return;
      }
    }
    try {
      fence();
    } finally {
      synchronized (lock) {
        closed = true;
      }
      journal.close();
    }
  }
}
