package vn.tangthu.archive.audit;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.db.Migrations;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.storage.Credentials;
import vn.tangthu.storage.StorageNode;
import vn.tangthu.storage.StorageNodeConfig;

/**
 * Real embedded PostgreSQL and a real storage node over loopback, started once per test class;
 * every {@link #newTrail} is a fresh, migrated database with its own anchor object.
 */
final class AuditFixture implements AutoCloseable {

  static final String BUCKET = "audit-derived";

  private final EmbeddedPostgres postgres;
  private final StorageNode node;
  private final ObjectStore store;
  private final AtomicInteger databases = new AtomicInteger();

  AuditFixture(Path dir) throws Exception {
    quietLogging();
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir.resolve("pg"))
            .setCleanDataDirectory(true)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("fsync", "off")
            .setServerConfig("max_connections", "100")
            .start();
    Credentials c = new Credentials("audit-key", "audit-secret-12345");
    node = StorageNode.start(StorageNodeConfig.loopback(dir.resolve("node"), 0, c));
    store = new ObjectStore(node.endpoint().toString(), "us-east-1", c.accessKey(), c.secretKey());
    store.ensureBucket(BUCKET, false);
  }

  /** The console logger defaults to DEBUG without a logback-test.xml; that floods and slows. */
  static void quietLogging() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
  }

  /** A fresh database with the archive's schema, and an anchor of its own. */
  Trail newTrail() {
    String name = "audit_" + databases.incrementAndGet();
    try (Handle h = Jdbi.create(postgres.getJdbcUrl("postgres", "postgres")).open()) {
      h.execute("CREATE DATABASE " + name);
    }
    Jdbi jdbi = Jdbi.create(postgres.getJdbcUrl("postgres", name));
    jdbi.installPlugin(new PostgresPlugin());
    new Migrations(jdbi).migrate();
    return new Trail(jdbi, new AuditAnchor(store, BUCKET, "audit/" + name + "/head.json"));
  }

  /** An anchor at the same place reached with credentials the storage refuses. */
  AuditAnchor unwritable(AuditAnchor anchor) {
    ObjectStore refused =
        new ObjectStore(node.endpoint().toString(), "us-east-1", "audit-key", "wrong-secret-999");
    return new AuditAnchor(refused, BUCKET, anchor.location().substring(BUCKET.length() + 1));
  }

  ObjectStore store() {
    return store;
  }

  @Override
  public void close() throws Exception {
    node.close();
    postgres.close();
  }

  /** One database and its anchor. */
  record Trail(Jdbi jdbi, AuditAnchor anchor) {

    AuditLog log(Clock clock) {
      return new AuditLog(jdbi, anchor, clock);
    }

    AuditLog log(Clock clock, AuditLog.Settings settings) {
      return new AuditLog(jdbi, anchor, clock, settings);
    }

    /** Runs SQL as a privileged attacker would: with the append-only triggers switched off. */
    void tamper(String... statements) {
      jdbi.useTransaction(
          h -> {
            h.execute("SET LOCAL session_replication_role = replica");
            for (String s : statements) {
              h.execute(s);
            }
          });
    }
  }
}
