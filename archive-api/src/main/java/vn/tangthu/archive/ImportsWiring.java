package vn.tangthu.archive;

import java.io.IOException;
import vn.tangthu.archive.config.ImportConfig;
import vn.tangthu.archive.imports.Imports;
import vn.tangthu.archive.record.IngestService;

/**
 * Import jobs ({@code POST /imports}): packages received into the derived bucket, items stored
 * through the one ingest path by a leased runner. The runner is registered last, so it starts last
 * and stops first.
 */
final class ImportsWiring {
  private ImportsWiring() {}

  static Imports create(CoreWiring core, ImportConfig config, IngestService ingest)
      throws IOException {
    Imports imports =
        Imports.create(
            new Imports.Parts(
                core.jdbi(),
                core.store(),
                core.derived(),
                ingest,
                core.access(),
                core.agencies(),
                core.audit(),
                core.env().getObjectMapper(),
                core.clock(),
                config,
                NodeWiring.nodeName(core.dataDir()),
                core.dataDir().tmp()));
    core.env().lifecycle().manage(imports.runner()); // last started, first stopped
    return imports;
  }
}
