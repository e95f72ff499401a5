package vn.tangthu.archive;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.auth.AdminBootstrap;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.StorageConfig;
import vn.tangthu.archive.db.DatabaseLogin;
import vn.tangthu.archive.db.SchemaSetup;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.embedded.EmbeddedDatabase;
import vn.tangthu.archive.embedded.EmbeddedStorage;
import vn.tangthu.archive.storage.ObjectStore;

/**
 * What every feature stands on, built once at start-up: the database (embedded or external, its
 * schema brought up to date by the migration role), the S3 client (the embedded storage node or an
 * external endpoint), the data directory's scratch space, and the start-up announcement. Static and
 * stateless; each part it builds is registered with the lifecycle so it stops in reverse order.
 */
final class Infrastructure {

  private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);

  private Infrastructure() {}

  static Jdbi database(ArchiveConfiguration config, Environment env, DataDirectory dataDir)
      throws IOException {
    var db = config.getDatabase();
    DataSourceFactory ds = new DataSourceFactory();
    ds.setDriverClass("org.postgresql.Driver");
    ds.setMaxSize(db.maxConnections());
    ds.setMinSize(2);
    ds.setInitialSize(2);
    DatabaseLogin runtime;
    DatabaseLogin migration;
    if (db.embedded()) {
      EmbeddedDatabase pg = EmbeddedDatabase.start(dataDir);
      env.lifecycle().manage(pg);
      runtime = pg.app();
      migration = pg.owner();
    } else {
      runtime = db.runtime();
      migration = db.migration();
    }
    SchemaSetup.prepare(migration, runtime.user());
    ds.setUrl(runtime.url());
    ds.setUser(runtime.user());
    ds.setPassword(runtime.password());
    Jdbi jdbi = new JdbiFactory().build(env, ds, "postgresql");
    jdbi.installPlugin(new PostgresPlugin());
    return jdbi;
  }

  static ObjectStore storage(StorageConfig s, Environment env, DataDirectory dataDir)
      throws IOException {
    if (s.embedded()) {
      EmbeddedStorage node = EmbeddedStorage.start(dataDir, s.embeddedPort());
      env.lifecycle().manage(node);
      return new ObjectStore(
          node.endpoint(),
          s.region(),
          node.credentials().accessKey(),
          node.credentials().secretKey());
    }
    return new ObjectStore(s.endpoint(), s.region(), s.accessKey(), s.secretKey());
  }

  static void announce(org.eclipse.jetty.server.Server server, AdminBootstrap.Result admin) {
    for (var connector : server.getConnectors()) {
      if (connector instanceof org.eclipse.jetty.server.ServerConnector c
          && "application".equals(c.getName())) {
        LOG.info("Tàng Thư is ready at http://localhost:{}/api/v1", c.getLocalPort());
      }
    }
    if (admin.generated()) {
      System.out.println(
          "Bootstrap admin token (shown once; also in admin.token): " + admin.token());
    }
  }

  /** Empties {@code tmp}: spooled uploads and import readers' folders a crash left behind. */
  static void clearTmp(Path tmp) throws IOException {
    try (Stream<Path> files = Files.walk(tmp)) {
      files
          .sorted(java.util.Comparator.reverseOrder())
          .filter(f -> !f.equals(tmp))
          .forEach(
              f -> {
                try {
                  Files.deleteIfExists(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  static Managed closing(AutoCloseable c) {
    return new Managed() {
      @Override
      public void stop() throws Exception {
        c.close();
      }
    };
  }
}
