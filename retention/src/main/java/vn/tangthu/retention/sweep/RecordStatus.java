package vn.tangthu.retention.sweep;

/** A record's life-cycle status, as in the HTTP contract. */
public enum RecordStatus {
  ACTIVE,
  DISPOSED,
  TRANSFERRED
}
