package vn.tangthu.archive.metrics;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The queries behind the archive's gauges; each reads its table once. */
public interface FiguresDao {

  /** Records of one status, extraction status and sealing state, and their bytes. */
  record RecordGroup(String status, String extractionStatus, boolean sealed, long n, long bytes) {}

  /** How many rows have one status. */
  record StatusCount(String status, long n) {}

  @RegisterConstructorMapper(RecordGroup.class)
  @SqlQuery(
      "SELECT r.status, r.extraction_status, e.record_id IS NOT NULL AS sealed, count(*) AS n,"
          + " coalesce(sum(r.size), 0) AS bytes FROM records r"
          + " LEFT JOIN record_evidence e ON e.record_id = r.id GROUP BY 1, 2, 3")
  List<RecordGroup> records();

  @RegisterConstructorMapper(StatusCount.class)
  @SqlQuery("SELECT status, count(*) AS n FROM sweeps GROUP BY status")
  List<StatusCount> sweeps();

  @RegisterConstructorMapper(StatusCount.class)
  @SqlQuery("SELECT status, count(*) AS n FROM checks WHERE status <> 'DONE' GROUP BY status")
  List<StatusCount> openChecks();

  @SqlQuery("SELECT position FROM outbox_position WHERE id = 1")
  long changeLogHead();
}
