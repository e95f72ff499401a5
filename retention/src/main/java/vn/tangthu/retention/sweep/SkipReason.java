package vn.tangthu.retention.sweep;

/** Why an approved item is not executed after all (listed as skipped in the certificate). */
public enum SkipReason {
  /** A legal hold was placed on it since planning. */
  HOLD_PLACED,
  /** A legal hold was placed on another record of its dossier. */
  DOSSIER_HELD,
  /** Its retention was extended (later date, or now permanent) since planning. */
  SCHEDULE_EXTENDED,
  /** It lost its schedule or date since planning. */
  SCHEDULE_CHANGED,
  /** Its disposition action is no longer the one approved. */
  ACTION_CHANGED,
  /** It is no longer ACTIVE. */
  STATUS_CHANGED,
  /** It no longer exists. */
  RECORD_MISSING,
  /** Today (in Vietnam) is before its eligibility date. */
  NOT_YET_ELIGIBLE
}
