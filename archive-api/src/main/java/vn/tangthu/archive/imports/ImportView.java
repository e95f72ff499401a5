package vn.tangthu.archive.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import job as {@code GET /imports/{id}} shows it. {@code recordsPerSecond}: records imported
 * per second of the job's running time so far (from its first start to its end, or to now).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportView(
    UUID id,
    String status,
    String format,
    String agencyCode,
    String packageName,
    String createdBy,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Counts counts,
    long bytes,
    double recordsPerSecond,
    Failure failure) {

  /** How many items there are and how each has ended so far. */
  public record Counts(int total, int imported, int duplicate, int failed) {}

  /** Why a FAILED job stopped. */
  public record Failure(String code, String message) {}

  /** A page of jobs, newest first. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Page(List<ImportView> items, String nextCursor) {}

  static ImportView of(ImportJob j, ImportDao.Counts c, Instant now) {
    return new ImportView(
        j.id(),
        j.status(),
        j.format(),
        j.agencyCode(),
        j.packageName(),
        j.createdBy(),
        j.createdAt(),
        j.startedAt(),
        j.finishedAt(),
        new Counts(j.total(), c.imported(), c.duplicate(), c.failed()),
        j.bytes(),
        rate(j, c, now),
        j.failureCode() == null ? null : new Failure(j.failureCode(), j.failureMessage()));
  }

  private static double rate(ImportJob j, ImportDao.Counts c, Instant now) {
    if (j.startedAt() == null || c.imported() == 0) {
      return 0;
    }
    Instant end = j.finishedAt() == null ? now : j.finishedAt();
    double seconds = Math.max(Duration.between(j.startedAt(), end).toMillis(), 1) / 1000.0;
    return Math.round(c.imported() / seconds * 100) / 100.0;
  }
}
