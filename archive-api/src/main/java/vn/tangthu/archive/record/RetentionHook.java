package vn.tangthu.archive.record;

import java.util.Collection;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import vn.tangthu.archive.error.ApiException;

/**
 * What ingest and corrections ask of legal retention: recompute the effective retention of records
 * inside the caller's transaction, then, after the commit, bring their storage locks in line.
 */
public interface RetentionHook {

  /**
   * Joins the retention lock for the rest of {@code h}'s transaction, so no schedule or dossier
   * changes under it. Call it before writing record rows.
   */
  void enter(Handle h);

  /**
   * Whether a record of {@code agencyCode} may carry {@code fileCode}: a dossier belongs to one
   * agency, so the file code's dossier, if there is one, must be that agency's, and otherwise no
   * record of another agency may carry it yet. Inside a transaction it also locks the file code
   * until the commit, so two agencies cannot both start a file code that has no dossier.
   */
  boolean mayFile(Handle h, String agencyCode, String fileCode);

  /**
   * The answer to a record whose {@code fileCode} {@link #mayFile} refuses: 400, field fileCode.
   */
  static ApiException fileCodeRefused() {
    return RecordMetadata.invalid(
        "fileCode",
        "names a dossier of another agency; a record joins only a dossier of its own agency",
        "là hồ sơ của cơ quan khác; văn bản chỉ được đưa vào hồ sơ của chính cơ quan mình");
  }

  /**
   * Recomputes and stores the effective retention of {@code recordIds} and of their attachments, in
   * {@code h}'s transaction.
   *
   * @throws vn.tangthu.archive.error.ApiException {@code RETENTION_LOCKED} (409) when the change
   *     would shorten an existing lock; the caller's transaction must then roll back
   */
  void recompute(Handle h, Collection<UUID> recordIds);

  /**
   * After the commit: applies the storage protection due to {@code recordIds} and their
   * attachments. Never throws; what fails is left to the repair pass.
   */
  void protect(Collection<UUID> recordIds);
}
