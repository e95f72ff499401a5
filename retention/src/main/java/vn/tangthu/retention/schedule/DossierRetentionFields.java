package vn.tangthu.retention.schedule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A dossier's (hồ sơ) retention metadata: the unit of appraisal.
 *
 * @param fileCode its code (mã hồ sơ)
 * @param seriesCode the series of all its records
 * @param endDate when the dossier was closed; the work end date of all its records
 */
public record DossierRetentionFields(
    String fileCode, Optional<String> seriesCode, Optional<LocalDate> endDate) {

  public DossierRetentionFields {
    if (fileCode == null || fileCode.isBlank()) {
      throw new IllegalArgumentException("dossier fileCode is required");
    }
    Objects.requireNonNull(seriesCode, "seriesCode");
    Objects.requireNonNull(endDate, "endDate");
    seriesCode = seriesCode.filter(s -> !s.isBlank());
  }
}
