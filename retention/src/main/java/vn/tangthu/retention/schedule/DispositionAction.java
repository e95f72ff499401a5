package vn.tangthu.retention.schedule;

/** What happens to a record once its retention period is over. */
public enum DispositionAction {
  /** Bytes destroyed after an approved sweep; metadata kept with status DISPOSED. */
  DESTROY,
  /** Handed over to the historical archive (Circular 05/2025/TT-BNV package), then removed. */
  TRANSFER,
  /** Listed for the appraisal council to decide; never executed automatically. */
  REVIEW
}
