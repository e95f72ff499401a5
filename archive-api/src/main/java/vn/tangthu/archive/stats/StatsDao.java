package vn.tangthu.archive.stats;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Records counted per owning agency and month of archiving (in Vietnam's time zone). */
public interface StatsDao {

  /**
   * One agency's records archived in one month.
   *
   * @param pages their pages, a record without a page count counting as one
   * @param electronicPages the pages of those issued electronically ({@code ORIGINAL_ELECTRONIC})
   */
  record Cell(
      String agencyCode,
      String month,
      long records,
      long pages,
      long bytes,
      long electronicPages) {}

  /**
   * The cells of the records the caller reads: all of them when {@code all}; else PUBLIC ones,
   * INTERNAL ones of {@code internal}, RESTRICTED ones of {@code own} or granted to {@code
   * username}. Limited to {@code owners} when not null and to archiving times in [{@code from},
   * {@code to}) when given.
   */
  @RegisterConstructorMapper(Cell.class)
  @SqlQuery(
      "SELECT r.agency_code,"
          + " to_char(r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month,"
          + " count(*) AS records,"
          + " sum(GREATEST(COALESCE(r.page_count, 1), 1)) AS pages,"
          + " sum(r.size) AS bytes,"
          + " sum(CASE WHEN r.confidence = 'ORIGINAL_ELECTRONIC'"
          + " THEN GREATEST(COALESCE(r.page_count, 1), 1) ELSE 0 END) AS electronic_pages"
          + " FROM records r"
          + " WHERE (:all OR r.access_level = 'PUBLIC'"
          + " OR (r.access_level = 'INTERNAL' AND r.agency_code = ANY(:internal))"
          + " OR (r.access_level = 'RESTRICTED' AND (r.agency_code = ANY(:own)"
          + " OR EXISTS (SELECT 1 FROM record_grants g"
          + " WHERE g.record_id = r.id AND g.username = :username))))"
          + " AND (CAST(:owners AS text[]) IS NULL OR r.agency_code = ANY(:owners))"
          + " AND (CAST(:from AS timestamptz) IS NULL OR r.created_at >= :from)"
          + " AND (CAST(:to AS timestamptz) IS NULL OR r.created_at < :to)"
          + " GROUP BY 1, 2 ORDER BY 1, 2")
  List<Cell> cells(
      @Bind("all") boolean all,
      @Bind("internal") String[] internal,
      @Bind("own") String[] own,
      @Bind("username") String username,
      @Bind("owners") String[] owners,
      @Bind("from") Instant from,
      @Bind("to") Instant to);
}
