package vn.tangthu.archive.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tangthu.archive.db.Migrations;
import vn.tangthu.archive.support.DatabaseAdmin;
import vn.tangthu.archive.support.RunningArchive;

/**
 * The embedded PostgreSQL of a running archive: no role signs in without its password (kept in the
 * data directory, mode 0600), there is no Unix socket, and the archive's own connection pool signs
 * in as a role that owns nothing and so cannot disable, empty or rewrite the audit trail, nor alter
 * or drop a table; the owner role can still migrate, and its new tables reach the archive through
 * default privileges.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDatabaseSecurityIT {

  private static final List<String> PASSWORD_FILES =
      List.of("postgres-superuser.password", "postgres-owner.password", "postgres-app.password");

  @TempDir static Path tmp;
  private RunningArchive archive;
  private Path data;

  @BeforeAll
  void start() throws Exception {
    data = tmp.resolve("data");
    archive = RunningArchive.start(data);
    HttpResponse<String> r =
        archive.postJson(
            "agencies", archive.adminToken(), "{\"code\":\"BN\",\"name\":\"UBND tỉnh Bắc Ninh\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  @Test
  void passwordsAreKeptReadableByTheOwnerOnly() throws Exception {
    for (String name : PASSWORD_FILES) {
      Path file = data.resolve(name);
      assertThat(file).as(name).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(name)
          .isEqualTo("rw-------");
      assertThat(Files.readString(file).strip()).as(name).hasSizeGreaterThanOrEqualTo(32);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "tangthu_owner", "tangthu_app"})
  void noRoleSignsInOverLoopbackWithoutItsPassword(String role) throws Exception {
    String url = DatabaseAdmin.url(data);
    assertThatThrownBy(() -> DriverManager.getConnection(url, role, "").close())
        .as("%s without a password", role)
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> DriverManager.getConnection(url, role, "postgres").close())
        .as("%s with a wrong password", role)
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
  }

  @Test
  void thereIsNoUnixSocket() throws Exception {
    List<String> pid = Files.readAllLines(data.resolve("pg").resolve("postmaster.pid"));
    String port = pid.get(3).strip();
    assertThat(pid.get(4).strip()).as("socket directory in postmaster.pid").isEmpty();
    for (String dir : List.of("/tmp", "/var/run/postgresql", "/run/postgresql")) {
      assertThat(Path.of(dir, ".s.PGSQL." + port)).doesNotExist();
    }
    try (Connection c = superuserConnection()) {
      var r = c.createStatement().executeQuery("SHOW unix_socket_directories");
      r.next();
      assertThat(r.getString(1)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
        "ALTER TABLE audit_log DISABLE TRIGGER ALL",
        "ALTER TABLE audit_head DISABLE TRIGGER audit_head_forward_only",
        "DROP TRIGGER audit_log_append_only ON audit_log",
        "CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql"
            + " AS $$ BEGIN RETURN OLD; END $$",
        "SET session_replication_role = replica",
        "SET LOCAL session_replication_role = replica",
        "TRUNCATE audit_log",
        "TRUNCATE audit_head",
        "TRUNCATE records",
        "DELETE FROM audit_log",
        "UPDATE audit_log SET actor = 'ai đó'",
        "DELETE FROM audit_head",
        "DROP TABLE audit_log",
        "DROP TABLE records CASCADE",
        "ALTER TABLE records ADD COLUMN evil integer",
        "ALTER TABLE records DROP CONSTRAINT records_pkey CASCADE",
        "ALTER TABLE audit_log OWNER TO tangthu_app",
        "CREATE TABLE evil (id integer)",
        "CREATE FUNCTION evil() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
        "SET ROLE tangthu_owner",
        "SET ROLE postgres",
        "ALTER ROLE tangthu_app SUPERUSER",
        "GRANT tangthu_owner TO tangthu_app",
        "UPDATE schema_migrations SET checksum = 'x'"
      })
  void theArchivesRoleCannotTamper(String statement) {
    Jdbi pool = archive.wiring().jdbi();
    assertThatThrownBy(
            () ->
                pool.useTransaction(
                    h -> {
                      h.execute(statement);
                      h.rollback();
                    }))
        .as(statement)
        .hasRootCauseInstanceOf(SQLException.class)
        .rootCause()
        .satisfies(
            e ->
                assertThat(((SQLException) e).getSQLState()).as(e.getMessage()).isEqualTo("42501"));
  }

  @Test
  void theArchivesRoleHoldsOnlyItsGrantsAndOwnsNothing() {
    assertThat(asArchive("SELECT current_user", String.class)).isEqualTo("tangthu_app");
    assertThat(
            asArchive(
                "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls"
                    + " FROM pg_roles WHERE rolname = current_user",
                Boolean.class))
        .isFalse();
    assertThat(
            asArchive(
                "SELECT count(*) FROM pg_class"
                    + " WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)",
                Long.class))
        .isZero();
    assertThat(privileges("audit_log")).containsExactly("SELECT", "INSERT");
    assertThat(privileges("audit_head")).containsExactly("SELECT", "UPDATE");
    assertThat(privileges("schema_migrations")).containsExactly("SELECT");
    assertThat(privileges("records")).containsExactly("SELECT", "INSERT", "UPDATE", "DELETE");
    assertThat(
            asArchive(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S')"
                    + " AND pg_get_userbyid(c.relowner) <> 'tangthu_owner'",
                Long.class))
        .as("tables and sequences not owned by the owner role")
        .isZero();
  }

  @Test
  void theOwnerMigratesAndItsNewTablesReachTheArchive() throws Exception {
    Jdbi owner = DatabaseAdmin.owner(data);
    assertThat(new Migrations(owner).migrate()).as("nothing left to apply").isZero();
    owner.useTransaction(
        h -> {
          h.execute("CREATE TABLE future_feature (id bigserial PRIMARY KEY, note text)");
          h.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
          for (String p : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
            assertThat(
                    h.select("SELECT has_table_privilege('tangthu_app', 'future_feature', ?)", p)
                        .mapTo(Boolean.class)
                        .one())
                .as(p)
                .isTrue();
          }
          for (String p : List.of("TRUNCATE", "TRIGGER", "REFERENCES")) {
            assertThat(
                    h.select("SELECT has_table_privilege('tangthu_app', 'future_feature', ?)", p)
                        .mapTo(Boolean.class)
                        .one())
                .as(p)
                .isFalse();
          }
          assertThat(
                  h.select(
                          "SELECT has_sequence_privilege('tangthu_app',"
                              + " 'future_feature_id_seq', 'USAGE')")
                      .mapTo(Boolean.class)
                      .one())
              .isTrue();
          h.rollback();
        });
  }

  @Test
  void theTrailStillVerifies() throws Exception {
    HttpResponse<String> r = archive.get("audit/verify", archive.adminToken());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(RunningArchive.json(r).get("valid").asBoolean()).as(r.body()).isTrue();
  }

  private <T> T asArchive(String sql, Class<T> type) {
    return archive.wiring().jdbi().withHandle(h -> h.select(sql).mapTo(type).one());
  }

  private List<String> privileges(String table) {
    return archive
        .wiring()
        .jdbi()
        .withHandle(
            h ->
                h.select(
                        "SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE',"
                            + " 'TRUNCATE', 'REFERENCES', 'TRIGGER']) WITH ORDINALITY AS t(p, i)"
                            + " WHERE has_table_privilege(current_user, ?, p) ORDER BY i",
                        table)
                    .mapTo(String.class)
                    .list());
  }

  private Connection superuserConnection() throws Exception {
    String password = Files.readString(data.resolve("postgres-superuser.password")).strip();
    return DriverManager.getConnection(DatabaseAdmin.url(data), "postgres", password);
  }
}
