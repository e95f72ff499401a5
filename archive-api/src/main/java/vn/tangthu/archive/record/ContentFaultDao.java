package vn.tangthu.archive.record;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Originals found failing their SHA-256 ({@code content_faults}). */
public interface ContentFaultDao {

  @SqlUpdate(
      "INSERT INTO content_faults (record_id, detected_at, actual, node)"
          + " VALUES (:id, :at, :actual, :node)"
          + " ON CONFLICT (record_id) DO UPDATE SET detected_at = EXCLUDED.detected_at,"
          + " actual = EXCLUDED.actual, node = EXCLUDED.node")
  void record(
      @Bind("id") UUID id,
      @Bind("at") Instant at,
      @Bind("actual") String actual,
      @Bind("node") String node);

  @SqlUpdate("DELETE FROM content_faults WHERE record_id = :id")
  int clear(@Bind("id") UUID id);

  /** The records still active whose original is known to be corrupt, oldest first. */
  @SqlQuery(
      "SELECT f.record_id FROM content_faults f JOIN records r ON r.id = f.record_id"
          + " WHERE r.status = 'ACTIVE' ORDER BY f.detected_at, f.record_id LIMIT :limit")
  List<UUID> active(@Bind("limit") int limit);
}
