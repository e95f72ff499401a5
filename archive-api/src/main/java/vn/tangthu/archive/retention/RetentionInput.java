package vn.tangthu.archive.retention;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import vn.tangthu.retention.schedule.DossierRetentionFields;
import vn.tangthu.retention.schedule.RecordRetentionFields;

/**
 * What the effective retention of one record depends on (the fields of its main record for an
 * attachment, and of its dossier when it has one), with the retention stored for it now.
 */
public record RetentionInput(
    UUID id,
    String fileCode,
    String seriesCode,
    LocalDate workEndDate,
    LocalDate issuedDate,
    String dossierCode,
    String dossierSeries,
    LocalDate dossierEnd,
    String state,
    String storedSeries,
    String storedPeriod,
    String storedAction,
    LocalDate storedEligibleOn) {

  RecordRetentionFields record() {
    return new RecordRetentionFields(
        Optional.ofNullable(fileCode),
        Optional.ofNullable(seriesCode),
        Optional.ofNullable(workEndDate),
        Optional.ofNullable(issuedDate));
  }

  Optional<DossierRetentionFields> dossier() {
    return dossierCode == null || dossierCode.isBlank()
        ? Optional.empty()
        : Optional.of(
            new DossierRetentionFields(
                dossierCode, Optional.ofNullable(dossierSeries), Optional.ofNullable(dossierEnd)));
  }

  RetentionValues stored() {
    return new RetentionValues(
        id, state, storedSeries, storedPeriod, storedAction, storedEligibleOn);
  }
}
