package vn.tangthu.archive.base;

/** How an audited attempt ended. */
public enum AuditOutcome {
  /** The action was done. */
  SUCCESS,
  /** The caller was not allowed (401, 403, or a 404 that hides a record). */
  DENIED,
  /** The action was attempted and failed (bad input, conflict, server error). */
  FAILED
}
