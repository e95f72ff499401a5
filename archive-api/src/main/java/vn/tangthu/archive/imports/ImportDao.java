package vn.tangthu.archive.imports;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Import jobs, their leases and their items' results. */
@RegisterConstructorMapper(ImportJob.class)
public interface ImportDao {

  String COLUMNS =
      "id, status, format, agency_code, created_by, created_by_id, created_token, created_at,"
          + " started_at, finished_at, package_name, package_bucket, package_key, bytes, sha256,"
          + " options::text AS options, total, failure_code, failure_message, idempotency_key,"
          + " fingerprint, lease_owner, lease_token, lease_expires_at";

  @SqlUpdate(
      "INSERT INTO import_jobs (id, status, format, agency_code, created_by, created_by_id,"
          + " created_token, created_at, package_name, package_bucket, package_key, bytes, sha256,"
          + " options, total, idempotency_key, fingerprint)"
          + " VALUES (:id, 'QUEUED', :format, :agencyCode, :createdBy, :createdById, :createdToken,"
          + " :createdAt, :packageName, :packageBucket, :packageKey, :bytes, :sha256,"
          + " CAST(:options AS jsonb), :total, :idempotencyKey, :fingerprint)"
          + " ON CONFLICT (created_by_id, idempotency_key) WHERE idempotency_key IS NOT NULL"
          + " DO NOTHING")
  int insert(@BindMethods ImportJob job);

