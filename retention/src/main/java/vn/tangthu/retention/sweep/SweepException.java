package vn.tangthu.retention.sweep;

import java.util.Objects;

/** A sweep operation refused by the life-cycle rules; {@link #code()} is stable for clients. */
public final class SweepException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Stable machine-readable reasons. */
  public enum Code {
    /** The operation is not allowed in the sweep's current state. */
    SWEEP_STATE,
    /** The approver is the planner: two different persons are required. */
    SELF_APPROVAL,
    /** The approver lacks the APPROVER role. */
    NOT_APPROVER,
    /** The approver's agency is neither the sweep's agency nor one of its ancestors. */
    OUTSIDE_AGENCY
  }

  private final Code code;

  public SweepException(Code code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public Code code() {
    return code;
  }
}
