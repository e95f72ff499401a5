package vn.tangthu.archive;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.agency.AgencyResource;
import vn.tangthu.archive.audit.AuditAnchor;
import vn.tangthu.archive.audit.AuditLog;
import vn.tangthu.archive.audit.AuditResource;
import vn.tangthu.archive.auth.AdminBootstrap;
import vn.tangthu.archive.auth.FailedAuthLimiter;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.check.Checks;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.Isolation;
import vn.tangthu.archive.config.StorageConfig;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.evidence.EvidenceDao;
import vn.tangthu.archive.evidence.EvidenceRecords;
import vn.tangthu.archive.evidence.EvidenceRenewal;
import vn.tangthu.archive.evidence.EvidenceScheduler;
import vn.tangthu.archive.evidence.EvidenceVerification;
import vn.tangthu.archive.evidence.TimestampAuthority;
import vn.tangthu.archive.export.ExportResource;
import vn.tangthu.archive.health.RetentionLockHealthCheck;
import vn.tangthu.archive.health.StorageHealthCheck;
import vn.tangthu.archive.id.Ids;
import vn.tangthu.archive.imports.Imports;
import vn.tangthu.archive.indexing.IndexDocuments;
import vn.tangthu.archive.indexing.IndexerWorker;
import vn.tangthu.archive.indexing.TextStage;
import vn.tangthu.archive.indexing.VisibilityFence;
import vn.tangthu.archive.metrics.ArchiveMetrics;
import vn.tangthu.archive.reconcile.Reconciler;
import vn.tangthu.archive.record.GrantResource;
import vn.tangthu.archive.record.IngestService;
import vn.tangthu.archive.record.RecordCorrections;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.record.RecordReader;
import vn.tangthu.archive.record.RecordResource;
import vn.tangthu.archive.record.SignatureInspection;
import vn.tangthu.archive.retention.RetentionFeature;
import vn.tangthu.archive.seal.ArchiveKeys;
import vn.tangthu.archive.seal.ArchiveResource;
import vn.tangthu.archive.seal.Receipts;
import vn.tangthu.archive.search.SearchResource;
import vn.tangthu.archive.search.VisibilityFenceFilter;
import vn.tangthu.archive.signature.history.SignatureHistoryResource;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.archive.sweep.Sweeps;
import vn.tangthu.archive.user.UserResource;
import vn.tangthu.child.ForkSettings;
import vn.tangthu.indexer.extract.ExtractionLimits;
import vn.tangthu.indexer.extract.ForkedTextExtractor;
import vn.tangthu.indexer.extract.TextExtractor;
import vn.tangthu.indexer.extract.TikaTextExtractor;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * Builds the running archive by hand, in dependency order: data directory, database and storage
 * ({@link Infrastructure}), the audit trail, extraction and the index, signatures and keys ({@link
 * SignatureWiring}), then the features on top. Every long-lived part is registered as a {@link
 * Managed} so it stops in reverse order.
 */
public final class ArchiveWiring {

  private static final long MAX_FILE_BYTES = 64L * 1024 * 1024 * 1024;

  /** Failed authentications from one address: 10 free, then 1 s doubling up to a minute. */
  private static final FailedAuthLimiter.Policy ADDRESS_FAILURES =
      new FailedAuthLimiter.Policy(
          10, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(15));

