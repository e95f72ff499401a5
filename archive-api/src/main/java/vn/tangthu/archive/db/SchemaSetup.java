package vn.tangthu.archive.db;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date at start-up, signed in as the role that owns it (the migration
 * role), then grants the archive's runtime role exactly what {@link RuntimeGrants} lists. The
 * runtime role owns nothing, so it cannot alter or drop a table or disable the audit trail's
 * triggers. With a single role for both (an external database configured without {@code
 * database.migrationUser}) the migrations run as that role and a warning says what it allows.
 */
public final class SchemaSetup {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaSetup.class);

  private SchemaSetup() {}

  /**
   * Applies the migrations as {@code migration} and sets the privileges of {@code runtimeUser}.
   *
   * @return what is wrong with the runtime role's standing (superuser, owner of objects, allowed to
   *     create in the schema), also logged as warnings; empty when it is as it should be
   */
  public static List<String> prepare(DatabaseLogin migration, String runtimeUser) {
    Jdbi jdbi = migration.jdbi();
    int applied = new Migrations(jdbi).migrate();
    if (applied > 0) {
      LOG.info("Applied {} migration(s) as {}", applied, migration.user());
    }
    if (migration.user().equals(runtimeUser)) {
      String problem =
          "The archive signs in to PostgreSQL as "
              + runtimeUser
              + ", which also owns the schema: it could disable the audit trail's triggers. Set"
              + " database.migrationUser (see deploy/README.md).";
      LOG.warn(problem);
      return List.of(problem);
    }
    List<String> problems =
        jdbi.inTransaction(
            h -> {
              h.execute("SELECT pg_advisory_xact_lock(?)", Migrations.LOCK_KEY);
              RuntimeGrants.apply(h, runtimeUser);
              return standing(h, runtimeUser);
            });
    problems.forEach(LOG::warn);
    return problems;
  }

  private static List<String> standing(Handle h, String role) {
    List<String> problems = new ArrayList<>();
    boolean superuser =
        h.createQuery("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = ?")
            .bind(0, role)
            .mapTo(Boolean.class)
            .findOne()
            .orElse(false);
    if (superuser) {
      problems.add("The archive's role " + role + " is a superuser or bypasses row security");
    }
    long owned =
        h.createQuery(
                "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
                    + " AND pg_get_userbyid(c.relowner) = :r)"
                    + " + (SELECT count(*) FROM pg_namespace WHERE pg_get_userbyid(nspowner) = :r)")
            .bind("r", role)
            .mapTo(Long.class)
            .one();
    if (owned > 0) {
      problems.add("The archive's role " + role + " owns " + owned + " object(s) of the schema");
    }
    boolean create =
        h.createQuery("SELECT has_schema_privilege(?, 'public', 'CREATE')")
            .bind(0, role)
            .mapTo(Boolean.class)
            .one();
    if (create) {
      problems.add(
          "The archive's role "
              + role
              + " may create objects in schema public"
              + " (REVOKE CREATE ON SCHEMA public FROM PUBLIC)");
    }
    return problems;
  }
}
