package vn.tangthu.archive.record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code records} table and the rows that commit with a record. */
@RegisterConstructorMapper(RecordRow.class)
public interface RecordDao {

  String COLUMNS =
      "id, agency_code, main_record_id, subject, type_name, number, notation, issued_date,"
          + " issuer, file_code, doc_code, language, access_level, confidence, keywords,"
          + " description, series_code, work_end_date, sha256, size, content_type, file_name,"
          + " page_count, object_key, signature_key, created_at, created_by, status,"
          + " extraction_status, extraction_reason, text_key, text_language, signature::text AS"
          + " signature, receipt";

  @SqlUpdate(
      "INSERT INTO records (id, agency_code, main_record_id, subject, type_name, number,"
          + " notation, issued_date, issuer, file_code, doc_code, language, access_level,"
          + " confidence, keywords, description, series_code, work_end_date, sha256, size,"
          + " content_type, file_name, object_key, signature_key, created_at, created_by, signature,"
          + " receipt)"
          + " VALUES (:id, :agencyCode, :mainRecordId, :subject, :typeName, :number, :notation,"
          + " :issuedDate, :issuer, :fileCode, :docCode, :language, :accessLevel, :confidence,"
          + " :keywords, :description, :seriesCode, :workEndDate, :sha256, :size, :contentType,"
          + " :fileName, :objectKey, :signatureKey, :createdAt, :createdBy,"
          + " CAST(:signature AS jsonb), :receipt)")
  void insert(@BindMethods RecordRow row);

  @SqlQuery("SELECT " + COLUMNS + " FROM records WHERE id = :id")
  Optional<RecordRow> find(@Bind("id") UUID id);

  @SqlQuery("SELECT " + COLUMNS + " FROM records WHERE id IN (<ids>)")
  List<RecordRow> findAll(@BindList("ids") List<UUID> ids);

