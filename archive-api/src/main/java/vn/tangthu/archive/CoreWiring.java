package vn.tangthu.archive;

import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.audit.AuditAnchor;
import vn.tangthu.archive.audit.AuditLog;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.StorageConfig;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.health.StorageHealthCheck;
import vn.tangthu.archive.lease.Leases;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.storage.ObjectStore;

/**
 * What every feature stands on: the data directory, the database, the buckets, the audit trail, the
 * agency tree and the access policy over it, and this node's side of the job leases. Built first,
 * stopped last.
 *
 * @param env the Dropwizard environment the features register with
 * @param originals the bucket of originals (under Object Lock)
 * @param derived the bucket of derived objects (text, evidence, anchors)
 * @param leases this node's side of the job leases shared by the API nodes
 */
record CoreWiring(
    Environment env,
    Clock clock,
    DataDirectory dataDir,
    Jdbi jdbi,
    ObjectStore store,
    String originals,
    String derived,
    AuditLog audit,
    AgencyDirectory agencies,
    AccessPolicy access,
    Leases leases) {

  static CoreWiring create(ArchiveConfiguration config, Environment env, Clock clock)
      throws Exception {
    DataDirectory dataDir = DataDirectory.acquire(config.dataPath());
    env.lifecycle().manage(Infrastructure.closing(dataDir));
    Infrastructure.clearTmp(dataDir.tmp());

    Jdbi jdbi = Infrastructure.database(config, env, dataDir);
    Leases leases = NodeWiring.leases(jdbi, clock, dataDir, env);

    StorageConfig s = config.getStorage();
    ObjectStore store = Infrastructure.storage(s, env, dataDir);
    env.lifecycle().manage(Infrastructure.closing(store));
    store.ensureBucket(s.originalsBucket(), true);
    store.ensureBucket(s.derivedBucket(), false);
    env.healthChecks().register("storage", new StorageHealthCheck(store, s.originalsBucket()));
    AuditLog audit =
        new AuditLog(
            jdbi, new AuditAnchor(store, s.derivedBucket(), AuditAnchor.DEFAULT_KEY), clock);
    env.lifecycle().manage(audit);

    AgencyDirectory agencies = new AgencyDirectory(jdbi, clock);
    AccessPolicy access =
        new AccessPolicy(
            agencies,
            (id, username) -> jdbi.withExtension(RecordDao.class, d -> d.granted(id, username)));
    return new CoreWiring(
        env,
        clock,
        dataDir,
        jdbi,
        store,
        s.originalsBucket(),
        s.derivedBucket(),
        audit,
        agencies,
        access,
        leases);
  }
}
