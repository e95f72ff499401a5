package vn.tangthu.archive.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.config.ImportConfig;
import vn.tangthu.archive.id.Ids;
import vn.tangthu.archive.metrics.ImportFigures;
import vn.tangthu.archive.record.IngestService;
import vn.tangthu.archive.storage.ObjectStore;

/**
 * The import feature, wired: its resource and its job runner (to be managed: it must stop before
 * the database and storage it uses).
 */
public final class Imports {

  /** What the feature needs from the archive. */
  public record Parts(
      Jdbi jdbi,
      ObjectStore store,
      String bucket,
      IngestService ingest,
      AccessPolicy access,
      AgencyDirectory agencies,
      AuditTrail audit,
      ObjectMapper json,
      Clock clock,
      ImportConfig config,
      String node,
      Path tmp) {}

  private final ImportResource resource;
  private final ImportRunner runner;
  private final ImportMetrics metrics;

  private Imports(ImportResource resource, ImportRunner runner, ImportMetrics metrics) {
    this.resource = resource;
    this.runner = runner;
    this.metrics = metrics;
  }

  public static Imports create(Parts p) {
    PackageStore packages =
        new PackageStore(
            p.store(),
            p.bucket(),
            p.config().partMb() * 1024L * 1024,
            p.config().maxPackageBytes(),
            p.jdbi(),
            p.clock());
    ItemImport items =
        new ItemImport(p.ingest(), p.agencies(), p.json(), new ItemResults(p.jdbi(), p.clock()));
    ImportRunner runner =
        new ImportRunner(
            p.jdbi(),
            packages,
            items,
            p.audit(),
            p.clock(),
            p.config(),
            p.node(),
            p.tmp(),
            p.json());
    ImportAccess access = new ImportAccess(p.access());
    ImportJobs jobs = new ImportJobs(p.jdbi(), access, p.audit(), p.clock());
    ImportReceiver receiver =
        new ImportReceiver(
            p.jdbi(),
            packages,
            access,
            jobs,
            p.agencies(),
            p.json(),
            new Ids(p.clock()),
            p.clock(),
            p.audit(),
            p.tmp(),
            p.config().uploadsAtOnce(),
            runner::wake);
    return new Imports(new ImportResource(receiver, jobs), runner, new ImportMetrics(p.jdbi()));
  }

  public ImportResource resource() {
    return resource;
  }

  public ImportRunner runner() {
    return runner;
  }

  /** The import state for {@link vn.tangthu.archive.metrics.ArchiveMetrics#imports}. */
  public Supplier<ImportFigures> figures() {
    return metrics;
  }
}
