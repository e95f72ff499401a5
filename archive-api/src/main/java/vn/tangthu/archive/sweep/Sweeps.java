package vn.tangthu.archive.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.id.Ids;
import vn.tangthu.archive.indexing.IndexerWorker;
import vn.tangthu.archive.lease.Leases;
import vn.tangthu.archive.seal.ArchiveKeys;
import vn.tangthu.archive.storage.ObjectPurge;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.archive.transfer.TransferPackages;
import vn.tangthu.indexer.search.SearchIndex;

/** Builds the sweep feature: its services and the HTTP resources to register. */
public final class Sweeps {

  /** What the feature needs from the running archive. */
  public record Parts(
      Jdbi jdbi,
      ObjectStore store,
      String originalsBucket,
      String derivedBucket,
      IndexerWorker worker,
      SearchIndex index,
      AgencyDirectory agencies,
      AccessPolicy access,
      ArchiveKeys keys,
      AuditTrail audit,
      ObjectMapper json,
      Clock clock,
      String archiveName,
      Leases leases) {}

  /** The software version named in transfer packages. */
  public static final String VERSION = "0.1.0";

  private Sweeps() {}

  /** The resources: {@code /retention/sweeps} and {@code /retention/certificates}. */
  public static List<Object> resources(Parts p) {
    SweepAccess access = new SweepAccess(p.agencies(), p.access());
    Ids ids = new Ids(p.clock());
    SweepService service = new SweepService(p.jdbi(), access, p.audit(), ids, p.clock(), p.json());
    CertificateSealer sealer = new CertificateSealer(p.keys(), p.clock());
    RecordDisposal disposal =
        new RecordDisposal(
            p.jdbi(),
            new ObjectPurge(p.store()),
            p.originalsBucket(),
            p.derivedBucket(),
            p.worker(),
            p.audit(),
            p.clock());
    SweepExecutor executor =
        new SweepExecutor(
            p.jdbi(),
            service,
            access,
            disposal,
            p.worker(),
            p.index(),
            sealer,
            p.audit(),
            ids,
            p.clock(),
            p.leases());
    TransferPackages transfers =
        new TransferPackages(
            p.jdbi(),
            p.store(),
            p.originalsBucket(),
            p.agencies(),
            p.json(),
            p.clock(),
            p.archiveName(),
            VERSION);
    return List.of(
        new SweepResource(
            service,
            executor,
            transfers,
            access,
            p.audit(),
            new vn.tangthu.archive.input.Dates(p.clock())),
        new CertificateResource(p.jdbi(), service, sealer, p.audit()));
  }
}
