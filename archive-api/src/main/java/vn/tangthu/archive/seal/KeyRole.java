package vn.tangthu.archive.seal;

/** What an archive key is used for. */
public enum KeyRole {
  /** Signs receipts and other statements of the archive. */
  ARCHIVE,
  /** Signs RFC 3161 timestamp tokens (its certificate has the critical timeStamping purpose). */
  TIMESTAMP_AUTHORITY
}
