package vn.tangthu.archive.reconcile;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.lease.Leases;
import vn.tangthu.archive.storage.ObjectPurge;
import vn.tangthu.archive.storage.ObjectStore;

/**
 * Removes objects written for uploads that never committed (client gone, crash between the S3 write
 * and the commit). Each upload records an intent before writing; a committed ingest deletes its
 * intents in the same transaction, so an intent older than the grace period whose key no record
 * references is an orphan: every version of its object is deleted (a plain delete would leave the
 * bytes as a non-current version), then the intent. Cost grows with the failed uploads, not with
 * the archive. Thread-safe.
 *
 * <p>With {@link Leases}, the periodic pass runs on one API node at a time (the {@value #JOB}
 * lease); a pass cut short by a node's death is simply done again by the next (each step is safe to
 * repeat: purging a purged object, deleting a deleted intent).
 */
public final class Reconciler implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  /** Upload intents and the references that keep their objects. */
  public interface IntentDao {
    /** An intent older than the cut-off. */
    record Intent(String bucket, String objectKey) {}

    @SqlQuery(
        "SELECT bucket, object_key FROM upload_intents WHERE created_at < :before"
            + " ORDER BY created_at LIMIT :limit")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Intent.class)
    List<Intent> olderThan(@Bind("before") Instant before, @Bind("limit") int limit);

    @SqlQuery(
        "SELECT EXISTS (SELECT 1 FROM records WHERE object_key = :key OR signature_key = :key)")
    boolean referenced(@Bind("key") String key);

    @SqlUpdate("DELETE FROM upload_intents WHERE bucket = :bucket AND object_key = :key")
    int delete(@Bind("bucket") String bucket, @Bind("key") String key);
  }

  private final Jdbi jdbi;
  private final ObjectStore store;
  private final Clock clock;
  private final Duration grace;
  private final Leases leases;

  /** The lease of the periodic pass. */
  public static final String JOB = "reconcile";

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "reconciler");
            t.setDaemon(true);
            return t;
          });

  /** A reconciler alone on its database (no lease taken). */
  public Reconciler(Jdbi jdbi, ObjectStore store, Clock clock, Duration grace) {
    this(jdbi, store, clock, grace, null);
  }

  /**
   * @param leases the job leases shared by the API nodes, or null when this process is alone
   */
  public Reconciler(Jdbi jdbi, ObjectStore store, Clock clock, Duration grace, Leases leases) {
    this.leases = leases;
    this.jdbi = jdbi;
    this.store = store;
    this.clock = clock;
    this.grace = grace;
  }

  /** One pass; returns the number of orphaned objects removed. */
  public int runOnce() {
    Instant before = clock.instant().minus(grace);
    int removed = 0;
    List<IntentDao.Intent> intents;
    do {
      intents = jdbi.withExtension(IntentDao.class, d -> d.olderThan(before, 500));
      for (IntentDao.Intent i : intents) {
        boolean kept = jdbi.withExtension(IntentDao.class, d -> d.referenced(i.objectKey()));
        if (!kept) {
          new ObjectPurge(store).purge(i.bucket(), i.objectKey());
          removed++;
          LOG.info("Removed orphaned object {}/{}", i.bucket(), i.objectKey());
        }
        jdbi.useExtension(IntentDao.class, d -> d.delete(i.bucket(), i.objectKey()));
      }
    } while (intents.size() == 500);
    return removed;
  }

  @Override
  public void start() {
    scheduler.scheduleWithFixedDelay(this::safeRun, 1, 10, TimeUnit.MINUTES);
  }

  private void safeRun() {
    try {
      if (leases == null) {
        runOnce();
      } else {
        leases.runAlone(JOB, Duration.ofMinutes(5), lease -> runOnce());
      }
    } catch (RuntimeException e) {
      LOG.warn("Reconciliation failed, will retry: {}", e.toString());
    }
  }

  @Override
  public void stop() {
    scheduler.shutdownNow();
  }
}
