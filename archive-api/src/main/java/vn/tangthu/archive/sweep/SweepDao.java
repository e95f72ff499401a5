package vn.tangthu.archive.sweep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code sweeps}, {@code sweep_items}, {@code sweep_exclusions} and certificate tables. */
@RegisterConstructorMapper(SweepRow.class)
@RegisterConstructorMapper(ItemRow.class)
@RegisterConstructorMapper(RecordFacts.class)
public interface SweepDao {

  /**
   * Main record id → ids of the unreleased holds on it or its attachments. Set-based: its cost
   * follows the number of held records, not the number of candidates.
   */
  String HELD =
      "held AS (SELECT COALESCE(a.main_record_id, a.id) AS id, array_agg(DISTINCT"
          + " hr.hold_id::text) AS hold_ids FROM hold_records hr JOIN holds h ON h.id ="
          + " hr.hold_id AND h.released_at IS NULL JOIN records a ON a.id = hr.record_id"
          + " GROUP BY 1)";

  String FACT_COLUMNS =
      "r.id, r.file_code, r.status, r.retention_state, r.retention_series, r.retention_period,"
          + " r.retention_action, r.eligible_on, COALESCE(held.hold_ids, ARRAY[]::text[]) AS"
          + " hold_ids";

  /** The planning query (see {@link #candidates}). */
  String CANDIDATES =
      "WITH eligible AS (SELECT id, file_code, agency_code FROM records WHERE status = 'ACTIVE'"
          + " AND eligible_on IS NOT NULL AND eligible_on <= :asOf AND agency_code IN (<agencies>)"
          + " AND main_record_id IS NULL),"
          + " ids AS (SELECT id FROM eligible UNION SELECT m.id FROM records m JOIN (SELECT"
          + " DISTINCT file_code, agency_code FROM eligible WHERE file_code IS NOT NULL) d"
          + " ON m.file_code = d.file_code AND m.agency_code = d.agency_code"
          + " WHERE m.main_record_id IS NULL), "
          + HELD
          + " SELECT "
          + FACT_COLUMNS
          + " FROM records r JOIN ids ON ids.id = r.id LEFT JOIN held ON held.id = r.id"
          + " ORDER BY r.id";

  /**
   * Planning's candidates: the ACTIVE main records of the agencies with {@code eligible_on <= asOf}
   * (through the partial index {@code records_eligible}), and every other main record of their
   * dossiers (whatever their state: the dossier rule needs them all). A dossier holds the records
   * of its own agency only, so a record of another agency that carries the same file code is no
   * peer: a sweep never takes, lists or excludes another agency's records.
   */
  @SqlQuery(CANDIDATES)
  List<RecordFacts> candidates(
      @Bind("asOf") LocalDate asOf, @BindList("agencies") List<String> agencies);

  /** Current facts of these main records and of every main record of these dossiers. */
  @SqlQuery(
      "WITH "
          + HELD
          + " SELECT "
          + FACT_COLUMNS
          + " FROM records r LEFT JOIN held ON held.id = r.id WHERE r.main_record_id IS NULL"
          + " AND (r.id IN (<ids>) OR r.file_code IN (<fileCodes>))")
  List<RecordFacts> facts(
      @BindList("ids") List<UUID> ids,
      @BindList(value = "fileCodes", onEmpty = BindList.EmptyHandling.NULL_STRING)
          List<String> fileCodes);

  @SqlUpdate(
      "INSERT INTO sweeps (id, agency_code, as_of, status, counts, planned_by, planned_at)"
          + " VALUES (:id, :agencyCode, :asOf, 'PLANNED', CAST(:counts AS jsonb), :plannedBy,"
          + " :plannedAt)")
  void insertSweep(
      @Bind("id") UUID id,
      @Bind("agencyCode") String agencyCode,
      @Bind("asOf") LocalDate asOf,
      @Bind("counts") String counts,
      @Bind("plannedBy") String plannedBy,
      @Bind("plannedAt") Instant plannedAt);

