package vn.tangthu.archive.retention;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The {@code dossiers} table. */
@RegisterConstructorMapper(DossierRow.class)
public interface DossierDao {

  String COLUMNS =
      "file_code, agency_code, title, series_code, start_date, end_date, created_at, updated_at,"
          + " updated_by";

  @SqlQuery("SELECT " + COLUMNS + " FROM dossiers WHERE file_code = :fileCode")
  Optional<DossierRow> find(@Bind("fileCode") String fileCode);

  @SqlQuery("SELECT " + COLUMNS + " FROM dossiers WHERE file_code = :fileCode FOR UPDATE")
  Optional<DossierRow> findForUpdate(@Bind("fileCode") String fileCode);

  /**
   * Whether a record of {@code agency} may not carry {@code fileCode}: its dossier belongs to
   * another agency or, without a dossier, a record of another agency carries it.
   */
  @SqlQuery(
      "SELECT COALESCE((SELECT agency_code <> :agency FROM dossiers WHERE file_code = :fileCode),"
          + " EXISTS (SELECT 1 FROM records WHERE file_code = :fileCode"
          + " AND agency_code <> :agency))")
  boolean takenByOtherAgency(@Bind("fileCode") String fileCode, @Bind("agency") String agency);

  /** Whether a record of another agency than {@code agency} carries {@code fileCode}. */
  @SqlQuery(
      "SELECT EXISTS (SELECT 1 FROM records WHERE file_code = :fileCode"
          + " AND agency_code <> :agency)")
  boolean carriedByOtherAgency(@Bind("fileCode") String fileCode, @Bind("agency") String agency);

  /** Inserts or replaces (keeping created_at); returns true when the dossier was new. */
  @SqlQuery(
      "INSERT INTO dossiers ("
          + COLUMNS
          + ") VALUES (:fileCode, :agencyCode, :title, :seriesCode, :startDate, :endDate,"
          + " :createdAt, :updatedAt, :updatedBy) ON CONFLICT (file_code) DO UPDATE SET"
          + " agency_code = EXCLUDED.agency_code, title = EXCLUDED.title,"
          + " series_code = EXCLUDED.series_code, start_date = EXCLUDED.start_date,"
          + " end_date = EXCLUDED.end_date, updated_at = EXCLUDED.updated_at,"
          + " updated_by = EXCLUDED.updated_by RETURNING (xmax = 0)")
  boolean upsert(@BindMethods DossierRow row);
}
