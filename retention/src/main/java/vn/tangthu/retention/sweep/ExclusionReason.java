package vn.tangthu.retention.sweep;

/** Why a candidate record is not taken into a sweep. */
public enum ExclusionReason {
  /** Its eligibility date is after the sweep's date. */
  NOT_YET_ELIGIBLE,
  /** Kept permanently. */
  PERMANENT,
  /** No schedule or no date: kept and reported. */
  UNSCHEDULED,
  /** A legal hold covers it. */
  HELD,
  /** Another record of its dossier is held: the dossier stays whole. */
  DOSSIER_HELD,
  /** Already disposed of or transferred. */
  NOT_ACTIVE
}
