package vn.tangthu.archive;

import java.util.ArrayList;
import java.util.List;
import vn.tangthu.archive.export.ExportResource;
import vn.tangthu.archive.health.RetentionLockHealthCheck;
import vn.tangthu.archive.record.RecordReader;
import vn.tangthu.archive.retention.RetentionFeature;
import vn.tangthu.archive.seal.ArchiveKeys;
import vn.tangthu.archive.sweep.Sweeps;

/**
 * Legal retention and disposition: schedules, dossiers and holds with the storage lock keeper
 * ({@link #feature}, built before ingest, which consults its hook), then their resources with the
 * disposition sweeps and the transfer export ({@link #resources}, once records can be read).
 */
final class RetentionWiring {
  private RetentionWiring() {}

  static RetentionFeature feature(CoreWiring core) {
    RetentionFeature retention =
        RetentionFeature.create(core.jdbi(), core.store(), core.originals(), core.clock());
    retention.keeper().shareWith(core.leases());
    core.env().lifecycle().manage(retention.keeper());
    core.env()
        .healthChecks()
        .register("retention-lock", new RetentionLockHealthCheck(retention.lockProblem()));
    return retention;
  }

  static List<Object> resources(
      CoreWiring core,
      RetentionFeature retention,
      SearchWiring search,
      RecordReader reader,
      ArchiveKeys keys,
      String organisation) {
    List<Object> resources = new ArrayList<>();
    resources.addAll(
        retention.resources(core.agencies(), core.access(), reader, search.index(), core.audit()));
    resources.addAll(
        Sweeps.resources(
            new Sweeps.Parts(
                core.jdbi(),
                core.store(),
                core.originals(),
                core.derived(),
                search.worker(),
                search.index(),
                core.agencies(),
                core.access(),
                keys,
                core.audit(),
                core.env().getObjectMapper(),
                core.clock(),
                organisation,
                core.leases())));
    resources.add(
        new ExportResource(
            core.jdbi(),
            search.index(),
            core.access(),
            core.store(),
            core.originals(),
            core.audit(),
            core.clock(),
            organisation));
    return resources;
  }
}
