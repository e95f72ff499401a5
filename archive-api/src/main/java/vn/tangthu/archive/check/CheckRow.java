package vn.tangthu.archive.check;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of {@code checks}.
 *
 * @param scope the agencies whose records it checks; null for every agency
 * @param total how many records were in scope when it started; null before that
 * @param afterId the last record whose result is committed (records are checked in id order)
 * @param resumed how many times it was taken up again after an interruption
 */
public record CheckRow(
    UUID id,
    CheckKind kind,
    UUID recordId,
    String[] scope,
    CheckStatus status,
    String createdBy,
    String agencyCode,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Long total,
    long ok,
    long failed,
    long pending,
    UUID afterId,
    int resumed) {

  /** The columns in constructor order, for {@code SELECT} and {@code RETURNING}. */
  static final String COLUMNS =
      "id, kind, record_id, scope, status, created_by, agency_code, created_at, started_at,"
          + " finished_at, total, ok, failed, pending, after_id, resumed";

  public CheckRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
  }
}
