package vn.tangthu.archive.retention;

/** Audit actions and target types of legal retention. */
final class RetentionAudit {
  static final String SCHEDULE_SET = "SCHEDULE_SET";
  static final String DOSSIER_SET = "DOSSIER_SET";
  static final String SCHEDULE = "SCHEDULE";
  static final String DOSSIER = "DOSSIER";
  static final String HOLD = "HOLD";

  private RetentionAudit() {}
}
