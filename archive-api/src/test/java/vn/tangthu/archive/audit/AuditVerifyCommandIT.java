package vn.tangthu.archive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.ArchiveApplication;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.StorageConfig;
import vn.tangthu.archive.db.SchemaSetup;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.embedded.EmbeddedDatabase;
import vn.tangthu.archive.embedded.EmbeddedStorage;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.archive.support.DatabaseAdmin;

/** {@code audit-verify} on an embedded data directory, through Dropwizard's command line. */
class AuditVerifyCommandIT {

  @TempDir static Path tmp;

  @Test
  void verifiesOfflineFailsWhenTamperedAndRefusesAHeldDirectory() throws Exception {
    AuditFixture.quietLogging();
    Path data = tmp.resolve("data");
    writeTrailOf(data, 5);
    Path config = tmp.resolve("config.yml");
    Files.writeString(
        config, "dataDir: " + data + "\nstorage:\n  embeddedPort: 0\nlogging:\n  level: WARN\n");

    assertThat(run(config)).isEmpty();

    try (DataDirectory dir = DataDirectory.acquire(data)) {
      EmbeddedDatabase pg = EmbeddedDatabase.start(dir);
      try {
        DatabaseAdmin.superuser(data)
            .useTransaction(
                h -> {
                  h.execute("SET LOCAL session_replication_role = replica");
                  h.execute("DELETE FROM audit_log WHERE id = 5");
                  h.execute(
                      "UPDATE audit_head SET last_id = 4,"
                          + " last_hash = (SELECT hash FROM audit_log WHERE id = 4)");
                });
      } finally {
        pg.stop();
      }
    }
    Optional<Throwable> broken = run(config);
    assertThat(broken).isPresent();
    assertThat(broken.get())
        .hasMessageContaining("broken at entry 5")
        .hasMessageContaining("TRUNCATED");

    try (DataDirectory held = DataDirectory.acquire(data)) {
      Optional<Throwable> refused = run(config);
      assertThat(refused).isPresent();
      assertThat(refused.get()).hasMessageContaining("in use");
    }
  }

  /** An archive data directory as the server leaves it, with {@code n} audit entries. */
  private static void writeTrailOf(Path data, int n) throws Exception {
    try (DataDirectory dir = DataDirectory.acquire(data)) {
      EmbeddedDatabase pg = EmbeddedDatabase.start(dir);
      EmbeddedStorage node = EmbeddedStorage.start(dir, 0);
      try {
        SchemaSetup.prepare(pg.owner(), pg.app().user());
        Jdbi jdbi = pg.app().jdbi();
        jdbi.installPlugin(new PostgresPlugin());
        ObjectStore store =
            new ObjectStore(
                node.endpoint(),
                "us-east-1",
                node.credentials().accessKey(),
                node.credentials().secretKey());
        String derived = StorageConfig.defaults().derivedBucket();
        store.ensureBucket(derived, false);
        AuditLog log =
            new AuditLog(
                jdbi, new AuditAnchor(store, derived, AuditAnchor.DEFAULT_KEY), Clock.systemUTC());
        for (int i = 1; i <= n; i++) {
          log.appendNow(AuditEvents.event(i));
        }
        assertThat(log.head().entryId()).isEqualTo(n);
        log.close();
        assertThat(log.verify().anchoredId()).isEqualTo(n);
      } finally {
        node.stop();
        pg.stop();
      }
    }
  }

  private Optional<Throwable> run(Path config) throws Exception {
    ArchiveApplication app = new ArchiveApplication();
    Bootstrap<ArchiveConfiguration> bootstrap = new Bootstrap<>(app);
    app.initialize(bootstrap);
    Cli cli = new Cli(new JarLocation(getClass()), bootstrap, System.out, System.err);
    return cli.run("audit-verify", config.toString());
  }
}
