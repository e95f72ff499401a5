package vn.tangthu.archive.sweep;

/** Audit actions of sweeps besides those {@link vn.tangthu.archive.base.AuditEvent} names. */
public final class SweepAudit {
  public static final String READ = "SWEEP_READ";
  public static final String ITEM_REMOVE = "SWEEP_ITEM_REMOVE";
  public static final String REJECT = "SWEEP_REJECT";
  public static final String EXECUTE = "SWEEP_EXECUTE";
  public static final String ITEM_SKIP = "SWEEP_ITEM_SKIP";
  public static final String TRANSFER_EXPORT = "TRANSFER_EXPORT";
  public static final String TRANSFER_CONFIRM = "TRANSFER_CONFIRM";
  public static final String CERTIFICATE_READ = "CERTIFICATE_READ";

  private SweepAudit() {}
}
