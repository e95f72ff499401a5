package vn.tangthu.archive.maintenance;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.indexing.IndexDocuments;
import vn.tangthu.archive.record.RecordDao;

/**
 * {@code reindex [config.yml]}: rebuilds the local search index offline, from PostgreSQL and the
 * stored text objects. Refuses to start while a server holds the data directory.
 */
public final class ReindexCommand extends ConfiguredCommand<ArchiveConfiguration> {

  public ReindexCommand() {
    super("reindex", "Rebuild the search index from PostgreSQL and the stored texts (offline)");
  }

  @Override
  protected void run(
      Bootstrap<ArchiveConfiguration> bootstrap, Namespace namespace, ArchiveConfiguration config)
      throws Exception {
    try (OfflineArchive archive = new OfflineArchive(config)) {
      var jdbi = archive.jdbi();
      AccessPolicy access =
          new AccessPolicy(
              new AgencyDirectory(jdbi, java.time.Clock.systemUTC()),
              (id, user) -> jdbi.withExtension(RecordDao.class, d -> d.granted(id, user)));
      Path indexDir = archive.dataDir().root().resolve(config.getIndex().directory());
      new Reindexer(
              jdbi,
              archive.store(),
              archive.storage().derivedBucket(),
              new IndexDocuments(access),
              System.out)
          .rebuild(indexDir);
    }
  }
}
