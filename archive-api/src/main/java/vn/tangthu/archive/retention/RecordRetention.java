package vn.tangthu.archive.retention;

import java.util.Collection;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import vn.tangthu.archive.record.RetentionHook;

/** Retention as ingest and corrections see it: recompute in their transaction, lock after. */
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
  public void recompute(Handle h, Collection<UUID> recordIds) {
    recompute.records(h, recordIds);
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