  @SqlBatch(
      "INSERT INTO sweep_items (sweep_id, record_id, file_code, action, eligible_on)"
          + " VALUES (:sweepId, :recordId, :fileCode, :action, :eligibleOn)")
  void insertItems(
      @Bind("sweepId") UUID sweepId,
      @Bind("recordId") List<UUID> recordIds,
      @Bind("fileCode") List<String> fileCodes,
      @Bind("action") List<String> actions,
      @Bind("eligibleOn") List<LocalDate> eligibleOn);

  @SqlBatch(
      "INSERT INTO sweep_exclusions (sweep_id, record_id, file_code, reason)"
          + " VALUES (:sweepId, :recordId, :fileCode, :reason)")
  void insertExclusions(
      @Bind("sweepId") UUID sweepId,
      @Bind("recordId") List<UUID> recordIds,
      @Bind("fileCode") List<String> fileCodes,
      @Bind("reason") List<String> reasons);

  String SWEEP_COLUMNS =
      "id, agency_code, as_of, status, counts::text AS counts, planned_by, planned_at,"
          + " approved_by, approved_at, rejected_by, rejected_at, reject_reason, executed_at,"
          + " certificate_id, transfer_received_by, transfer_reference, transfer_confirmed_by,"
          + " transfer_confirmed_at, transfer_certificate_id";

  @SqlQuery("SELECT " + SWEEP_COLUMNS + " FROM sweeps WHERE id = :id")
  Optional<SweepRow> find(@Bind("id") UUID id);

  @SqlQuery("SELECT " + SWEEP_COLUMNS + " FROM sweeps WHERE id = :id FOR UPDATE")
  Optional<SweepRow> lock(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT "
          + SWEEP_COLUMNS
          + " FROM sweeps WHERE (:all OR agency_code IN (<agencies>)) AND (CAST(:after AS uuid)"
          + " IS NULL OR id < :after) ORDER BY id DESC LIMIT :limit")
  List<SweepRow> page(
      @Bind("all") boolean all,
      @BindList(value = "agencies", onEmpty = BindList.EmptyHandling.NULL_STRING)
          List<String> agencies,
      @Bind("after") UUID after,
      @Bind("limit") int limit);

  @SqlQuery(
      "SELECT sweep_id, record_id, file_code, action, eligible_on, state, removed_by,"
          + " removed_reason, skip_reason, done_at FROM sweep_items WHERE sweep_id = :id"
          + " AND state <> 'REMOVED' AND (CAST(:after AS uuid) IS NULL OR record_id > :after)"
          + " ORDER BY record_id LIMIT :limit")
  List<ItemRow> items(@Bind("id") UUID id, @Bind("after") UUID after, @Bind("limit") int limit);

  @SqlQuery(
      "SELECT sweep_id, record_id, file_code, action, eligible_on, state, removed_by,"
          + " removed_reason, skip_reason, done_at FROM sweep_items WHERE sweep_id = :id"
          + " AND state IN (<states>) ORDER BY record_id")
  List<ItemRow> itemsIn(@Bind("id") UUID id, @BindList("states") List<String> states);

  /** Number of items per action and per state (state REMOVED included). */
  record Tally(String action, String state, int n) {}

  @RegisterConstructorMapper(Tally.class)
  @SqlQuery(
      "SELECT action, state, count(*) AS n FROM sweep_items WHERE sweep_id = :id"
          + " GROUP BY action, state")
  List<Tally> tally(@Bind("id") UUID id);

  @SqlUpdate(
      "UPDATE sweep_items SET state = 'REMOVED', removed_by = :by, removed_reason = :reason"
          + " WHERE sweep_id = :id AND record_id IN (<records>) AND state = 'PENDING'")
  int remove(
      @Bind("id") UUID id,
      @BindList("records") List<UUID> records,
      @Bind("by") String by,
      @Bind("reason") String reason);

