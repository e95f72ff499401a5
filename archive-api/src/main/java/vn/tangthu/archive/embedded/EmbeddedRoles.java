package vn.tangthu.archive.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.db.DatabaseLogin;

/**
 * The superuser's part of securing the embedded cluster, idempotent and run at every start: the
 * passwords of the superuser, the owner and the runtime role (sent as SCRAM verifiers computed
 * here, never in clear text); both roles as plain logins without any attribute or membership that
 * would lift them; the schema {@code public} and every object in it owned by the owner (a cluster
 * of an earlier version had them owned by the superuser); nobody else may create in it; and {@code
 * pg_hba.conf} asking every connection for a password (after a rewrite, the start waits until a
 * wrong password is refused).
 */
final class EmbeddedRoles {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRoles.class);
  private static final String SCRAM = "scram-sha-256";
  private static final long RELOAD_WAIT_NANOS = 10_000_000_000L;

  private final DatabaseLogin superuser;
  private final DatabaseLogin owner;
  private final DatabaseLogin app;

  EmbeddedRoles(DatabaseLogin superuser, DatabaseLogin owner, DatabaseLogin app) {
    this.superuser = superuser;
    this.owner = owner;
    this.app = app;
  }

  void apply(Path pgDir) throws SQLException, IOException {
    try (Connection c = connect(superuser)) {
      c.setAutoCommit(false);
      PGConnection pg = c.unwrap(PGConnection.class);
      pg.alterUserPassword(superuser.user(), superuser.password().toCharArray(), SCRAM);
      for (DatabaseLogin role : List.of(owner, app)) {
        ensureLogin(c, role.user());
        pg.alterUserPassword(role.user(), role.password().toCharArray(), SCRAM);
      }
      String o = quote(owner.user());
      execute(c, "ALTER SCHEMA public OWNER TO " + o);
      execute(c, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
      execute(c, "GRANT CREATE ON DATABASE " + quote(EmbeddedDatabase.DATABASE) + " TO " + o);
      int moved = transferOwnership(c);
      c.commit();
      if (moved > 0) {
        LOG.warn("Gave {} object(s) of the embedded database to {}", moved, owner.user());
      }
      if (HostBasedAuth.requirePasswords(pgDir)) {
        execute(c, "SELECT pg_reload_conf()");
        c.commit();
        awaitPasswordsRequired();
        LOG.warn("The embedded PostgreSQL now asks every connection for a password");
      }
    }
  }

  /** Creates the role if missing and strips it of every attribute and membership beyond LOGIN. */
  private static void ensureLogin(Connection c, String role) throws SQLException {
    boolean exists;
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      s.setString(1, role);
      try (ResultSet r = s.executeQuery()) {
        exists = r.next();
      }
    }
    String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
    execute(c, (exists ? "ALTER ROLE " : "CREATE ROLE ") + quote(role) + attributes);
    List<String> memberOf = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
                + " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ?")) {
      s.setString(1, role);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          memberOf.add(r.getString(1));
        }
      }
    }
    for (String group : memberOf) {
      execute(c, "REVOKE " + quote(group) + " FROM " + quote(role));
    }
  }

  /** Gives the owner every object of schema public it does not own yet; returns their number. */
  private int transferOwnership(Connection c) throws SQLException {
    String notOwner = " <> " + literal(owner.user()) + "::regrole";
    String notExtension =
        " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = x.oid AND d.deptype = 'e')";
    List<String> sql = new ArrayList<>();
    // Tables first: their indexes, and the sequences of their serial columns, follow them.
    collect(
        c,
        "SELECT format('ALTER %s %s OWNER TO %I', CASE x.relkind WHEN 'v' THEN 'VIEW'"
            + " WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,"
            + " x.oid::regclass, "
            + literal(owner.user())
            + ") FROM pg_class x JOIN pg_namespace n ON n.oid = x.relnamespace"
            + " WHERE n.nspname = 'public' AND x.relkind IN ('r', 'p', 'v', 'm', 'f')"
            + " AND x.relowner"
            + notOwner
            + notExtension,
        sql);
    collect(
        c,
        "SELECT format('ALTER %s %s OWNER TO %I', CASE x.prokind WHEN 'p' THEN 'PROCEDURE'"
            + " WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, x.oid::regprocedure, "
            + literal(owner.user())
            + ") FROM pg_proc x JOIN pg_namespace n ON n.oid = x.pronamespace"
            + " WHERE n.nspname = 'public' AND x.proowner"
            + notOwner
            + notExtension,
        sql);
    collect(
        c,
        "SELECT format('ALTER STATISTICS %I.%I OWNER TO %I', n.nspname, x.stxname, "
            + literal(owner.user())
            + ") FROM pg_statistic_ext x JOIN pg_namespace n ON n.oid = x.stxnamespace"
            + " WHERE n.nspname = 'public' AND x.stxowner"
            + notOwner
            + notExtension,
        sql);
    collect(
        c,
        "SELECT format('ALTER TYPE %s OWNER TO %I', x.oid::regtype, "
            + literal(owner.user())
            + ") FROM pg_type x JOIN pg_namespace n ON n.oid = x.typnamespace"
            + " WHERE n.nspname = 'public' AND x.typowner"
            + notOwner
            + " AND (x.typtype IN ('e', 'd', 'r') OR (x.typtype = 'c' AND"
            + " (SELECT relkind FROM pg_class WHERE oid = x.typrelid) = 'c'))"
            + notExtension,
        sql);
    int count = sql.size();
    for (String s : sql) {
      execute(c, s);
    }
    // Sequences not tied to a table column (those followed their table above).
    List<String> sequences = new ArrayList<>();
    collect(
        c,
        "SELECT format('ALTER SEQUENCE %s OWNER TO %I', x.oid::regclass, "
            + literal(owner.user())
            + ") FROM pg_class x JOIN pg_namespace n ON n.oid = x.relnamespace"
            + " WHERE n.nspname = 'public' AND x.relkind = 'S' AND x.relowner"
            + notOwner
            + notExtension
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = x.oid"
            + " AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass"
            + " AND d.deptype IN ('a', 'i'))",
        sequences);
    for (String s : sequences) {
      execute(c, s);
    }
    return count + sequences.size();
  }

  /**
   * Waits until the server refuses the runtime role with a wrong password (a reload of {@code
   * pg_hba.conf} takes effect a moment after it is signalled).
   *
   * @throws IllegalStateException when it still lets a connection in without the password
   */
  private void awaitPasswordsRequired() {
    long deadline = System.nanoTime() + RELOAD_WAIT_NANOS;
    while (true) {
      try (Connection c = DriverManager.getConnection(app.url(), app.user(), "not-the-password")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "The embedded PostgreSQL still accepts " + app.user() + " without its password");
        }
      } catch (SQLException e) {
        if ("28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState())) {
          return;
        }
        throw new IllegalStateException("Cannot check the embedded PostgreSQL's sign-in", e);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while PostgreSQL reloads", e);
      }
    }
  }

  private static Connection connect(DatabaseLogin login) throws SQLException {
    return DriverManager.getConnection(login.url(), login.user(), login.password());
  }

  private static void collect(Connection c, String query, List<String> into) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        into.add(r.getString(1));
      }
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
