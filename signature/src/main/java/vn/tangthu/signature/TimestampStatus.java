package vn.tangthu.signature;

/** State of the RFC 3161 timestamp attached to a signature (or of a document timestamp itself). */
public enum TimestampStatus {
  NONE,
  VALID,
  INVALID
}
