package vn.tangthu.archive.outbox;

import java.time.Duration;

/**
 * What a writer of the change log may ask of whoever follows it (the search index): to look now,
 * and to say when a position has been applied. Lets the features that append to the log stay
 * ignorant of how the log is read.
 *
 * <p>Implementations are thread-safe.
 */
public interface ChangeFollower {

  /** Asks the follower to read the log now, after a commit that appended to it. Never blocks. */
  void wake();

  /**
   * Waits until the change at {@code position} has been applied (is searchable).
   *
   * @return false when {@code timeout} passed first
   * @throws InterruptedException when the waiting thread is interrupted
   */
  boolean awaitApplied(long position, Duration timeout) throws InterruptedException;
}
