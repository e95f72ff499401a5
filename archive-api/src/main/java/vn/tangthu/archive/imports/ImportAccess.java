package vn.tangthu.archive.imports;

import java.util.Set;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;

/**
 * Who may import and who may see a job. A SUBMITTER or ARCHIVIST imports for the agencies they act
 * for (their agency, those below it and those it succeeded), an ADMIN for every agency; each item
 * is then checked like {@code POST /records}. A job belongs to the agency of its options' {@code
 * agencyCode}, else to its creator's: it is seen by its creator, by the users who act for that
 * agency (its own staff and those of the agencies above it) and by ADMIN; to anyone else it does
 * not exist (404). Thread-safe.
 */
final class ImportAccess {

  private final AccessPolicy access;

  ImportAccess(AccessPolicy access) {
    this.access = access;
  }

  /** Refuses an options {@code agencyCode} the caller may not import for (403). */
  void requireImportFor(Caller caller, String agencyCode) {
    if (!access.canImportFor(caller, agencyCode)) {
      throw ApiException.forbidden(
          "You may not import records for agency " + agencyCode + ".",
          "Bạn không được nhập văn bản cho cơ quan " + agencyCode + ".");
    }
  }

  boolean mayRead(Caller caller, ImportJob job) {
    if (caller.isAdmin() || job.createdById() == caller.userId()) {
      return true;
    }
    return job.agencyCode() != null && access.actingScope(caller).contains(job.agencyCode());
  }

  /** The agencies whose jobs {@code caller} sees besides their own (all of them for ADMIN). */
  Set<String> scope(Caller caller) {
    return access.actingScope(caller);
  }
}
