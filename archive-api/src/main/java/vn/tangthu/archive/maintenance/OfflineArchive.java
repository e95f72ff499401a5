package vn.tangthu.archive.maintenance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.StorageConfig;
import vn.tangthu.archive.db.DatabaseLogin;
import vn.tangthu.archive.db.SchemaSetup;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.embedded.EmbeddedDatabase;
import vn.tangthu.archive.embedded.EmbeddedStorage;
import vn.tangthu.archive.storage.ObjectStore;

/**
 * The archive's data opened by a maintenance command that needs the data directory to itself: it
 * takes the directory's lock (refusing while a server holds it), starts the embedded PostgreSQL and
 * storage node when the configuration says so, and closes them in reverse order (the S3 client
 * first, then the storage node, PostgreSQL and the lock), so the command's JVM has no thread left
 * once its work is done. Its {@link #jdbi()} signs in as the archive's runtime role, like the
 * server's pool.
 */
public final class OfflineArchive implements AutoCloseable {

  private final List<AutoCloseable> opened = new ArrayList<>();
  private final DataDirectory dataDir;
  private final Jdbi jdbi;
  private final ObjectStore store;
  private final StorageConfig storage;

  /**
   * Opens the archive of {@code config}.
   *
   * @throws IllegalStateException when a server (or another command) holds the data directory
   */
  public OfflineArchive(ArchiveConfiguration config) throws IOException {
    dataDir = DataDirectory.acquire(config.dataPath());
    opened.add(dataDir);
    try {
      var db = config.getDatabase();
      DatabaseLogin runtime;
      DatabaseLogin migration;
      if (db.embedded()) {
        EmbeddedDatabase pg = EmbeddedDatabase.start(dataDir);
        opened.add(pg::stop);
        runtime = pg.app();
        migration = pg.owner();
      } else {
        runtime = db.runtime();
        migration = db.migration();
      }
      SchemaSetup.prepare(migration, runtime.user());
      jdbi = runtime.jdbi();
      jdbi.installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
      storage = config.getStorage();
      if (storage.embedded()) {
        EmbeddedStorage node = EmbeddedStorage.start(dataDir, 0);
        opened.add(node::stop);
        store =
            new ObjectStore(
                node.endpoint(),
                storage.region(),
                node.credentials().accessKey(),
                node.credentials().secretKey());
      } else {
        store =
            new ObjectStore(
                storage.endpoint(), storage.region(), storage.accessKey(), storage.secretKey());
      }
      opened.add(store);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  public DataDirectory dataDir() {
    return dataDir;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public ObjectStore store() {
    return store;
  }

  public StorageConfig storage() {
    return storage;
  }

  @Override
  public void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        System.err.println("Closing failed: " + e);
      }
    }
    opened.clear();
  }
}
