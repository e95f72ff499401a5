package vn.tangthu.archive.signature.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code signature_history} table and the record's current report. */
public interface SignatureHistoryDao {

  /** A report that was replaced by a re-verification; {@code report} is JSON (null if none). */
  record Row(long id, Instant replacedAt, String replacedBy, String report) {}

  /**
   * Stores {@code report} (JSON) on the record if its current report is still {@code previous},
   * keeping the previous one in the history. Returns 1 when stored, 0 when the record changed.
   */
  @SqlUpdate(
      "WITH old AS (INSERT INTO signature_history (record_id, replaced_at, replaced_by, report)"
          + " SELECT id, :at, :by, signature FROM records WHERE id = :id"
          + " AND signature IS NOT DISTINCT FROM CAST(:previous AS jsonb) RETURNING record_id)"
          + " UPDATE records SET signature = CAST(:report AS jsonb)"
          + " WHERE id IN (SELECT record_id FROM old)")
  int replace(
      @Bind("id") UUID id,
      @Bind("previous") String previous,
      @Bind("report") String report,
      @Bind("by") String by,
      @Bind("at") Instant at);

  @RegisterConstructorMapper(Row.class)
  @SqlQuery(
      "SELECT id, replaced_at, replaced_by, report::text AS report FROM signature_history"
          + " WHERE record_id = :id ORDER BY id")
  List<Row> history(@Bind("id") UUID id);

  @SqlQuery(
      "SELECT id FROM records WHERE status = 'ACTIVE' AND signature IS NOT NULL"
          + " AND signature->>'status' <> 'NOT_SIGNED'"
          + " AND (CAST(:after AS uuid) IS NULL OR id > :after) ORDER BY id LIMIT :limit")
  List<UUID> signedPage(@Bind("after") UUID after, @Bind("limit") int limit);
}
