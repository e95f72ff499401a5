package vn.tangthu.archive.check;

/** Where a check stands. */
public enum CheckStatus {
  /** Accepted, not started by any node yet. */
  QUEUED,
  /**
   * Being run, or interrupted (a stopped or dead node) and waiting to be resumed after the last
   * record whose result was committed.
   */
  RUNNING,
  /** Every record in its scope was checked. */
  DONE
}
