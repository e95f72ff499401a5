package vn.tangthu.archive.check;

/** What a check verifies. */
public enum CheckKind {
  /** Each original is read back whole and its SHA-256 compared with the one recorded at ingest. */
  FIXITY,
  /**
   * Each record is verified against its RFC 4998 evidence record (its bytes re-read as for {@link
   * #FIXITY}); a record not sealed yet counts as pending.
   */
  EVIDENCE
}
