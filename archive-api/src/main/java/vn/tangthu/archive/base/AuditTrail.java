package vn.tangthu.archive.base;

import org.jdbi.v3.core.Handle;

/**
 * Where every feature writes what it did: the append side of the archive's hash-chained audit
 * trail, so that the features depend on this vocabulary and never on the trail's storage, anchoring
 * or verification (the {@code audit} package implements it).
 *
 * <p>Implementations are thread-safe.
 */
public interface AuditTrail {

  /**
   * Appends {@code event} inside the caller's transaction, as its last step: the entry commits or
   * rolls back with the change it describes.
   *
   * @throws IllegalStateException when {@code h} is not in a transaction
   */
  void append(Handle h, AuditEvent event);

  /** Appends {@code event} in a transaction of its own and returns once it is committed. */
  void appendNow(AuditEvent event);

  /**
   * Queues a read (a download, a search, a listing) to be written with the next batch, within about
   * a second; a crash can lose the reads of that last second, never a change.
   *
   * @throws IllegalStateException when the trail cannot keep up and the read is refused
   */
  void appendRead(AuditEvent event);
}
