package vn.tangthu.archive.transfer;

import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the packages say about dossiers and schedules, and the records' retention columns. */
public interface TransferDao {

  /** A row of {@code dossiers}. */
  record DossierRow(
      String fileCode,
      String agencyCode,
      String title,
      String seriesCode,
      LocalDate startDate,
      LocalDate endDate) {}

  @RegisterConstructorMapper(DossierRow.class)
  @SqlQuery(
      "SELECT file_code, agency_code, title, series_code, start_date, end_date FROM dossiers"
          + " WHERE file_code = :fileCode")
  Optional<DossierRow> dossier(@Bind("fileCode") String fileCode);

  @SqlQuery("SELECT legal_basis FROM retention_schedules WHERE series_code = :series")
  Optional<String> legalBasis(@Bind("series") String seriesCode);

  /** A record's effective retention as last computed. */
  record Retention(String retentionSeries, String retentionPeriod) {}

  @RegisterConstructorMapper(Retention.class)
  @SqlQuery("SELECT retention_series, retention_period FROM records WHERE id = :id")
  Optional<Retention> retention(@Bind("id") java.util.UUID id);
}
