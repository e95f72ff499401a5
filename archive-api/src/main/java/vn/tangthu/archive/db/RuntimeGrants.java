package vn.tangthu.archive.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The privileges of the archive's runtime role, set by the schema's owner after every migration:
 * {@code SELECT, INSERT, UPDATE, DELETE} on the tables of schema {@code public} and {@code USAGE,
 * SELECT} on its sequences, except the tables in {@link #RESTRICTED}, which get only what the
 * application does with them (the audit trail is read and appended to, its head moved forward).
 * Never {@code TRUNCATE}, {@code REFERENCES}, {@code TRIGGER} or ownership: the runtime role cannot
 * alter, drop or disable the triggers of a table. Default privileges give tables created later by
 * the owner the same grants, and the next start makes every table's privileges exactly these again
 * (all in one transaction, under the migrations' advisory lock).
 *
 * <p>A migration adding a table the runtime role must not change freely adds it to {@link
 * #RESTRICTED}.
 */
public final class RuntimeGrants {

  /** Table → the only privileges the runtime role holds on it. */
  public static final Map<String, String> RESTRICTED = restricted();

  private RuntimeGrants() {}

  private static Map<String, String> restricted() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("audit_log", "SELECT, INSERT");
    m.put("audit_head", "SELECT, UPDATE");
    m.put("schema_migrations", "SELECT");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Sets the runtime role's privileges; call as the owner of the schema's tables, in a transaction.
   *
   * @param runtime the role the archive's connection pool signs in as
   */
  public static void apply(Handle owner, String runtime) {
    for (String sql : statements(runtime, existing(owner))) {
      owner.execute(sql);
    }
  }

  static List<String> statements(String runtime, List<String> existingTables) {
    String role = quote(runtime);
    List<String> sql = new ArrayList<>();
    sql.add("GRANT USAGE ON SCHEMA public TO " + role);
    sql.add("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + role);
    sql.add("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM " + role);
    sql.add("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role);
    sql.add("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role);
    sql.add(
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public"
            + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "
            + role);
    sql.add(
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + role);
    for (Map.Entry<String, String> e : RESTRICTED.entrySet()) {
      if (existingTables.contains(e.getKey())) {
        String table = "public." + quote(e.getKey());
        sql.add("REVOKE ALL ON " + table + " FROM " + role);
        sql.add("GRANT " + e.getValue() + " ON " + table + " TO " + role);
      }
    }
    return sql;
  }

  private static List<String> existing(Handle h) {
    return h.createQuery(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')")
        .mapTo(String.class)
        .list();
  }

  /** A role or table name as a quoted SQL identifier. */
  static String quote(String identifier) {
    if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("Not a usable SQL identifier: " + identifier);
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
