package vn.tangthu.retention.sweep;

import java.util.List;
import java.util.Set;

/**
 * What the two-person rule needs to know about an approval attempt.
 *
 * @param planner the username who planned the sweep
 * @param approver the username approving
 * @param approverRoles the approver's roles (e.g. {@code APPROVER})
 * @param approverAgency the approver's agency code
 * @param sweepAgencyLineage the sweep's agency code followed by its ancestors up to the root
 */
public record ApprovalFacts(
    String planner,
    String approver,
    Set<String> approverRoles,
    String approverAgency,
    List<String> sweepAgencyLineage) {

  /** The role required to approve. */
  public static final String APPROVER_ROLE = "APPROVER";

  public ApprovalFacts {
    requireText(planner, "planner");
    requireText(approver, "approver");
    requireText(approverAgency, "approverAgency");
    approverRoles = Set.copyOf(approverRoles);
    sweepAgencyLineage = List.copyOf(sweepAgencyLineage);
    if (sweepAgencyLineage.isEmpty()) {
      throw new IllegalArgumentException(
          "sweepAgencyLineage must hold at least the sweep's agency");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
