package vn.tangthu.archive.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.id.Ids;
import vn.tangthu.archive.record.RecordReader;
import vn.tangthu.archive.record.RetentionHook;
import vn.tangthu.archive.storage.ObjectLocks;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * Builds legal retention for the running archive: loads the starter schedule into an empty table,
 * detects whether storage supports Object Lock, and makes the lock keeper, the hook ingest and
 * corrections call, and the HTTP resources.
 */
public final class RetentionFeature {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionFeature.class);
  private static final Duration REPAIR_INTERVAL = Duration.ofMinutes(10);

  private final Jdbi jdbi;
  private final Clock clock;
  private final RetentionRecompute recompute;
  private final LockKeeper keeper;

  private RetentionFeature(Jdbi jdbi, Clock clock, LockKeeper keeper) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.recompute = new RetentionRecompute(clock);
    this.keeper = keeper;
  }

  /** Loads the starter schedule if needed and probes {@code bucket} for Object Lock. */
  public static RetentionFeature create(Jdbi jdbi, ObjectStore store, String bucket, Clock clock) {
    int loaded = StarterSchedules.loadIfEmpty(jdbi, clock);
    if (loaded > 0) {
      LOG.info("Loaded {} starter retention schedules (unverified ones are flagged)", loaded);
    }
    ObjectLocks locks = new ObjectLocks(store);
    Optional<String> problem = locks.problem(bucket);
    problem.ifPresent(p -> LOG.warn("Retention is not enforced by storage: {}", p));
    return new RetentionFeature(
        jdbi, clock, new LockKeeper(jdbi, locks, bucket, clock, REPAIR_INTERVAL, problem));
  }

  /** The lock keeper; the application manages its life cycle. */
  public LockKeeper keeper() {
    return keeper;
  }

  /** Why storage cannot lock, or empty. */
  public Optional<String> lockProblem() {
    return keeper.problem();
  }

  /** What ingest and corrections call. */
  public RetentionHook hook() {
    return new RecordRetention(recompute, keeper);
  }

  /** The HTTP resources: schedules, dossiers, holds. */
  public List<Object> resources(
      AgencyDirectory agencies,
      AccessPolicy access,
      RecordReader reader,
      SearchIndex index,
      AuditTrail audit) {
    return List.of(
        new ScheduleResource(jdbi, agencies, recompute, keeper, audit, clock),
        new DossierResource(jdbi, agencies, access, reader, recompute, keeper, audit, clock),
        new HoldResource(
            jdbi,
            access,
            new HoldQueries(index, access, jdbi),
            keeper,
            audit,
            new Ids(clock),
            clock));
  }
}
