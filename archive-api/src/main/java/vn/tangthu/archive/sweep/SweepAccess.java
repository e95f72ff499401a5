package vn.tangthu.archive.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.error.ApiException;

/**
 * Who may see and act on sweeps. Sweeps and certificates are seen by ARCHIVIST, APPROVER, AUDITOR
 * and ADMIN users of the sweep's agency or an ancestor (any other role: 403; a sweep outside the
 * caller's scope: 404, as if it did not exist). Planning, taking items out, rejecting, executing
 * and transfers are an ARCHIVIST's (of the agency or an ancestor) or ADMIN's. Thread-safe.
 */
public final class SweepAccess {

  private static final Set<Role> SEES = Set.of(Role.ARCHIVIST, Role.APPROVER, Role.AUDITOR);

  private final AgencyDirectory agencies;
  private final AccessPolicy access;

  public SweepAccess(AgencyDirectory agencies, AccessPolicy access) {
    this.agencies = agencies;
    this.access = access;
  }

  /**
   * @throws ApiException 403 unless the caller has a role that sees sweeps
   */
  public void requireSweepRole(Caller caller) {
    if (!caller.isAdmin() && caller.roles().stream().noneMatch(SEES::contains)) {
      throw ApiException.forbidden(
          "Sweeps are for archivists, approvers and auditors.",
          "Chỉ lưu trữ viên, người phê duyệt và kiểm toán viên được xem đợt hủy.");
    }
  }

  /**
   * @throws ApiException 403 without a sweep role, 404 when the agency is outside the caller's
   *     scope
   */
  public void requireVisible(Caller caller, String sweepAgency) {
    requireSweepRole(caller);
    if (!caller.isAdmin() && !inScope(caller, sweepAgency)) {
      throw ApiException.notFound();
    }
  }

  /**
   * @throws ApiException 403 unless the caller is an ARCHIVIST of the agency or an ancestor, or
   *     ADMIN
   */
  public void requireArchivist(Caller caller, String agencyCode) {
    if (!access.actsFor(caller, Role.ARCHIVIST, agencyCode)) {
      throw ApiException.forbidden(
          "Only an archivist of the agency or an ancestor may do this.",
          "Chỉ lưu trữ viên của cơ quan hoặc cơ quan cấp trên được thực hiện.");
    }
  }

  /** Whether the caller acts with {@code role} for {@code agencyCode} (ADMIN always). */
  public boolean canAct(Caller caller, Role role, String agencyCode) {
    return access.actsFor(caller, role, agencyCode);
  }

  /** The agencies whose sweeps the caller sees; null for ADMIN, who sees every agency's. */
  public List<String> visibleAgencies(Caller caller) {
    requireSweepRole(caller);
    if (caller.isAdmin()) {
      return null;
    }
    return caller.agencyCode() == null
        ? List.of()
        : new ArrayList<>(agencies.tree().actingScope(caller.agencyCode()));
  }

  /** The agency and its descendants (and the agencies they succeeded). */
  public List<String> subtree(String agencyCode) {
    return new ArrayList<>(agencies.tree().actingScope(agencyCode));
  }

  /** The agency followed by its ancestors up to the root (the approval lineage). */
  public List<String> lineage(String agencyCode) {
    List<String> path = new ArrayList<>(agencies.tree().path(agencyCode));
    java.util.Collections.reverse(path);
    return path;
  }

  /** The agency and the agencies it succeeded. */
  public java.util.Set<String> identities(String agencyCode) {
    return agencies.tree().identities(agencyCode);
  }

  public boolean exists(String agencyCode) {
    return agencies.tree().exists(agencyCode);
  }

  private boolean inScope(Caller caller, String agencyCode) {
    return caller.agencyCode() != null
        && agencies.tree().actingScope(caller.agencyCode()).contains(agencyCode);
  }
}