  /** Failed sign-ins of one name: 5 free, then 1 s doubling up to 5 minutes. */
  private static final FailedAuthLimiter.Policy NAME_FAILURES =
      new FailedAuthLimiter.Policy(
          5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

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
  private RetentionFeature retention;
  private ArchiveMetrics metrics;

  private ArchiveWiring(
      Jdbi jdbi,
      ObjectStore store,
      SearchIndex index,
      IndexerWorker worker,
      Reconciler reconciler,
      DataDirectory dataDir,
      String adminToken,
      List<Object> resources,
      FailedAuthLimiter authLimiter,
      EvidenceScheduler evidence,
      EvidenceRecords evidenceRecords,
      AuditLog audit) {
    this.audit = audit;
    this.jdbi = jdbi;
    this.store = store;
    this.index = index;
    this.worker = worker;
    this.reconciler = reconciler;
    this.dataDir = dataDir;
    this.adminToken = adminToken;
    this.resources = resources;
    this.authLimiter = authLimiter;
    this.evidence = evidence;
    this.evidenceRecords = evidenceRecords;
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

  /** Legal retention: schedules, dossiers, holds and the storage lock keeper. */
  public RetentionFeature retention() {
    return retention;
  }

  static ArchiveWiring create(ArchiveConfiguration config, Environment env, Clock clock)
      throws Exception {
    ((AbstractServerFactory) config.getServerFactory()).setRegisterDefaultExceptionMappers(false);
    DataDirectory dataDir = DataDirectory.acquire(config.dataPath());
    env.lifecycle().manage(Infrastructure.closing(dataDir));
    Infrastructure.clearTmp(dataDir.tmp());

    Jdbi jdbi = Infrastructure.database(config, env, dataDir);

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

    var indexConfig = config.getIndex();
    ExtractionLimits limits =
        new ExtractionLimits(
            indexConfig.extractionTimeout().toJavaDuration(), indexConfig.maxTextChars());
    TextExtractor extractor =
        indexConfig.isolation() == Isolation.FORK
            ? new ForkedTextExtractor(
                limits,
                ForkSettings.fromThisJvm(
                    indexConfig.extractionThreads(), indexConfig.extractorHeapMb()))
            : new TikaTextExtractor(limits);
    env.lifecycle().manage(Infrastructure.closing(extractor));
    Path indexDir = dataDir.root().resolve(indexConfig.directory());
    SearchIndex index = SearchIndex.open(indexDir, indexConfig.searchThreads());
    env.lifecycle().manage(Infrastructure.closing(index));

    AgencyDirectory agencies = new AgencyDirectory(jdbi, clock);
    AccessPolicy access =
        new AccessPolicy(
            agencies,
            (id, username) -> jdbi.withExtension(RecordDao.class, d -> d.granted(id, username)));
    TextStage text =
        new TextStage(
            jdbi, store, s.originalsBucket(), s.derivedBucket(), extractor, dataDir.tmp());
    IndexerWorker worker =
        new IndexerWorker(
            jdbi, index, text, new IndexDocuments(access), indexConfig.extractionThreads(), clock);
    env.lifecycle().manage(worker);
    ArchiveMetrics metrics = ArchiveMetrics.register(env.metrics(), jdbi, worker::applied, clock);
    env.jersey().register(metrics.ingestCounting());
    Reconciler reconciler = new Reconciler(jdbi, store, clock, Duration.ofHours(1));
    env.lifecycle().manage(reconciler);

    var sig = config.getSignatures();
    SignatureWiring signing = SignatureWiring.create(sig, env, dataDir.root(), clock);
    ArchiveKeys keys = signing.keys();
    SignatureInspection signatures = signing.inspection();

    EvidenceRecords evidenceRecords =
        new EvidenceRecords(new TimestampAuthority(keys, clock), keys, clock);
    EvidenceScheduler evidence =
        new EvidenceScheduler(
            jdbi,
            evidenceRecords,
            () -> audit.head().hash().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            clock,
            EvidenceRenewal.of(jdbi, store, s.originalsBucket(), evidenceRecords, keys, clock));
    env.lifecycle().manage(evidence);
    Checks checks =
        Checks.create(
            jdbi,
            new EvidenceVerification(
                jdbi, key -> store.get(s.originalsBucket(), key), evidenceRecords),
            access,
            audit,
            clock);
    env.lifecycle().manage(checks.runner());

    RetentionFeature retention = RetentionFeature.create(jdbi, store, s.originalsBucket(), clock);
    env.lifecycle().manage(retention.keeper());
    env.healthChecks()
        .register("retention-lock", new RetentionLockHealthCheck(retention.lockProblem()));

    AdminBootstrap.Result admin =
        new AdminBootstrap(jdbi, clock).ensure(config.getAdminToken(), dataDir);
    IngestService ingest =
        new IngestService(
            jdbi,
            store,
            s.originalsBucket(),
            extractor,
            access,
            agencies,
            env.getObjectMapper(),
            new Ids(clock),
            clock,
            dataDir.tmp(),
            MAX_FILE_BYTES,
            signatures,
            new Receipts(keys, clock),
            audit,
            retention.hook());
    RecordReader reader = new RecordReader(jdbi, access, audit);
    List<Object> resources = new java.util.ArrayList<>();
    resources.addAll(
        List.of(
            new AgencyResource(jdbi, agencies, clock, audit),
            new UserResource(jdbi, agencies, clock, audit),
            new RecordResource(
                ingest,
                reader,
                store,
                s.originalsBucket(),
                s.derivedBucket(),
                worker,
                new RecordCorrections(
                    jdbi,
                    reader,
                    access,
                    worker,
                    env.getObjectMapper(),
                    clock,
                    audit,
                    retention.hook()),
                new RecordResource.EvidenceLookup() {
                  @Override
                  public java.util.Optional<byte[]> find(java.util.UUID id) {
                    return jdbi.withExtension(EvidenceDao.class, d -> d.evidence(id));
                  }

                  @Override
                  public java.time.Instant nextRun() {
                    return evidence.nextRun();
                  }
                }),
            new GrantResource(jdbi, reader, access, worker, clock, audit),
            new SearchResource(index, access, audit),
            new VisibilityFenceFilter(
                new VisibilityFence(jdbi, worker, VisibilityFence.DEFAULT_WAIT)),
            new AuditResource(audit, agencies),
            new SignatureHistoryResource(jdbi, reader, env.getObjectMapper()),
            new ArchiveResource(keys)));
    resources.addAll(retention.resources(agencies, access, reader, index, audit));
    resources.addAll(
        Sweeps.resources(
            new Sweeps.Parts(
                jdbi,
                store,
                s.originalsBucket(),
                s.derivedBucket(),
                worker,
                index,
                agencies,
                access,
                keys,
                audit,
                env.getObjectMapper(),
                clock,
                sig.organisation())));
    resources.add(checks.resource());
    resources.add(
        new ExportResource(
            jdbi, index, access, store, s.originalsBucket(), audit, clock, sig.organisation()));
    Imports imports =
        Imports.create(
            new Imports.Parts(
                jdbi,
                store,
                s.derivedBucket(),
                ingest,
                access,
                agencies,
                audit,
                env.getObjectMapper(),
                clock,
                config.getImports(),
                "node-" + dataDir.secret("node.id", 8),
                dataDir.tmp()));
    resources.add(imports.resource());
    env.lifecycle().manage(imports.runner()); // last started, first stopped
    env.lifecycle().addServerLifecycleListener(server -> Infrastructure.announce(server, admin));
    ArchiveWiring wiring =
        new ArchiveWiring(
            jdbi,
            store,
            index,
            worker,
            reconciler,
            dataDir,
            admin.token(),
            resources,
            new FailedAuthLimiter(clock, ADDRESS_FAILURES, NAME_FAILURES),
            evidence,
            evidenceRecords,
            audit);
    wiring.retention = retention;
    wiring.metrics = metrics;
    return wiring;
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
