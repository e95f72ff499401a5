package vn.tangthu.archive.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.db.Migrations;
import vn.tangthu.archive.db.SchemaSetup;

/**
 * Starts from unusual states: a data directory made by an earlier version (the cluster created with
 * trust authentication, the superuser without a password, the tables owned by it) is secured in
 * place, its data kept, and starts again afterwards; a secured cluster whose password file is gone
 * is reported at once, without generating a new password.
 */
class EmbeddedDatabaseStartIT {

  @TempDir Path tmp;

  @Test
  void anEarlierVersionsClusterIsSecuredInPlace() throws Exception {
    Path data = tmp.resolve("data");
    earlierVersion(data.resolve("pg"));

    try (DataDirectory dir = DataDirectory.acquire(data)) {
      EmbeddedDatabase pg = EmbeddedDatabase.start(dir);
      try {
        SchemaSetup.prepare(pg.owner(), pg.app().user());
        for (String role : List.of("postgres", "tangthu_owner", "tangthu_app")) {
          assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), role, "").close())
              .as(role)
              .isInstanceOf(SQLException.class);
        }
        Jdbi app = pg.app().jdbi();
        assertThat(one(app, "SELECT name FROM agencies", String.class))
            .as("data kept")
            .isEqualTo("UBND tỉnh Bắc Ninh");
        assertThat(
                one(
                    pg.superuser().jdbi(),
                    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public'"
                        + " AND pg_get_userbyid(c.relowner) <> 'tangthu_owner'",
                    Long.class))
            .as("relations the owner role does not own")
            .isZero();
        assertThat(
                one(
                    pg.superuser().jdbi(),
                    "SELECT count(*) FROM pg_hba_file_rules"
                        + " WHERE auth_method <> 'scram-sha-256' OR error IS NOT NULL",
                    Long.class))
            .as("pg_hba.conf entries without a password")
            .isZero();
        assertThatThrownBy(
                () -> app.useHandle(h -> h.execute("ALTER TABLE audit_log DISABLE TRIGGER ALL")))
            .hasMessageContaining("must be owner");
        for (String name :
            List.of(
                EmbeddedDatabase.SUPERUSER_PASSWORD,
                EmbeddedDatabase.OWNER_PASSWORD,
                EmbeddedDatabase.APP_PASSWORD)) {
          assertThat(
                  PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(name))))
              .isEqualTo("rw-------");
        }
      } finally {
        pg.stop();
      }

      EmbeddedDatabase again = EmbeddedDatabase.start(dir);
      try {
        assertThat(SchemaSetup.prepare(again.owner(), again.app().user())).isEmpty();
        assertThat(one(again.app().jdbi(), "SELECT count(*) FROM agencies", Long.class))
            .isEqualTo(1L);
      } finally {
        again.stop();
      }
    }
  }

  @Test
  void aMissingPasswordFileIsReportedAtOnce() throws Exception {
    Path data = tmp.resolve("lost");
    try (DataDirectory dir = DataDirectory.acquire(data)) {
      EmbeddedDatabase.start(dir).stop();
    }
    Files.delete(data.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD));

    try (DataDirectory dir = DataDirectory.acquire(data)) {
      assertThatThrownBy(() -> EmbeddedDatabase.start(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(EmbeddedDatabase.SUPERUSER_PASSWORD + " is missing");
    }
    assertThat(data.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD)).doesNotExist();
  }

  private static <T> T one(Jdbi jdbi, String sql, Class<T> type) {
    return jdbi.withHandle(h -> h.select(sql).mapTo(type).one());
  }

  /** The cluster as the earlier EmbeddedDatabase left it, with one agency. */
  private static void earlierVersion(Path pgDir) throws Exception {
    EmbeddedPostgres old =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgDir)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
    try {
      Jdbi superuser = Jdbi.create(old.getJdbcUrl("postgres", "postgres"));
      new Migrations(superuser).migrate();
      superuser.useHandle(
          h ->
              h.execute(
                  "INSERT INTO agencies (code, name, created_at)"
                      + " VALUES ('BN', 'UBND tỉnh Bắc Ninh', now())"));
    } finally {
      old.close();
    }
  }
}