  @SqlUpdate(
      "UPDATE sweep_items SET state = :state, skip_reason = :skipReason, done_at = :now"
          + " WHERE sweep_id = :id AND record_id = :recordId")
  int setItemState(
      @Bind("id") UUID id,
      @Bind("recordId") UUID recordId,
      @Bind("state") String state,
      @Bind("skipReason") String skipReason,
      @Bind("now") Instant now);

  @SqlUpdate("UPDATE sweeps SET status = :status WHERE id = :id")
  int setStatus(@Bind("id") UUID id, @Bind("status") String status);

  @SqlUpdate(
      "UPDATE sweeps SET status = 'APPROVED', approved_by = :by, approved_at = :at WHERE id = :id")
  int approve(@Bind("id") UUID id, @Bind("by") String by, @Bind("at") Instant at);

  @SqlUpdate(
      "UPDATE sweeps SET status = 'REJECTED', rejected_by = :by, rejected_at = :at,"
          + " reject_reason = :reason WHERE id = :id")
  int reject(
      @Bind("id") UUID id,
      @Bind("by") String by,
      @Bind("at") Instant at,
      @Bind("reason") String reason);

  @SqlUpdate(
      "UPDATE sweeps SET status = 'EXECUTED', executed_at = :at, certificate_id = :certificate"
          + " WHERE id = :id")
  int executed(
      @Bind("id") UUID id, @Bind("at") Instant at, @Bind("certificate") UUID certificateId);

  @SqlUpdate(
      "UPDATE sweeps SET transfer_received_by = :receivedBy, transfer_reference = :reference,"
          + " transfer_confirmed_by = :by WHERE id = :id")
  int transferStarted(
      @Bind("id") UUID id,
      @Bind("receivedBy") String receivedBy,
      @Bind("reference") String reference,
      @Bind("by") String by);

  @SqlUpdate(
      "UPDATE sweeps SET transfer_confirmed_at = :at, transfer_certificate_id = :certificate"
          + " WHERE id = :id")
  int transferConfirmed(
      @Bind("id") UUID id, @Bind("at") Instant at, @Bind("certificate") UUID certificateId);

  @SqlUpdate(
      "INSERT INTO retention_certificates (id, sweep_id, kind, canonical, signature, key_id,"
          + " created_at) VALUES (:id, :sweepId, :kind, :canonical, :signature, :keyId, :at)")
  void insertCertificate(
      @Bind("id") UUID id,
      @Bind("sweepId") UUID sweepId,
      @Bind("kind") String kind,
      @Bind("canonical") byte[] canonical,
      @Bind("signature") byte[] signature,
      @Bind("keyId") String keyId,
      @Bind("at") Instant at);

  /** A stored certificate. */
  record CertificateRow(
      UUID id,
      UUID sweepId,
      String kind,
      byte[] canonical,
      byte[] signature,
      String keyId,
      Instant createdAt) {}

  @RegisterConstructorMapper(CertificateRow.class)
  @SqlQuery(
      "SELECT id, sweep_id, kind, canonical, signature, key_id, created_at"
          + " FROM retention_certificates WHERE id = :id")
  Optional<CertificateRow> certificate(@Bind("id") UUID id);

  /** A disposed record of a sweep item, for its certificate: the main record or an attachment. */
  record Disposed(UUID id, UUID mainRecordId, String sha256) {}

  @RegisterConstructorMapper(Disposed.class)
  @SqlQuery(
      "SELECT id, main_record_id, sha256 FROM records WHERE id IN (<ids>)"
          + " OR main_record_id IN (<ids>) ORDER BY id")
  List<Disposed> withAttachments(@BindList("ids") List<UUID> mainIds);

  @SqlQuery("SELECT id FROM records WHERE main_record_id = :id ORDER BY id")
  List<UUID> attachmentIds(@Bind("id") UUID id);

  @SqlUpdate(
      "UPDATE records SET status = :status, disposed_at = :at WHERE (id = :id OR main_record_id"
          + " = :id) AND status = 'ACTIVE'")
  int markGone(@Bind("id") UUID mainId, @Bind("status") String status, @Bind("at") Instant at);
}
