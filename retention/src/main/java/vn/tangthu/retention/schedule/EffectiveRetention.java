package vn.tangthu.retention.schedule;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The series and trigger date that actually govern a record: a record in a dossier takes the
 * dossier's series and end date; otherwise its own series and work end date (defaulting to the
 * issued date).
 *
 * @param seriesCode the governing series, if any
 * @param workEndDate the governing trigger date, if any
 * @param fromDossier whether the values come from the dossier
 */
public record EffectiveRetention(
    Optional<String> seriesCode, Optional<LocalDate> workEndDate, boolean fromDossier) {

  public EffectiveRetention {
    Objects.requireNonNull(seriesCode, "seriesCode");
    Objects.requireNonNull(workEndDate, "workEndDate");
  }

  /**
   * The effective retention of {@code record}.
   *
   * @param dossier the dossier named by the record's fileCode, when the record has one and it
   *     exists
   * @throws IllegalArgumentException when the dossier given is not the record's
   */
  public static EffectiveRetention of(
      RecordRetentionFields record, Optional<DossierRetentionFields> dossier) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(dossier, "dossier");
    if (dossier.isPresent()) {
      DossierRetentionFields d = dossier.get();
      if (!record.fileCode().equals(Optional.of(d.fileCode()))) {
        throw new IllegalArgumentException(
            "dossier " + d.fileCode() + " is not the record's (" + record.fileCode() + ")");
      }
      return new EffectiveRetention(d.seriesCode(), d.endDate(), true);
    }
    return new EffectiveRetention(
        record.seriesCode(), record.workEndDate().or(record::issuedDate), false);
  }

  /** The eligibility that follows, looking the series up in {@code schedules}. */
  public Eligibility eligibility(Function<String, Optional<Schedule>> schedules) {
    Optional<Schedule> schedule = seriesCode.flatMap(schedules);
    return Eligibility.of(schedule, seriesCode.isPresent(), workEndDate);
  }
}