  /** A page of the records of {@code agencyCode} filed under {@code fileCode}, in id order. */
  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM records WHERE file_code = :fileCode AND agency_code = :agencyCode"
          + " AND (CAST(:after AS uuid) IS NULL OR id > :after) ORDER BY id LIMIT :limit")
  List<RecordRow> pageByFileCode(
      @Bind("fileCode") String fileCode,
      @Bind("agencyCode") String agencyCode,
      @Bind("after") UUID after,
      @Bind("limit") int limit);

  /** A record's effective retention as last computed, and its active legal holds. */
  record RetentionColumns(
      String retentionState,
      String retentionSeries,
      String retentionPeriod,
      String retentionAction,
      java.time.LocalDate eligibleOn,
      String holds) {

    /** The active hold ids. */
    public List<UUID> holdIds() {
      return holds == null || holds.isEmpty()
          ? List.of()
          : java.util.Arrays.stream(holds.split(",")).map(UUID::fromString).toList();
    }
  }

  @RegisterConstructorMapper(RetentionColumns.class)
  @SqlQuery(
      "SELECT retention_state, retention_series, retention_period, retention_action,"
          + " eligible_on, (SELECT string_agg(hr.hold_id::text, ',' ORDER BY hr.hold_id)"
          + " FROM hold_records hr JOIN holds h ON h.id = hr.hold_id"
          + " WHERE hr.record_id = r.id AND h.released_at IS NULL) AS holds"
          + " FROM records r WHERE r.id = :id")
  RetentionColumns retention(@Bind("id") UUID id);

  @SqlUpdate("UPDATE records SET object_version = :version WHERE id = :id")
  int setObjectVersion(@Bind("id") UUID id, @Bind("version") String version);

  @SqlQuery("SELECT id FROM records WHERE agency_code = :agencyCode AND doc_code = :docCode")
  Optional<UUID> findByDocCode(
      @Bind("agencyCode") String agencyCode, @Bind("docCode") String docCode);

  @SqlQuery("SELECT id FROM records WHERE main_record_id = :id ORDER BY id")
  List<UUID> attachmentIds(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM records WHERE (CAST(:agencyCode AS text) IS NULL OR agency_code ="
          + " :agencyCode) AND (CAST(:after AS uuid) IS NULL OR id > :after)"
          + " ORDER BY id LIMIT :limit")
  List<RecordRow> page(
      @Bind("agencyCode") String agencyCode, @Bind("after") UUID after, @Bind("limit") int limit);

  @SqlUpdate(
      "UPDATE records SET extraction_status = :status, extraction_reason = :reason,"
          + " text_key = :textKey, text_language = :language, page_count = :pageCount,"
          + " content_type = COALESCE(:contentType, content_type) WHERE id = :id")
  int setExtraction(
      @Bind("id") UUID id,
      @Bind("status") String status,
      @Bind("reason") String reason,
      @Bind("textKey") String textKey,
      @Bind("language") String language,
      @Bind("pageCount") Integer pageCount,
      @Bind("contentType") String contentType);

  /** A used Idempotency-Key: the record it made and the request's fingerprint (null if older). */
  record IdempotentUse(UUID recordId, String fingerprint) {}

  @SqlQuery(
      "SELECT record_id, fingerprint FROM idempotency_keys WHERE user_id = :userId AND key = :key")
  @RegisterConstructorMapper(IdempotentUse.class)
  Optional<IdempotentUse> findIdempotent(@Bind("userId") long userId, @Bind("key") String key);

  @SqlUpdate(
      "INSERT INTO idempotency_keys (user_id, key, record_id, fingerprint, created_at)"
          + " VALUES (:userId, :key, :recordId, :fingerprint, :now) ON CONFLICT DO NOTHING")
  int insertIdempotent(
      @Bind("userId") long userId,
      @Bind("key") String key,
      @Bind("recordId") UUID recordId,
      @Bind("fingerprint") String fingerprint,
      @Bind("now") Instant now);

  @SqlUpdate(
      "INSERT INTO upload_intents (bucket, object_key, created_at) VALUES (:bucket, :key, :now)")
  void insertIntent(
      @Bind("bucket") String bucket, @Bind("key") String key, @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM upload_intents WHERE bucket = :bucket AND object_key = :key")
  int deleteIntent(@Bind("bucket") String bucket, @Bind("key") String key);

  @SqlQuery(
      "SELECT EXISTS (SELECT 1 FROM record_grants WHERE record_id = :id AND username = :username)")
  boolean granted(@Bind("id") UUID id, @Bind("username") String username);

  /** A grant of a RESTRICTED record. */
  record Grant(UUID recordId, String username) {}

  @RegisterConstructorMapper(Grant.class)
  @SqlQuery("SELECT record_id, username FROM record_grants WHERE record_id IN (<ids>)")
  List<Grant> grants(@BindList("ids") List<UUID> ids);

  @SqlUpdate(
      "INSERT INTO record_grants (record_id, username, granted_by, granted_at)"
          + " VALUES (:id, :username, :by, :now) ON CONFLICT DO NOTHING")
  int grant(
      @Bind("id") UUID id,
      @Bind("username") String username,
      @Bind("by") String by,
      @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM record_grants WHERE record_id = :id AND username = :username")
  int revokeGrant(@Bind("id") UUID id, @Bind("username") String username);

  @SqlUpdate(
      "UPDATE records SET subject = :subject, type_name = :typeName, number = :number,"
          + " notation = :notation, issued_date = :issuedDate, issuer = :issuer,"
          + " file_code = :fileCode, access_level = :accessLevel, keywords = :keywords,"
          + " description = :description, series_code = :seriesCode,"
          + " work_end_date = :workEndDate WHERE id = :id")
  int updateMetadata(@BindMethods RecordRow row);

  @SqlUpdate(
      "INSERT INTO record_history (record_id, changed_at, changed_by, previous, changes)"
          + " VALUES (:id, :at, :by, CAST(:previous AS jsonb), CAST(:changes AS jsonb))")
  void insertHistory(
      @Bind("id") UUID id,
      @Bind("at") Instant at,
      @Bind("by") String by,
      @Bind("previous") String previous,
      @Bind("changes") String changes);

  /** One correction of a record. */
  record HistoryRow(
      long id, Instant changedAt, String changedBy, String previous, String changes) {}

  @RegisterConstructorMapper(HistoryRow.class)
  @SqlQuery(
      "SELECT id, changed_at, changed_by, previous::text AS previous, changes::text AS changes"
          + " FROM record_history WHERE record_id = :id ORDER BY id")
  List<HistoryRow> history(@Bind("id") UUID id);
}
