package vn.tangthu.retention.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.tangthu.retention.sweep.SweepException.Code;

class SweepStateTest {
  // sweep of a commune; its ancestors are the district department and the province
  private static final List<String> LINEAGE = List.of("XA-01", "SO-NV", "BN");

  private static ApprovalFacts facts(String approver, Set<String> roles, String agency) {
    return new ApprovalFacts("planner", approver, roles, agency, LINEAGE);
  }

  private static void assertRefused(Runnable r, Code code) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(SweepException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void fullLifeCycle() {
    SweepState s = SweepState.PLANNED;
    s.requireItemsEditable();
    s = s.approve(facts("boss", Set.of("APPROVER"), "BN"));
    assertThat(s).isEqualTo(SweepState.APPROVED);
    s = s.startExecution();
    assertThat(s).isEqualTo(SweepState.EXECUTING);
    assertThat(s.startExecution()).as("resume after a crash").isEqualTo(SweepState.EXECUTING);
    s = s.finishExecution();
    assertThat(s).isEqualTo(SweepState.EXECUTED);
    assertThat(s.terminal()).isTrue();
  }

  @Test
  void plannerCannotApproveTheirOwnSweep() {
    assertRefused(
        () ->
            SweepState.PLANNED.approve(
                new ApprovalFacts("ann", "ann", Set.of("APPROVER", "ARCHIVIST"), "XA-01", LINEAGE)),
        Code.SELF_APPROVAL);
  }

  @Test
  void approverNeedsTheRoleAndTheAgencyOrAnAncestor() {
    assertRefused(
        () -> SweepState.PLANNED.approve(facts("bob", Set.of("ARCHIVIST", "ADMIN"), "BN")),
        Code.NOT_APPROVER);
    // a sibling commune is not an ancestor
    assertRefused(
        () -> SweepState.PLANNED.approve(facts("bob", Set.of("APPROVER"), "XA-02")),
        Code.OUTSIDE_AGENCY);
    assertThat(SweepState.PLANNED.approve(facts("bob", Set.of("APPROVER"), "XA-01")))
        .isEqualTo(SweepState.APPROVED);
    assertThat(SweepState.PLANNED.approve(facts("bob", Set.of("APPROVER"), "SO-NV")))
        .isEqualTo(SweepState.APPROVED);
  }

  @ParameterizedTest
  @EnumSource(
      value = SweepState.class,
      names = {"APPROVED", "EXECUTING", "EXECUTED", "REJECTED"})
  void itemsAreEditableAndSweepsRejectableOnlyBeforeApproval(SweepState state) {
    assertRefused(state::requireItemsEditable, Code.SWEEP_STATE);
    assertRefused(state::reject, Code.SWEEP_STATE);
    assertRefused(() -> state.approve(facts("bob", Set.of("APPROVER"), "BN")), Code.SWEEP_STATE);
  }

  @Test
  void rejectionEndsThePlannedSweep() {
    SweepState s = SweepState.PLANNED.reject();
    assertThat(s).isEqualTo(SweepState.REJECTED);
    assertThat(s.terminal()).isTrue();
    assertRefused(s::startExecution, Code.SWEEP_STATE);
  }

  @Test
  void executionNeedsApproval() {
    assertRefused(SweepState.PLANNED::startExecution, Code.SWEEP_STATE);
    assertRefused(SweepState.EXECUTED::startExecution, Code.SWEEP_STATE);
    assertRefused(SweepState.APPROVED::finishExecution, Code.SWEEP_STATE);
  }
}
