package vn.tangthu.archive.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The retention columns of {@code records}: inputs of the computation (keyset-paged by record id),
 * the computed values, and what was last applied in storage. A record takes its dossier's retention
 * only from a dossier of its own agency (a file code another agency's dossier carries, which ingest
 * and corrections refuse today, leaves the record on its own fields).
 */
public interface RetentionDao {

  /** The first cursor of a keyset scan. */
  UUID START = new UUID(0, 0);

  String INPUT =
      "SELECT r.id, src.file_code, src.series_code, src.work_end_date, src.issued_date,"
          + " d.file_code AS dossier_code, d.series_code AS dossier_series,"
          + " d.end_date AS dossier_end, r.retention_state AS state,"
          + " r.retention_series AS stored_series, r.retention_period AS stored_period,"
          + " r.retention_action AS stored_action, r.eligible_on AS stored_eligible_on"
          + " FROM records r JOIN records src ON src.id = COALESCE(r.main_record_id, r.id)"
          + " LEFT JOIN dossiers d ON d.file_code = src.file_code"
          + " AND d.agency_code = src.agency_code"
          + " WHERE r.status = 'ACTIVE' AND r.id > :after AND ";
  String PAGE = " ORDER BY r.id LIMIT :limit";

  @RegisterConstructorMapper(RetentionInput.class)
  @SqlQuery(INPUT + "(r.id = ANY(:ids) OR r.main_record_id = ANY(:ids))" + PAGE)
  List<RetentionInput> ofRecords(
      @Bind("ids") UUID[] ids, @Bind("after") UUID after, @Bind("limit") int limit);

  @RegisterConstructorMapper(RetentionInput.class)
  @SqlQuery(INPUT + "src.file_code = :fileCode" + PAGE)
  List<RetentionInput> ofDossier(
      @Bind("fileCode") String fileCode, @Bind("after") UUID after, @Bind("limit") int limit);

  @RegisterConstructorMapper(RetentionInput.class)
  @SqlQuery(
      INPUT
          + "((d.file_code IS NULL AND src.series_code = :series) OR d.series_code = :series)"
          + PAGE)
  List<RetentionInput> ofSeries(
      @Bind("series") String series, @Bind("after") UUID after, @Bind("limit") int limit);

  @SqlBatch(
      "UPDATE records SET retention_state = :state, retention_series = :series,"
          + " retention_period = :period, retention_action = :action, eligible_on = :eligibleOn"
          + " WHERE id = :id")
  void update(@BindMethods List<RetentionValues> values);

  /** What storage must carry for one record, and what was last applied. */
  record LockRow(
      UUID id,
      String objectKey,
      String objectVersion,
      String state,
      String series,
      String period,
      String action,
      LocalDate eligibleOn,
      Instant retainUntil,
      boolean legalHold,
      boolean held) {

    RetentionValues values() {
      return new RetentionValues(id, state, series, period, action, eligibleOn);
    }
  }

  String LOCK =
      "SELECT r.id, r.object_key, r.object_version, r.retention_state AS state,"
          + " r.retention_series AS series, r.retention_period AS period,"
          + " r.retention_action AS action, r.eligible_on, r.retain_until, r.legal_hold,"
          + " EXISTS (SELECT 1 FROM hold_records hr JOIN holds h ON h.id = hr.hold_id"
          + " WHERE hr.record_id = r.id AND h.released_at IS NULL) AS held"
          + " FROM records r WHERE r.status = 'ACTIVE' AND ";

  @RegisterConstructorMapper(LockRow.class)
  @SqlQuery(LOCK + "(r.id = ANY(:ids) OR r.main_record_id = ANY(:ids)) ORDER BY r.id")
  List<LockRow> locksOf(@Bind("ids") UUID[] ids);

  /**
   * Records whose applied lock lags behind what they need: a future eligibility date beyond the
   * applied retain-until, or a legal hold state that differs from the one due.
   */
  @RegisterConstructorMapper(LockRow.class)
  @SqlQuery(
      LOCK
          + "r.id > :after AND ((r.retention_state = 'SCHEDULED' AND r.eligible_on IS NOT NULL"
          + " AND (r.eligible_on::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') > :now"
          + " AND (r.retain_until IS NULL OR r.retain_until"
          + " < (r.eligible_on::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')))"
          + " OR r.legal_hold <> (r.retention_state = 'PERMANENT' OR EXISTS (SELECT 1"
          + " FROM hold_records hr JOIN holds h ON h.id = hr.hold_id"
          + " WHERE hr.record_id = r.id AND h.released_at IS NULL)))"
          + " ORDER BY r.id LIMIT :limit")
  List<LockRow> lagging(
      @Bind("now") Instant now, @Bind("after") UUID after, @Bind("limit") int limit);

  @SqlUpdate("UPDATE records SET retain_until = :until, legal_hold = :hold WHERE id = :id")
  int setApplied(@Bind("id") UUID id, @Bind("until") Instant until, @Bind("hold") boolean hold);

  @SqlUpdate("UPDATE records SET object_version = :version WHERE id = :id")
  int setObjectVersion(@Bind("id") UUID id, @Bind("version") String version);
}