  @SqlQuery("SELECT " + COLUMNS + " FROM import_jobs WHERE id = :id")
  Optional<ImportJob> find(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM import_jobs WHERE created_by_id = :userId AND idempotency_key = :key")
  Optional<ImportJob> findIdempotent(@Bind("userId") long userId, @Bind("key") String key);

  /** The newest jobs first, older than {@code before} when given. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM import_jobs WHERE (CAST(:before AS uuid) IS NULL OR id < :before)"
          + " ORDER BY id DESC LIMIT :limit")
  List<ImportJob> page(@Bind("before") UUID before, @Bind("limit") int limit);

  /** Like {@link #page}, only the jobs of {@code agencies} or created by {@code userId}. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM import_jobs WHERE (agency_code IN (<agencies>) OR created_by_id = :userId)"
          + " AND (CAST(:before AS uuid) IS NULL OR id < :before) ORDER BY id DESC LIMIT :limit")
  List<ImportJob> pageOf(
      @BindList(value = "agencies", onEmpty = BindList.EmptyHandling.NULL_STRING)
          Collection<String> agencies,
      @Bind("userId") long userId,
      @Bind("before") UUID before,
      @Bind("limit") int limit);

  /** Items counted by status. */
  record Counts(int imported, int duplicate, int failed) {
    int done() {
      return imported + duplicate + failed;
    }
  }

  @RegisterConstructorMapper(Counts.class)
  @SqlQuery(
      "SELECT count(*) FILTER (WHERE status = 'IMPORTED') AS imported,"
          + " count(*) FILTER (WHERE status = 'DUPLICATE') AS duplicate,"
          + " count(*) FILTER (WHERE status = 'FAILED') AS failed"
          + " FROM import_items WHERE job_id = :id")
  Counts counts(@Bind("id") UUID id);

  /**
   * Claims the oldest runnable job (queued, or running under a lapsed lease) for {@code node}: its
   * lease token is raised, so whatever the previous holder still tries to commit is refused.
   */
  @SqlQuery(
      "UPDATE import_jobs j SET status = 'RUNNING', started_at = COALESCE(j.started_at, :now),"
          + " lease_owner = :node, lease_token = j.lease_token + 1, lease_expires_at = :until"
          + " FROM (SELECT id FROM import_jobs WHERE status IN ('QUEUED', 'RUNNING')"
          + " AND (lease_expires_at IS NULL OR lease_expires_at < :now)"
          + " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) c"
          + " WHERE j.id = c.id RETURNING "
          + "j.id, j.status, j.format, j.agency_code, j.created_by, j.created_by_id,"
          + " j.created_token, j.created_at, j.started_at, j.finished_at, j.package_name,"
          + " j.package_bucket, j.package_key, j.bytes, j.sha256, j.options::text AS options,"
          + " j.total, j.failure_code, j.failure_message, j.idempotency_key, j.fingerprint,"
          + " j.lease_owner, j.lease_token, j.lease_expires_at")
  Optional<ImportJob> claim(
      @Bind("node") String node, @Bind("now") Instant now, @Bind("until") Instant until);

  /** Renews the lease; 0 when it was lost (another claim, or the job left RUNNING). */
  @SqlUpdate(
      "UPDATE import_jobs SET lease_expires_at = :until"
          + " WHERE id = :id AND lease_token = :token AND status = 'RUNNING'")
  int renew(@Bind("id") UUID id, @Bind("token") long token, @Bind("until") Instant until);

  /** Gives the lease up, so any node may claim the job from {@code from} on. */
  @SqlUpdate(
      "UPDATE import_jobs SET lease_owner = NULL, lease_expires_at = :from"
          + " WHERE id = :id AND lease_token = :token")
  int release(@Bind("id") UUID id, @Bind("token") long token, @Bind("from") Instant from);

  /** Leases a previous run of this node left behind (it held the data directory: it is gone). */
  @SqlUpdate(
      "UPDATE import_jobs SET lease_owner = NULL, lease_expires_at = NULL"
          + " WHERE lease_owner = :node AND status = 'RUNNING'")
  int releaseAll(@Bind("node") String node);

  /** The job's status and lease token, locked against a new claim until the transaction ends. */
  record Fence(String status, long leaseToken) {}

  @RegisterConstructorMapper(Fence.class)
  @SqlQuery("SELECT status, lease_token FROM import_jobs WHERE id = :id FOR SHARE")
  Optional<Fence> fence(@Bind("id") UUID id);

  @SqlUpdate(
      "UPDATE import_jobs SET status = :status, finished_at = :now, failure_code = :code,"
          + " failure_message = :message, lease_owner = NULL, lease_expires_at = NULL"
          + " WHERE id = :id AND lease_token = :token AND status = 'RUNNING'")
  int finish(
      @Bind("id") UUID id,
      @Bind("token") long token,
      @Bind("status") String status,
      @Bind("code") String code,
      @Bind("message") String message,
      @Bind("now") Instant now);

  @SqlUpdate(
      "UPDATE import_jobs SET status = 'CANCELLED', finished_at = :now, lease_owner = NULL,"
          + " lease_expires_at = NULL WHERE id = :id AND status IN ('QUEUED', 'RUNNING')")
  int cancel(@Bind("id") UUID id, @Bind("now") Instant now);

  /** A finished job whose package is still in S3. */
  record Leftover(UUID id, String packageBucket, String packageKey) {}

  @RegisterConstructorMapper(Leftover.class)
  @SqlQuery(
      "SELECT id, package_bucket, package_key FROM import_jobs WHERE package_key IS NOT NULL"
          + " AND status IN ('DONE', 'FAILED', 'CANCELLED') ORDER BY finished_at LIMIT :limit")
  List<Leftover> leftovers(@Bind("limit") int limit);

  @SqlUpdate("UPDATE import_jobs SET package_key = NULL WHERE id = :id")
  int packageRemoved(@Bind("id") UUID id);

  /** One item's result. */
  record ItemRow(
      int idx,
      String path,
      String status,
      UUID recordId,
      String code,
      String message,
      String messageVi,
      Instant finishedAt) {}

  @SqlUpdate(
      "INSERT INTO import_items (job_id, idx, path, status, record_id, code, message, message_vi,"
          + " finished_at) VALUES (:jobId, :idx, :path, :status, :recordId, :code, :message,"
          + " :messageVi, :finishedAt) ON CONFLICT (job_id, idx) DO NOTHING")
  int insertItem(@Bind("jobId") UUID jobId, @BindMethods ItemRow item);

  @SqlQuery("SELECT idx FROM import_items WHERE job_id = :id")
  List<Integer> doneIndexes(@Bind("id") UUID id);

  @RegisterConstructorMapper(ItemRow.class)
  @SqlQuery(
      "SELECT idx, path, status, record_id, code, message, message_vi, finished_at"
          + " FROM import_items WHERE job_id = :id"
          + " AND (CAST(:status AS text) IS NULL OR status = :status) AND idx > :after"
          + " ORDER BY idx LIMIT :limit")
  List<ItemRow> items(
      @Bind("id") UUID id,
      @Bind("status") String status,
      @Bind("after") int after,
      @Bind("limit") int limit);

  /** The user who created a job, as the job acts for them. */
  record Creator(long id, String username, String agencyCode, String[] roles, Instant disabledAt) {}

  @RegisterConstructorMapper(Creator.class)
  @SqlQuery("SELECT id, username, agency_code, roles, disabled_at FROM users WHERE id = :id")
  Optional<Creator> creator(@Bind("id") long id);

  /** A count of rows with one status. */
  record StatusCount(String status, long n) {}

  /** Jobs by status. */
  @SqlQuery("SELECT status, count(*) AS n FROM import_jobs GROUP BY status")
  @RegisterConstructorMapper(StatusCount.class)
  List<StatusCount> jobsByStatus();

  /** The recorded results of the items of unfinished jobs, by status. */
  @SqlQuery(
      "SELECT i.status, count(*) AS n FROM import_items i JOIN import_jobs j ON j.id = i.job_id"
          + " WHERE j.status IN ('QUEUED', 'RUNNING') GROUP BY i.status")
  @RegisterConstructorMapper(StatusCount.class)
  List<StatusCount> unfinishedItemsByStatus();

  /** How many items the unfinished jobs have in all. */
  @SqlQuery("SELECT coalesce(sum(total), 0) FROM import_jobs WHERE status IN ('QUEUED', 'RUNNING')")
  long unfinishedItems();
}
