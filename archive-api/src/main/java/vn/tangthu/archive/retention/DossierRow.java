package vn.tangthu.archive.retention;

import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code dossiers} (hồ sơ). */
public record DossierRow(
    String fileCode,
    String agencyCode,
    String title,
    String seriesCode,
    LocalDate startDate,
    LocalDate endDate,
    Instant createdAt,
    Instant updatedAt,
    String updatedBy) {}
