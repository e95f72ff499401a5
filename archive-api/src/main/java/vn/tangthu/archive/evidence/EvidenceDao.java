package vn.tangthu.archive.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Evidence batches and each record's evidence record. */
public interface EvidenceDao {

  /** A record still without evidence. */
  record Pending(UUID id, String sha256) {}

  @RegisterConstructorMapper(Pending.class)
  @SqlQuery(
      "SELECT r.id, r.sha256 FROM records r LEFT JOIN record_evidence e ON e.record_id = r.id"
          + " WHERE e.record_id IS NULL AND r.status = 'ACTIVE' AND (CAST(:after AS uuid) IS NULL"
          + " OR r.id > :after) ORDER BY r.id LIMIT :limit")
  List<Pending> pending(@Bind("after") UUID after, @Bind("limit") int limit);

  @SqlUpdate(
      "INSERT INTO evidence_batches (sealed_at, root_hash, record_count, audit_head_evidence)"
          + " VALUES (:at, :root, :count, :head)")
  @GetGeneratedKeys("id")
  long insertBatch(
      @Bind("at") Instant at,
      @Bind("root") String root,
      @Bind("count") int count,
      @Bind("head") byte[] headEvidence);

  /** One statement batch: the evidence of {@code ids[i]} is {@code ders[i]}. */
  @SqlBatch(
      "INSERT INTO record_evidence (record_id, batch_id, evidence) VALUES (:id, :batch, :der)"
          + " ON CONFLICT (record_id) DO NOTHING")
  void insertEvidence(
      @Bind("id") List<UUID> ids, @Bind("batch") long batch, @Bind("der") List<byte[]> ders);

  @SqlQuery("SELECT evidence FROM record_evidence WHERE record_id = :id")
  Optional<byte[]> evidence(@Bind("id") UUID id);

  @SqlQuery("SELECT max(sealed_at) FROM evidence_batches")
  Optional<Instant> lastRun();

  /** A record with its evidence record, as verification and renewal need it. */
  record Protected(UUID id, String status, String objectKey, String sha256, byte[] evidence) {}

  @RegisterConstructorMapper(Protected.class)
  @SqlQuery(
      "SELECT r.id, r.status, r.object_key, r.sha256, e.evidence FROM records r"
          + " JOIN record_evidence e ON e.record_id = r.id WHERE r.id = :id")
  Optional<Protected> protectedRecord(@Bind("id") UUID id);

  @RegisterConstructorMapper(Protected.class)
  @SqlQuery(
      "SELECT r.id, r.status, r.object_key, r.sha256, e.evidence FROM records r"
          + " JOIN record_evidence e ON e.record_id = r.id WHERE r.status = 'ACTIVE'"
          + " AND (CAST(:after AS uuid) IS NULL OR r.id > :after) ORDER BY r.id LIMIT :limit")
  List<Protected> protectedPage(@Bind("after") UUID after, @Bind("limit") int limit);

  /** A record with its evidence record when it has one ({@code evidence} null otherwise). */
  @RegisterConstructorMapper(Protected.class)
  @SqlQuery(
      "SELECT r.id, r.status, r.object_key, r.sha256, e.evidence FROM records r"
          + " LEFT JOIN record_evidence e ON e.record_id = r.id WHERE r.id = :id")
  Optional<Protected> stored(@Bind("id") UUID id);

  /** Keeps the replaced bytes in the history, then stores the renewed evidence record. */
  @SqlUpdate(
      "WITH old AS (INSERT INTO record_evidence_history (record_id, replaced_at, renewal,"
          + " evidence) SELECT record_id, :at, :renewal, evidence FROM record_evidence"
          + " WHERE record_id = :id AND evidence = :previous RETURNING record_id)"
          + " UPDATE record_evidence SET evidence = :der, renewed_at = :at"
          + " WHERE record_id IN (SELECT record_id FROM old)")
  int renew(
      @Bind("id") UUID id,
      @Bind("previous") byte[] previous,
      @Bind("der") byte[] der,
      @Bind("renewal") String renewal,
      @Bind("at") Instant at);

  @SqlQuery("SELECT evidence FROM record_evidence_history WHERE record_id = :id ORDER BY id")
  List<byte[]> history(@Bind("id") UUID id);
}
