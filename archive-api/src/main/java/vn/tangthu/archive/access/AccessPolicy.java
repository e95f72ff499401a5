package vn.tangthu.archive.access;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.indexer.search.Visibility;

/**
 * The one visibility rule of the contract, in the two forms the archive needs: a check on one
 * record (REST endpoints) and a {@link Visibility} for the search index (so totals and facets only
 * count what the caller may read).
 *
 * <p>{@code PUBLIC}: every authenticated user. {@code INTERNAL}: users of the owning agency and of
 * its ancestors. {@code RESTRICTED}: users of the owning agency and users granted the record. A
 * successor agency's users count as users of the agencies it succeeded. {@code ADMIN} acts in every
 * agency and reads everything. Thread-safe.
 */
public final class AccessPolicy {

  /** Whether a user was granted a RESTRICTED record. */
  @FunctionalInterface
  public interface Grants {
    boolean granted(UUID recordId, String username);
  }

  private final AgencyDirectory agencies;
  private final Grants grants;

  public AccessPolicy(AgencyDirectory agencies, Grants grants) {
    this.agencies = agencies;
    this.grants = grants;
  }

  /**
   * Whether {@code caller} may read record {@code recordId}, owned by {@code ownerAgency} at {@code
   * accessLevel}.
   */
  public boolean canRead(Caller caller, UUID recordId, String ownerAgency, String accessLevel) {
    if (caller.isAdmin() || "PUBLIC".equals(accessLevel)) {
      return true;
    }
    Set<String> mine =
        caller.agencyCode() == null ? Set.of() : agencies.tree().identities(caller.agencyCode());
    return switch (accessLevel) {
      case "INTERNAL" -> agencies.tree().path(ownerAgency).stream().anyMatch(mine::contains);
      case "RESTRICTED" ->
          mine.contains(ownerAgency) || grants.granted(recordId, caller.username());
      default -> false;
    };
  }

  /** Whether {@code caller} acts, with {@code role}, for {@code agencyCode}. */
  public boolean actsFor(Caller caller, Role role, String agencyCode) {
    if (caller.isAdmin()) {
      return true;
    }
    return caller.has(role)
        && caller.agencyCode() != null
        && agencies.tree().actingScope(caller.agencyCode()).contains(agencyCode);
  }

  /**
   * The agencies {@code caller} acts for, whatever the role: their agency, the agencies below it
   * and the agencies they succeeded; empty for a caller without an agency. (ADMIN acts for every
   * agency; check {@link Caller#isAdmin()} first.)
   */
  public Set<String> actingScope(Caller caller) {
    return caller.agencyCode() == null
        ? Set.of()
        : agencies.tree().actingScope(caller.agencyCode());
  }

  /**
   * What a caller who is not ADMIN may read, as sets a query can filter on; {@link #canRead} and
   * this agree on every record.
   *
   * @param internalOwners owners whose INTERNAL records the caller reads (its identities and the
   *     agencies below them)
   * @param ownOwners owners whose RESTRICTED records the caller reads (its identities)
   * @param username the caller, for RESTRICTED records granted to them
   */
  public record ReadScope(Set<String> internalOwners, Set<String> ownOwners, String username) {
    public ReadScope {
      internalOwners = Set.copyOf(internalOwners);
      ownOwners = Set.copyOf(ownOwners);
    }
  }

  /** {@code caller}'s reading rights as sets (see {@link ReadScope}). */
  public ReadScope readScope(Caller caller) {
    Set<String> mine =
        caller.agencyCode() == null ? Set.of() : agencies.tree().identities(caller.agencyCode());
    return new ReadScope(agencies.tree().below(mine), mine, caller.username());
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
    return actsFor(caller, Role.SUBMITTER, agencyCode);
  }

  /**
   * Whether {@code caller} may import records for {@code agencyCode} ({@code POST /imports}): a
   * SUBMITTER or an ARCHIVIST acting for it, or an ADMIN.
   */
  public boolean canImportFor(Caller caller, String agencyCode) {
    return actsFor(caller, Role.SUBMITTER, agencyCode)
        || actsFor(caller, Role.ARCHIVIST, agencyCode);
  }

  /** The owning agency and its ancestors, root first: what the index stores for visibility. */
  public List<String> agencyPath(String agencyCode) {
    return agencies.tree().path(agencyCode);
  }
}
