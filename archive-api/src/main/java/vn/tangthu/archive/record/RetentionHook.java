package vn.tangthu.archive.record;

import java.util.Collection;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

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
