package vn.tangthu.archive.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of the trail, in one place. */
final class AuditRows {

  static final String COLUMNS =
      "id, occurred_at, actor, roles, agency_code, action, target_type, target_id, outcome,"
          + " client_address, details, prev_hash, hash";

  static final RowMapper<AuditEntry> ENTRY = AuditRows::map;

  private AuditRows() {}

  /** The database's own record of the newest entry (the {@code audit_head} row). */
  record Head(long lastId, String lastHash) {}

  /** The head row, locked until the transaction ends: appends are serialised by this lock. */
  static Head lockHead(Handle h) {
    return h.createQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
        .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
        .one();
  }

  static Head head(Handle h) {
    return h.createQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
        .map((rs, ctx) -> new Head(rs.getLong(1), rs.getString(2)))
        .one();
  }

  static void insert(Handle h, List<AuditEntry> entries) {
    PreparedBatch b =
        h.prepareBatch(
            "INSERT INTO audit_log ("
                + COLUMNS
                + ") VALUES (:id, :at, :actor, :roles, :agency, :action, :targetType, :targetId,"
                + " :outcome, :client, :details, :prevHash, :hash)");
    for (AuditEntry e : entries) {
      b.bind("id", e.id())
          .bind("at", OffsetDateTime.ofInstant(e.occurredAt(), java.time.ZoneOffset.UTC))
          .bind("actor", e.actor())
          .bind("roles", e.rolesText())
          .bind("agency", e.agencyCode())
          .bind("action", e.action())
          .bind("targetType", e.targetType())
          .bind("targetId", e.targetId())
          .bind("outcome", e.outcome())
          .bind("client", e.clientAddress())
          .bind("details", e.detailsJson())
          .bind("prevHash", e.prevHash())
          .bind("hash", e.hash())
          .add();
    }
    b.execute();
  }

  static void moveHead(Handle h, AuditEntry last) {
    h.execute(
        "UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1", last.id(), last.hash());
  }

  static Optional<AuditEntry> find(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM audit_log WHERE id = :id")
        .bind("id", id)
        .map(ENTRY)
        .findOne();
  }

  static List<AuditEntry> after(Handle h, long after, int limit) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM audit_log WHERE id > :after ORDER BY id LIMIT :limit")
        .bind("after", after)
        .bind("limit", limit)
        .map(ENTRY)
        .list();
  }

  /**
   * A page of entries matching {@code q}, newest first, with one more than asked for (to tell
   * whether there is a next page).
   *
   * @param agencies only entries whose agency is one of these; null for every entry
   */
  static List<AuditEntry> page(Handle h, AuditQuery q, Set<String> agencies) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE TRUE");
    if (agencies != null) {
      sql.append(" AND agency_code = ANY(:agencies)");
    }
    if (q.targetId() != null) {
      sql.append(" AND target_id = :targetId");
    }
    if (q.actor() != null) {
      sql.append(" AND actor = :actor");
    }
    if (q.action() != null) {
      sql.append(" AND action = :action");
    }
    if (q.from() != null) {
      sql.append(" AND occurred_at >= :from");
    }
    if (q.to() != null) {
      sql.append(" AND occurred_at < :to");
    }
    if (q.before() != null) {
      sql.append(" AND id < :before");
    }
    sql.append(" ORDER BY id DESC LIMIT :limit");
    var query = h.createQuery(sql.toString()).bind("limit", q.size() + 1);
    if (agencies != null) {
      query.bind("agencies", agencies.toArray(String[]::new));
    }
    if (q.targetId() != null) {
      query.bind("targetId", q.targetId());
    }
    if (q.actor() != null) {
      query.bind("actor", q.actor());
    }
    if (q.action() != null) {
      query.bind("action", q.action());
    }
    if (q.from() != null) {
      query.bind("from", OffsetDateTime.ofInstant(q.from(), java.time.ZoneOffset.UTC));
    }
    if (q.to() != null) {
      query.bind("to", OffsetDateTime.ofInstant(q.to(), java.time.ZoneOffset.UTC));
    }
    if (q.before() != null) {
      query.bind("before", q.before());
    }
    return query.map(ENTRY).list();
  }

  private static AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new AuditEntry(
        rs.getLong("id"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("roles"),
        rs.getString("agency_code"),
        rs.getString("action"),
        rs.getString("target_type"),
        rs.getString("target_id"),
        rs.getString("outcome"),
        rs.getString("client_address"),
        rs.getString("details"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
