package vn.tangthu.archive;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.audit.AuditLog;
import vn.tangthu.archive.auth.FailedAuthLimiter;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.check.Checks;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.evidence.EvidenceRecords;
import vn.tangthu.archive.evidence.EvidenceScheduler;
import vn.tangthu.archive.imports.Imports;
import vn.tangthu.archive.indexing.IndexerWorker;
import vn.tangthu.archive.lease.Leases;
import vn.tangthu.archive.metrics.ArchiveMetrics;
import vn.tangthu.archive.reconcile.Reconciler;
import vn.tangthu.archive.retention.RetentionFeature;
import vn.tangthu.archive.stats.StatsResource;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * Builds the running archive by hand, one small factory per feature, in dependency order: the
 * ground every feature stands on ({@link CoreWiring}: data directory, database, storage, audit
 * trail, access policy), search and indexing ({@link SearchWiring}), signatures and keys ({@link
 * SignatureWiring}), evidence ({@link EvidenceWiring}), checks ({@link ChecksWiring}), retention
 * ({@link RetentionWiring}), users and authentication ({@link UsersWiring}), records ({@link
 * RecordsWiring}) and imports ({@link ImportsWiring}). Every long-lived part is registered as a
 * {@link Managed} so it stops in reverse order.
 */
public final class ArchiveWiring {

  private final Jdbi jdbi;
  private final ObjectStore store;
  private final SearchIndex index;
  private final IndexerWorker worker;
  private final Reconciler reconciler;
  private final DataDirectory dataDir;
  private final String adminToken;
  private final List<Object> resources;
  private final FailedAuthLimiter authLimiter;
  private final EvidenceScheduler evidence;
  private final AuditLog audit;
  private final EvidenceRecords evidenceRecords;
  private final RetentionFeature retention;
  private final ArchiveMetrics metrics;
  private final Leases leases;

  private ArchiveWiring(
      CoreWiring core,
      SearchWiring search,
      Reconciler reconciler,
      UsersWiring users,
      List<Object> resources,
      EvidenceWiring evidence,
      RetentionFeature retention,
      ArchiveMetrics metrics) {
    this.jdbi = core.jdbi();
    this.store = core.store();
    this.audit = core.audit();
    this.dataDir = core.dataDir();
    this.index = search.index();
    this.worker = search.worker();
    this.reconciler = reconciler;
    this.adminToken = users.admin().token();
    this.authLimiter = users.limiter();
    this.resources = resources;
    this.evidence = evidence.scheduler();
    this.evidenceRecords = evidence.records();
    this.retention = retention;
    this.metrics = metrics;
    this.leases = core.leases();
  }

  public AuditLog audit() {
    return audit;
  }

  public EvidenceScheduler evidence() {
    return evidence;
  }

  public EvidenceRecords evidenceRecords() {
    return evidenceRecords;
  }

  /** The archive's {@code tangthu_*} metrics (the import feature supplies its figures here). */
  public ArchiveMetrics metrics() {
    return metrics;
  }

  /** This node's side of the job leases shared by the API nodes. */
  public Leases leases() {
    return leases;
  }

  /** Legal retention: schedules, dossiers, holds and the storage lock keeper. */
  public RetentionFeature retention() {
    return retention;
  }

  static ArchiveWiring create(ArchiveConfiguration config, Environment env, Clock clock)
      throws Exception {
    ((AbstractServerFactory) config.getServerFactory()).setRegisterDefaultExceptionMappers(false);
    CoreWiring core = CoreWiring.create(config, env, clock);

    SearchWiring search = SearchWiring.create(config.getIndex(), core);
    ArchiveMetrics metrics =
        ArchiveMetrics.register(env.metrics(), core.jdbi(), search.worker()::applied, clock);
    env.jersey().register(metrics.ingestCounting());
    Reconciler reconciler =
        new Reconciler(core.jdbi(), core.store(), clock, Duration.ofHours(1), core.leases());
    env.lifecycle().manage(reconciler);

    SignatureWiring signing =
        SignatureWiring.create(config.getSignatures(), env, core.dataDir().root(), clock);
    EvidenceWiring evidence = EvidenceWiring.create(core, signing.keys());
    Checks checks = ChecksWiring.create(core, evidence.records());
    RetentionFeature retention = RetentionWiring.feature(core);
    UsersWiring users = UsersWiring.create(core, config.getAdminToken());
    RecordsWiring records = RecordsWiring.create(core, search, signing, evidence, retention);

    List<Object> resources = new ArrayList<>(users.resources());
    resources.add(
        new StatsResource(core.jdbi(), core.agencies(), core.access(), config.getPrinting()));
    resources.addAll(records.resources());
    resources.addAll(
        RetentionWiring.resources(
            core,
            retention,
            search,
            records.reader(),
            signing.keys(),
            config.getSignatures().organisation()));
    resources.add(checks.resource());
    Imports imports = ImportsWiring.create(core, config.getImports(), records.ingest());
    resources.add(imports.resource());
    metrics.imports(imports.figures());
    env.lifecycle()
        .addServerLifecycleListener(server -> Infrastructure.announce(server, users.admin()));
    return new ArchiveWiring(
        core, search, reconciler, users, resources, evidence, retention, metrics);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public ObjectStore store() {
    return store;
  }

  public SearchIndex index() {
    return index;
  }

  public IndexerWorker worker() {
    return worker;
  }

  public Reconciler reconciler() {
    return reconciler;
  }

  public DataDirectory dataDir() {
    return dataDir;
  }

  public String adminToken() {
    return adminToken;
  }

  public FailedAuthLimiter authLimiter() {
    return authLimiter;
  }

  /** Called with the client address of each failed authentication. */
  public java.util.function.Consumer<String> authFailures() {
    return address ->
        audit.appendRead(
            AuditEvent.anonymous(AuditEvent.AUTH_FAILED, AuditOutcome.DENIED, address));
  }

  List<Object> resources() {
    return resources;
  }
}
