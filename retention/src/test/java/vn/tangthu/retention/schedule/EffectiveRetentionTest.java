package vn.tangthu.retention.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tangthu.retention.schedule.Fixtures.years;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.tangthu.retention.schedule.Eligibility.UnscheduledReason;

class EffectiveRetentionTest {
  private final Map<String, Schedule> schedules =
      Map.of("OWN", years("OWN", 5), "DOS", years("DOS", 20));

  private Eligibility eligibility(EffectiveRetention r) {
    return r.eligibility(code -> Optional.ofNullable(schedules.get(code)));
  }

  @Test
  void recordInADossierTakesTheDossiersSeriesAndEndDate() {
    var record =
        new RecordRetentionFields(
            Optional.of("HS-01"),
            Optional.of("OWN"),
            Optional.of(LocalDate.of(2010, 1, 1)),
            Optional.empty());
    var dossier =
        new DossierRetentionFields(
            "HS-01", Optional.of("DOS"), Optional.of(LocalDate.of(2015, 6, 30)));
    var effective = EffectiveRetention.of(record, Optional.of(dossier));
    assertThat(effective.fromDossier()).isTrue();
    assertThat(eligibility(effective).eligibleOn()).hasValue(LocalDate.of(2036, 1, 1));
  }

  @Test
  void recordWithoutDossierUsesItsOwnFieldsAndFallsBackToIssuedDate() {
    var record =
        new RecordRetentionFields(
            Optional.empty(),
            Optional.of("OWN"),
            Optional.empty(),
            Optional.of(LocalDate.of(2019, 12, 31)));
    var effective = EffectiveRetention.of(record, Optional.empty());
    assertThat(effective.fromDossier()).isFalse();
    assertThat(eligibility(effective).eligibleOn()).hasValue(LocalDate.of(2025, 1, 1));
  }

  @Test
  void openDossierWithoutEndDateLeavesItsRecordsUnscheduled() {
    var record =
        new RecordRetentionFields(
            Optional.of("HS-02"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(LocalDate.of(2019, 1, 1)));
    var dossier = new DossierRetentionFields("HS-02", Optional.of("DOS"), Optional.empty());
    assertThat(eligibility(EffectiveRetention.of(record, Optional.of(dossier))))
        .isEqualTo(new Eligibility.Unscheduled(UnscheduledReason.NO_DATE));
  }

  @Test
  void unknownSeriesIsReportedAsSuch() {
    var record =
        new RecordRetentionFields(
            Optional.empty(),
            Optional.of("NOPE"),
            Optional.of(LocalDate.of(2019, 1, 1)),
            Optional.empty());
    assertThat(eligibility(EffectiveRetention.of(record, Optional.empty())))
        .isEqualTo(new Eligibility.Unscheduled(UnscheduledReason.UNKNOWN_SERIES));
  }

  @Test
  void anotherRecordsDossierIsRefused() {
    var record =
        new RecordRetentionFields(
            Optional.of("HS-01"), Optional.empty(), Optional.empty(), Optional.empty());
    var other = new DossierRetentionFields("HS-99", Optional.of("DOS"), Optional.empty());
    assertThatThrownBy(() -> EffectiveRetention.of(record, Optional.of(other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HS-99");
  }

  @Test
  void scheduleValidatesItsFields() {
    assertThatThrownBy(() -> years("bad code", 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Schedule(
                    "X",
                    "t",
                    RetentionPeriod.ofYears(1),
                    DispositionAction.DESTROY,
                    "b",
                    false,
                    " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not verified");
    assertThatThrownBy(
            () ->
                new Schedule(
                    "X", "t", RetentionPeriod.ofYears(1), DispositionAction.DESTROY, "", true, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("legalBasis");
  }
}
