package vn.tangthu.archive.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Sets records' effective retention and legal holds directly in the database, the way the retention
 * core computes and stores them, for tests of sweeps until its API is used instead.
 */
public final class RetentionFixture {
  private final Jdbi jdbi;

  public RetentionFixture(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The record and its attachments: SCHEDULED, {@code action}, eligible on {@code eligibleOn}. */
  public void scheduled(String recordId, String action, LocalDate eligibleOn) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE records SET retention_state = 'SCHEDULED', retention_series = 'TEST-S',"
                        + " retention_period = '10y', retention_action = :action, eligible_on ="
                        + " :on WHERE id = :id OR main_record_id = :id")
                .bind("action", action)
                .bind("on", eligibleOn)
                .bind("id", UUID.fromString(recordId))
                .execute());
  }

  /** The record and its attachments: kept permanently. */
  public void permanent(String recordId) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE records SET retention_state = 'PERMANENT', retention_series = 'TEST-P',"
                        + " retention_period = 'PERMANENT', retention_action = 'TRANSFER',"
                        + " eligible_on = NULL WHERE id = :id OR main_record_id = :id")
                .bind("id", UUID.fromString(recordId))
                .execute());
  }

  /** A dossier row (title, series, dates). */
  public void dossier(String fileCode, String agencyCode, String title) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO dossiers (file_code, agency_code, title, series_code, start_date,"
                        + " end_date, created_at, updated_at, updated_by) VALUES (:f, :a, :t,"
                        + " 'TEST-S', DATE '2010-01-04', DATE '2012-12-28', now(), now(), 'test')")
                .bind("f", fileCode)
                .bind("a", agencyCode)
                .bind("t", title)
                .execute());
  }

  /** Places an active hold on the records; returns its id. */
  public String hold(List<String> recordIds) {
    UUID id = UUID.randomUUID();
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "INSERT INTO holds (id, name, reason, authority, placed_by, placed_at,"
                      + " record_count) VALUES (:id, 'test hold', 'inspection', 'Thanh tra tỉnh',"
                      + " 'test', :at, :n)")
              .bind("id", id)
              .bind("at", Instant.now())
              .bind("n", recordIds.size())
              .execute();
          for (String r : recordIds) {
            h.createUpdate("INSERT INTO hold_records (hold_id, record_id) VALUES (:h, :r)")
                .bind("h", id)
                .bind("r", UUID.fromString(r))
                .execute();
          }
        });
    return id.toString();
  }
}
