package vn.tangthu.archive.retention;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code retention_schedules} table. */
@RegisterConstructorMapper(ScheduleRow.class)
public interface ScheduleDao {

  String COLUMNS =
      "series_code, title, period, action, legal_basis, verified, note, updated_at, updated_by";

  @SqlQuery("SELECT " + COLUMNS + " FROM retention_schedules")
  List<ScheduleRow> all();

  @SqlQuery(
      "SELECT "
          + COLUMNS
          + " FROM retention_schedules WHERE (CAST(:after AS text) IS NULL OR series_code >"
          + " :after) ORDER BY series_code LIMIT :limit")
  List<ScheduleRow> page(@Bind("after") String after, @Bind("limit") int limit);

  @SqlQuery("SELECT " + COLUMNS + " FROM retention_schedules WHERE series_code = :code")
  Optional<ScheduleRow> find(@Bind("code") String code);

  /**
   * Whether an active record or a dossier of an agency outside {@code agencies} names series {@code
   * code}: a change of its schedule would change that agency's retention.
   */
  @SqlQuery(
      "SELECT EXISTS (SELECT 1 FROM records WHERE series_code = :code AND status = 'ACTIVE'"
          + " AND NOT (agency_code = ANY(:agencies))) OR EXISTS (SELECT 1 FROM dossiers"
          + " WHERE series_code = :code AND NOT (agency_code = ANY(:agencies)))")
  boolean usedOutside(@Bind("code") String code, @Bind("agencies") String[] agencies);

  @SqlQuery("SELECT count(*) FROM retention_schedules")
  long count();

  /** Inserts or replaces; returns true when the series was new. */
  @SqlQuery(
      "INSERT INTO retention_schedules ("
          + COLUMNS
          + ") VALUES (:seriesCode, :title, :period,"
          + " :action, :legalBasis, :verified, :note, :updatedAt, :updatedBy)"
          + " ON CONFLICT (series_code) DO UPDATE SET title = EXCLUDED.title,"
          + " period = EXCLUDED.period, action = EXCLUDED.action,"
          + " legal_basis = EXCLUDED.legal_basis, verified = EXCLUDED.verified,"
          + " note = EXCLUDED.note, updated_at = EXCLUDED.updated_at,"
          + " updated_by = EXCLUDED.updated_by RETURNING (xmax = 0)")
  boolean upsert(@BindMethods ScheduleRow row);

  @SqlBatch(
      "INSERT INTO retention_schedules ("
          + COLUMNS
          + ") VALUES (:seriesCode, :title, :period,"
          + " :action, :legalBasis, :verified, :note, :updatedAt, :updatedBy)"
          + " ON CONFLICT (series_code) DO NOTHING")
  void insertAll(@BindMethods List<ScheduleRow> rows);

  @SqlUpdate("LOCK TABLE retention_schedules IN SHARE ROW EXCLUSIVE MODE")
  void lock();
}
