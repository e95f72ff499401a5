package vn.tangthu.archive.retention;

import java.util.Collection;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import vn.tangthu.archive.record.RetentionHook;

/**
 * Retention as ingest and corrections see it: recompute in their transaction (a record filed into a
 * held dossier, or attached to a held record, joins its holds), lock after the commit.
 */
public final class RecordRetention implements RetentionHook {

  private final RetentionRecompute recompute;
  private final LockKeeper keeper;

  public RecordRetention(RetentionRecompute recompute, LockKeeper keeper) {
    this.recompute = recompute;
    this.keeper = keeper;
  }

  @Override
  public void enter(Handle h) {
    recompute.enter(h);
  }

  @Override
  public boolean mayFile(Handle h, String agencyCode, String fileCode) {
    FileCodes.lock(h, fileCode);
    return !h.attach(DossierDao.class).takenByOtherAgency(fileCode, agencyCode);
  }

  @Override
  public void recompute(Handle h, Collection<UUID> recordIds) {
    recompute.records(h, recordIds);
    h.attach(HoldDao.class).joinHeldGroups(recordIds.toArray(UUID[]::new));
  }

  @Override
  public void protect(Collection<UUID> recordIds) {
    try {
      keeper.protect(recordIds);
    } catch (RuntimeException e) {
      keeper.wake();
    }
  }
}
