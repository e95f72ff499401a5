package vn.tangthu.archive.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.retention.schedule.EffectiveRetention;
import vn.tangthu.retention.schedule.Eligibility;
import vn.tangthu.retention.schedule.RetentionChange;
import vn.tangthu.retention.schedule.Schedule;

/**
 * Recomputes the effective retention of a set of records (by ids, by dossier, by series) inside a
 * caller's transaction, in keyset-paged batches, and stores what changed. A change that would
 * shorten an existing lock (a future eligibility date, or a permanent record) is refused with
 * {@code RETENTION_LOCKED} (409); since that is thrown inside the transaction, nothing changes.
 * Thread-safe (stateless apart from the clock).
 */
public final class RetentionRecompute {

  static final int BATCH = 1000;

  /** pg advisory lock key of retention changes ("TTRETAIN"). */
  private static final long LOCK_KEY = 0x5454_5245_5441_494EL;

  /** How many changed ids a result carries for the after-commit lock pass; beyond, repair does. */
  static final int MAX_IDS = 2000;

  /** What a recomputation changed. */
  public record Result(int changed, List<UUID> changedIds, boolean truncated) {}

  @FunctionalInterface
  private interface Pager {
    List<RetentionInput> page(RetentionDao dao, UUID after, int limit);
  }

  private final Clock clock;

  public RetentionRecompute(Clock clock) {
    this.clock = clock;
  }

  /**
   * Takes the shared retention lock for the rest of {@code h}'s transaction: record changes hold it
   * shared, schedule and dossier changes exclusively, so a record is never computed against a
   * schedule or dossier that changes at the same moment. Call it before writing record rows.
   */
  public void enter(Handle h) {
    h.select("SELECT 1 FROM pg_advisory_xact_lock_shared(?)", LOCK_KEY).mapTo(Integer.class).one();
  }

  /**
   * Takes the retention lock exclusively for the rest of {@code h}'s transaction: no record is
   * written or recomputed meanwhile. Schedule and dossier changes take it before checking which
   * agencies' records they would change.
   */
  void enterExclusive(Handle h) {
    h.select("SELECT 1 FROM pg_advisory_xact_lock(?)", LOCK_KEY).mapTo(Integer.class).one();
  }

  /** Records {@code ids} and their attachments. */
  public Result records(Handle h, Collection<UUID> ids) {
    enter(h);
    UUID[] array = ids.toArray(UUID[]::new);
    return run(h, (dao, after, limit) -> dao.ofRecords(array, after, limit));
  }

  /** Every record of dossier {@code fileCode}, with attachments. */
  public Result dossier(Handle h, String fileCode) {
    enterExclusive(h);
    return run(h, (dao, after, limit) -> dao.ofDossier(fileCode, after, limit));
  }

  /** Every record governed by series {@code seriesCode}, directly or through its dossier. */
  public Result series(Handle h, String seriesCode) {
    enterExclusive(h);
    return run(h, (dao, after, limit) -> dao.ofSeries(seriesCode, after, limit));
  }

  private Result run(Handle h, Pager pager) {
    Map<String, Schedule> schedules =
        h.attach(ScheduleDao.class).all().stream()
            .map(ScheduleRow::schedule)
            .collect(Collectors.toMap(Schedule::seriesCode, s -> s));
    Function<String, Optional<Schedule>> lookup = code -> Optional.ofNullable(schedules.get(code));
    RetentionDao dao = h.attach(RetentionDao.class);
    Instant now = clock.instant();
    List<UUID> changedIds = new ArrayList<>();
    int changed = 0;
    int locked = 0;
    UUID after = RetentionDao.START;
    while (true) {
      List<RetentionInput> page = pager.page(dao, after, BATCH);
      List<RetentionValues> updates = new ArrayList<>();
      for (RetentionInput in : page) {
        EffectiveRetention effective = EffectiveRetention.of(in.record(), in.dossier());
        Eligibility next = effective.eligibility(lookup);
        RetentionValues values =
            RetentionValues.of(in.id(), effective.seriesCode().orElse(null), next);
        RetentionValues stored = in.stored();
        if (values.equals(stored)) {
          continue;
        }
        Eligibility before = stored.eligibility();
        if (RetentionChange.between(before, next).refusedWhen(lockExists(before, now))) {
          locked++;
          continue;
        }
        updates.add(values);
      }
      if (locked == 0 && !updates.isEmpty()) {
        dao.update(updates);
        changed += updates.size();
        for (RetentionValues v : updates) {
          if (changedIds.size() < MAX_IDS) {
            changedIds.add(v.id());
          }
        }
      }
      if (page.size() < BATCH) {
        break;
      }
      after = page.get(page.size() - 1).id();
    }
    if (locked > 0) {
      throw ApiException.of(
              409,
              "RETENTION_LOCKED",
              locked
                  + " record(s) are locked in storage until a later date; a retention can be"
                  + " extended, never shortened. Nothing was changed.",
              locked
                  + " văn bản đang bị khóa lưu trữ đến một ngày muộn hơn; thời hạn bảo quản chỉ"
                  + " được kéo dài, không được rút ngắn. Không có thay đổi nào.")
          .with("lockedRecords", locked);
    }
    return new Result(changed, List.copyOf(changedIds), changed > changedIds.size());
  }

  /**
   * Whether a record with this stored eligibility carries a lock now: a retain-until still in the
   * future, or a legal hold because it is permanent.
   */
  static boolean lockExists(Eligibility stored, Instant now) {
    if (stored instanceof Eligibility.Permanent) {
      return true;
    }
    return stored.retainUntil().map(now::isBefore).orElse(false);
  }
}
