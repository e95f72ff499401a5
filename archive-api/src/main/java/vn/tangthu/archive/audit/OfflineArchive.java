package vn.tangthu.archive.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.DatabaseConfig;
import vn.tangthu.archive.config.StorageConfig;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.embedded.EmbeddedDatabase;
import vn.tangthu.archive.embedded.EmbeddedStorage;
import vn.tangthu.archive.storage.ObjectStore;

/**
 * The archive's database and storage opened by a command, without the server. With an embedded
 * database or storage it takes the data directory's lock, so it refuses to start while a server
 * holds the directory. Closing stops what it started, in reverse order.
 */
final class OfflineArchive implements AutoCloseable {

  private final Jdbi jdbi;
  private final ObjectStore store;
  private final Deque<AutoCloseable> opened;

  private OfflineArchive(Jdbi jdbi, ObjectStore store, Deque<AutoCloseable> opened) {
    this.jdbi = jdbi;
    this.store = store;
    this.opened = opened;
  }

  /**
   * Opens the configured database and storage.
   *
   * @throws IllegalStateException when the data directory is in use or holds no archive
   */
  static OfflineArchive open(ArchiveConfiguration config) throws Exception {
    DatabaseConfig db = config.getDatabase();
    StorageConfig s = config.getStorage();
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      DataDirectory dir = null;
      if (db.embedded() || s.embedded()) {
        if (!Files.isDirectory(config.dataPath())) {
          throw new IllegalStateException("No archive data directory at " + config.dataPath());
        }
        dir = DataDirectory.acquire(config.dataPath());
        opened.push(dir);
      }
      Jdbi jdbi;
      if (db.embedded()) {
        if (!Files.isDirectory(dir.postgres())) {
          throw new IllegalStateException("No embedded database in " + config.dataPath());
        }
        EmbeddedDatabase pg = EmbeddedDatabase.start(dir.postgres());
        opened.push(pg::stop);
        jdbi = connect(pg.jdbcUrl(), pg.user(), null);
      } else {
        jdbi = connect(db.url(), db.user(), db.password());
      }
      jdbi.installPlugin(new PostgresPlugin());
      ObjectStore store;
      if (s.embedded()) {
        EmbeddedStorage node = EmbeddedStorage.start(dir, 0);
        opened.push(node::stop);
        store =
            new ObjectStore(
                node.endpoint(),
                s.region(),
                node.credentials().accessKey(),
                node.credentials().secretKey());
      } else {
        store = new ObjectStore(s.endpoint(), s.region(), s.accessKey(), s.secretKey());
      }
      return new OfflineArchive(jdbi, store, opened);
    } catch (Exception | Error e) {
      closeAll(opened, e);
      throw e;
    }
  }

  private static Jdbi connect(String url, String user, String password) {
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    return Jdbi.create(url, p);
  }

  Jdbi jdbi() {
    return jdbi;
  }

  ObjectStore store() {
    return store;
  }

  @Override
  public void close() throws IOException {
    IOException failure = new IOException("Closing the offline archive failed");
    closeAll(opened, failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }

  private static void closeAll(Deque<AutoCloseable> opened, Throwable collect) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        collect.addSuppressed(e);
      }
    }
  }
}
