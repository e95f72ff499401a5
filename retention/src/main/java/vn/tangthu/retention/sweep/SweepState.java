package vn.tangthu.retention.sweep;

import java.util.Objects;
import vn.tangthu.retention.sweep.SweepException.Code;

/**
 * The life cycle of a sweep: {@code PLANNED -> APPROVED -> EXECUTING -> EXECUTED}, or {@code
 * PLANNED -> REJECTED}. Items can be taken out only while PLANNED. Execution can be started again
 * while EXECUTING (resuming after a crash). Every method returns the next state or throws {@link
 * SweepException}; none has side effects.
 */
public enum SweepState {
  PLANNED,
  APPROVED,
  EXECUTING,
  EXECUTED,
  REJECTED;

  /** Whether no further transition is possible. */
  public boolean terminal() {
    return this == EXECUTED || this == REJECTED;
  }

  /**
   * Checks that items may be taken out.
   *
   * @throws SweepException {@code SWEEP_STATE} unless PLANNED
   */
  public void requireItemsEditable() {
    require(PLANNED, "take items out of");
  }

  /**
   * Approves: only from PLANNED, only by a user with the APPROVER role, of the sweep's agency or an
   * ancestor, who is not the planner.
   *
   * @return {@link #APPROVED}
   * @throws SweepException with the reason refused
   */
  public SweepState approve(ApprovalFacts facts) {
    Objects.requireNonNull(facts, "facts");
    require(PLANNED, "approve");
    if (facts.approver().equals(facts.planner())) {
      throw new SweepException(
          Code.SELF_APPROVAL, "the planner " + facts.planner() + " cannot approve the same sweep");
    }
    if (!facts.approverRoles().contains(ApprovalFacts.APPROVER_ROLE)) {
      throw new SweepException(
          Code.NOT_APPROVER, facts.approver() + " does not have the APPROVER role");
    }
    if (!facts.sweepAgencyLineage().contains(facts.approverAgency())) {
      throw new SweepException(
          Code.OUTSIDE_AGENCY,
          facts.approver()
              + " of "
              + facts.approverAgency()
              + " is not of the sweep's agency "
              + facts.sweepAgencyLineage().get(0)
              + " or an ancestor");
    }
    return APPROVED;
  }

  /**
   * Rejects before approval.
   *
   * @return {@link #REJECTED}
   * @throws SweepException {@code SWEEP_STATE} unless PLANNED
   */
  public SweepState reject() {
    require(PLANNED, "reject");
    return REJECTED;
  }

  /**
   * Starts (or resumes) execution.
   *
   * @return {@link #EXECUTING}
   * @throws SweepException {@code SWEEP_STATE} unless APPROVED or EXECUTING
   */
  public SweepState startExecution() {
    if (this != APPROVED && this != EXECUTING) {
      throw refused("execute");
    }
    return EXECUTING;
  }

  /**
   * Marks execution finished.
   *
   * @return {@link #EXECUTED}
   * @throws SweepException {@code SWEEP_STATE} unless EXECUTING
   */
  public SweepState finishExecution() {
    require(EXECUTING, "finish executing");
    return EXECUTED;
  }

  private void require(SweepState expected, String what) {
    if (this != expected) {
      throw refused(what);
    }
  }

  private SweepException refused(String what) {
    return new SweepException(Code.SWEEP_STATE, "cannot " + what + " a sweep that is " + this);
  }
}
