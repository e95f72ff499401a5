package vn.tangthu.retention.schedule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A record's own retention metadata, as stored.
 *
 * @param fileCode the dossier it belongs to, if any
 * @param seriesCode its own series, used when it is not in a dossier
 * @param workEndDate when the matter ended
 * @param issuedDate when it was issued; the trigger when {@code workEndDate} is empty
 */
public record RecordRetentionFields(
    Optional<String> fileCode,
    Optional<String> seriesCode,
    Optional<LocalDate> workEndDate,
    Optional<LocalDate> issuedDate) {

  public RecordRetentionFields {
    Objects.requireNonNull(fileCode, "fileCode");
    Objects.requireNonNull(seriesCode, "seriesCode");
    Objects.requireNonNull(workEndDate, "workEndDate");
    Objects.requireNonNull(issuedDate, "issuedDate");
    fileCode = fileCode.filter(s -> !s.isBlank());
    seriesCode = seriesCode.filter(s -> !s.isBlank());
  }
}
