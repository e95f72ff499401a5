package vn.tangthu.indexer.ocr;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A caller's request to stop reading: once {@link #cancel()} is called, the page being read is
 * abandoned (its engine process killed) and no further page is started. Thread-safe; a cancellation
 * cannot be undone.
 */
public final class Cancellation {

  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** A cancellation nobody will cancel. */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Asks the reading to stop; returns immediately. */
  public void cancel() {
    cancelled.set(true);
  }

  /** Whether {@link #cancel()} was called, or the calling thread is interrupted. */
  public boolean isCancelled() {
    return cancelled.get() || Thread.currentThread().isInterrupted();
  }
}
