package vn.tangthu.archive.access;

import java.util.List;
import java.util.Set;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.agency.AgencyTree;
import vn.tangthu.archive.auth.Caller;
import vn.tangthu.archive.auth.Role;
import vn.tangthu.indexer.search.Visibility;

/**
 * The one visibility rule of the contract, in the two forms the archive needs: a check on one
 * record (REST endpoints) and a {@link Visibility} for the search index (so totals and facets only
 * count what the caller may read).
 *
 * <p>{@code PUBLIC}: every authenticated user. {@code INTERNAL}: users of the owning agency and of
 * its ancestors. {@code RESTRICTED}: users of the owning agency. A successor agency's users count
 * as users of the agencies it succeeded. {@code ADMIN} acts in every agency and reads everything.
 * Thread-safe.
 */
public final class AccessPolicy {

  private final AgencyDirectory agencies;

  public AccessPolicy(AgencyDirectory agencies) {
    this.agencies = agencies;
  }

  /** Whether {@code caller} may read a record owned by {@code ownerAgency} at {@code level}. */
  public boolean canRead(Caller caller, String ownerAgency, String accessLevel) {
    if (caller.isAdmin() || "PUBLIC".equals(accessLevel)) {
      return true;
    }
    if (caller.agencyCode() == null) {
      return false;
    }
    AgencyTree tree = agencies.tree();
    Set<String> mine = tree.identities(caller.agencyCode());
    return switch (accessLevel) {
      case "INTERNAL" -> tree.path(ownerAgency).stream().anyMatch(mine::contains);
      case "RESTRICTED" -> mine.contains(ownerAgency);
      default -> false;
    };
  }

  /** The caller as the search index's visibility filter. */
  public Visibility visibility(Caller caller) {
    if (caller.isAdmin()) {
      return Visibility.all();
    }
    Set<String> mine =
        caller.agencyCode() == null ? Set.of() : agencies.tree().identities(caller.agencyCode());
    return new Visibility(false, mine, caller.username());
  }

  /** Whether {@code caller} may store records for {@code agencyCode}. */
  public boolean canSubmitFor(Caller caller, String agencyCode) {
    if (caller.isAdmin()) {
      return true;
    }
    if (!caller.has(Role.SUBMITTER) || caller.agencyCode() == null) {
      return false;
    }
    return agencies.tree().actingScope(caller.agencyCode()).contains(agencyCode);
  }

  /** The owning agency and its ancestors, root first: what the index stores for visibility. */
  public List<String> agencyPath(String agencyCode) {
    return agencies.tree().path(agencyCode);
  }
}
