package vn.tangthu.archive.check;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code checks} and {@code check_failures} tables. A node changes a running check only while
 * it holds the check's lease ({@code lease_owner}); every such update says so in its {@code WHERE}
 * clause and answers 0 rows once another node has taken the check over.
 */
@RegisterConstructorMapper(CheckRow.class)
public interface ChecksDao {

  /** A record the check found wanting, and why. */
  record Failure(UUID recordId, String reason) {}

  @SqlUpdate(
      "INSERT INTO checks (id, kind, record_id, scope, created_by, agency_code, created_at)"
          + " VALUES (:id, :kind, :recordId, :scope, :createdBy, :agencyCode, :createdAt)")
  void insert(
      @Bind("id") UUID id,
      @Bind("kind") CheckKind kind,
      @Bind("recordId") UUID recordId,
      @Bind("scope") String[] scope,
      @Bind("createdBy") String createdBy,
      @Bind("agencyCode") String agencyCode,
      @Bind("createdAt") Instant createdAt);

  @SqlQuery("SELECT " + CheckRow.COLUMNS + " FROM checks WHERE id = :id")
  Optional<CheckRow> find(@Bind("id") UUID id);

  /**
   * Takes the oldest check that is not done and whose lease is free or expired, for {@code node}
   * until {@code until}; counts a resumption when it had started before.
   */
  @SqlQuery(
      "UPDATE checks SET status = 'RUNNING', lease_owner = :node, lease_until = :until,"
          + " started_at = coalesce(started_at, :now),"
          + " resumed = resumed + CASE WHEN started_at IS NULL THEN 0 ELSE 1 END"
          + " WHERE id = (SELECT id FROM checks WHERE status <> 'DONE'"
          + " AND (lease_until IS NULL OR lease_until < :now) ORDER BY created_at, id LIMIT 1"
          + " FOR UPDATE SKIP LOCKED) RETURNING "
          + CheckRow.COLUMNS)
  Optional<CheckRow> claim(
      @Bind("node") String node, @Bind("now") Instant now, @Bind("until") Instant until);

  /** Notes how many active records are in the check's scope, once, when it first starts. */
  @SqlUpdate(
      "UPDATE checks c SET total = (SELECT count(*) FROM records r WHERE r.status = 'ACTIVE'"
          + " AND (c.record_id IS NULL OR r.id = c.record_id)"
          + " AND (c.scope IS NULL OR r.agency_code = ANY (c.scope)))"
          + " WHERE c.id = :id AND c.total IS NULL")
  void countTotal(@Bind("id") UUID id);

  /** The next active records in the check's scope after {@code after}, in id order. */
  @SqlQuery(
      "SELECT r.id FROM checks c JOIN records r ON (c.record_id IS NULL OR r.id = c.record_id)"
          + " WHERE c.id = :id AND r.status = 'ACTIVE'"
          + " AND (c.scope IS NULL OR r.agency_code = ANY (c.scope))"
          + " AND (CAST(:after AS uuid) IS NULL OR r.id > :after) ORDER BY r.id LIMIT :limit")
  List<UUID> recordsAfter(@Bind("id") UUID id, @Bind("after") UUID after, @Bind("limit") int limit);

  @SqlBatch(
      "INSERT INTO check_failures (check_id, record_id, reason) VALUES (:id, :recordId, :reason)"
          + " ON CONFLICT DO NOTHING")
  void addFailures(@Bind("id") UUID id, @BindMethods List<Failure> failures);

  /** Adds results up to {@code after} and extends the lease; 0 when the lease was lost. */
  @SqlUpdate(
      "UPDATE checks SET ok = ok + :ok, failed = failed + :failed, pending = pending + :pending,"
          + " after_id = :after, lease_until = :until"
          + " WHERE id = :id AND lease_owner = :node AND status = 'RUNNING'")
  int progress(
      @Bind("id") UUID id,
      @Bind("node") String node,
      @Bind("ok") long ok,
      @Bind("failed") long failed,
      @Bind("pending") long pending,
      @Bind("after") UUID after,
      @Bind("until") Instant until);

  /** Extends the lease; 0 when it was lost. */
  @SqlUpdate(
      "UPDATE checks SET lease_until = :until WHERE id = :id AND lease_owner = :node"
          + " AND status = 'RUNNING'")
  int renew(@Bind("id") UUID id, @Bind("node") String node, @Bind("until") Instant until);

  @SqlUpdate(
      "UPDATE checks SET status = 'DONE', finished_at = :now, lease_owner = NULL,"
          + " lease_until = NULL WHERE id = :id AND lease_owner = :node AND status = 'RUNNING'")
  int finish(@Bind("id") UUID id, @Bind("node") String node, @Bind("now") Instant now);

  /** Gives the lease up so any node (this one after a restart) resumes the check at once. */
  @SqlUpdate(
      "UPDATE checks SET lease_owner = NULL, lease_until = NULL"
          + " WHERE id = :id AND lease_owner = :node AND status = 'RUNNING'")
  int release(@Bind("id") UUID id, @Bind("node") String node);

  @RegisterConstructorMapper(Failure.class)
  @SqlQuery(
      "SELECT record_id, reason FROM check_failures WHERE check_id = :id"
          + " AND (CAST(:after AS uuid) IS NULL OR record_id > :after)"
          + " ORDER BY record_id LIMIT :limit")
  List<Failure> failures(@Bind("id") UUID id, @Bind("after") UUID after, @Bind("limit") int limit);
}
