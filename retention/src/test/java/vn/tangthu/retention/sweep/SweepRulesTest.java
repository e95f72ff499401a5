package vn.tangthu.retention.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.schedule.Eligibility;
import vn.tangthu.retention.schedule.RetentionPeriod;
import vn.tangthu.retention.schedule.Schedule;
import vn.tangthu.retention.sweep.ItemDecision.Outcome;

class SweepRulesTest {
  // work ended in 2020, 10 years: eligible on 2031-01-01
  private static final LocalDate END = LocalDate.of(2020, 7, 1);
  private static final LocalDate ELIGIBLE = LocalDate.of(2031, 1, 1);

  private static Schedule schedule(String code, int years, DispositionAction action) {
    return new Schedule(
        code, "t", RetentionPeriod.ofYears(years), action, "Thông tư 10/2022/TT-BNV", true, "");
  }

  private static final Schedule DESTROY10 = schedule("D10", 10, DispositionAction.DESTROY);
  private static final Schedule REVIEW10 = schedule("R10", 10, DispositionAction.REVIEW);
  private static final Schedule TRANSFER10 = schedule("T10", 10, DispositionAction.TRANSFER);
  private static final Schedule PERMANENT =
      new Schedule(
          "P",
          "t",
          RetentionPeriod.PERMANENT,
          DispositionAction.TRANSFER,
          "Thông tư 10/2022/TT-BNV",
          true,
          "");

  private static SweepCandidate candidate(String id, String fileCode, Schedule s, String... holds) {
    return new SweepCandidate(
        id,
        Optional.ofNullable(fileCode),
        RecordStatus.ACTIVE,
        Eligibility.of(s, END),
        Set.of(holds));
  }

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  private static Map<String, ExclusionReason> reasons(SweepPlan plan) {
    return plan.excluded().stream()
        .collect(Collectors.toMap(Exclusion::recordId, Exclusion::reason));
  }

  @Test
  void takesActiveEligibleUnheldRecordsAndSaysWhyOthersStay() {
    var unscheduled =
        new SweepCandidate(
            "u",
            Optional.empty(),
            RecordStatus.ACTIVE,
            new Eligibility.Unscheduled(Eligibility.UnscheduledReason.NO_SERIES),
            Set.of());
    var disposed =
        new SweepCandidate(
            "x", Optional.empty(), RecordStatus.DISPOSED, Eligibility.of(DESTROY10, END), Set.of());
    var later = candidate("later", null, schedule("D20", 20, DispositionAction.DESTROY));
    var plan =
        SweepRules.plan(
            List.of(
                candidate("a", null, DESTROY10),
                candidate("p", null, PERMANENT),
                candidate("h", null, DESTROY10, "hold-1"),
                unscheduled,
                disposed,
                later),
            ELIGIBLE);
    assertThat(plan.items()).extracting(SweepItem::recordId).containsExactly("a");
    assertThat(plan.items().get(0).eligibleOn()).isEqualTo(ELIGIBLE);
    assertThat(reasons(plan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "p", ExclusionReason.PERMANENT,
                "h", ExclusionReason.HELD,
                "u", ExclusionReason.UNSCHEDULED,
                "x", ExclusionReason.NOT_ACTIVE,
                "later", ExclusionReason.NOT_YET_ELIGIBLE));
  }

  @Test
  void eligibilityBoundaryIsFirstJanuary() {
    var c = List.of(candidate("a", null, DESTROY10));
    assertThat(SweepRules.plan(c, ELIGIBLE.minusDays(1)).items()).isEmpty();
    assertThat(SweepRules.plan(c, ELIGIBLE).items()).hasSize(1);
  }

  @Test
  void defaultDateIsTodayInVietnamNotUtc() {
    var c = List.of(candidate("a", null, DESTROY10));
    // 23:59:59 on 31 Dec 2030 in Vietnam
    LocalDate lastEvening = SweepRules.asOf(Optional.empty(), at("2030-12-31T16:59:59Z"));
    assertThat(lastEvening).isEqualTo(LocalDate.of(2030, 12, 31));
    assertThat(SweepRules.plan(c, lastEvening).items()).isEmpty();
    // 00:00 on 1 Jan 2031 in Vietnam, while UTC still says 31 Dec
    LocalDate newYear = SweepRules.asOf(Optional.empty(), at("2030-12-31T17:00:00Z"));
    assertThat(newYear).isEqualTo(ELIGIBLE);
    assertThat(SweepRules.plan(c, newYear).items()).hasSize(1);
    // an explicit date wins over the clock
    assertThat(SweepRules.asOf(Optional.of(LocalDate.of(2040, 1, 1)), at("2030-01-01T00:00:00Z")))
        .isEqualTo(LocalDate.of(2040, 1, 1));
  }

  @Test
  void aHoldOnOneRecordOfADossierKeepsTheWholeDossier() {
    var plan =
        SweepRules.plan(
            List.of(
                candidate("d1", "HS-1", DESTROY10),
                candidate("d2", "HS-1", DESTROY10, "hold-7"),
                candidate("d3", "HS-1", DESTROY10),
                candidate("e1", "HS-2", DESTROY10),
                candidate("e2", "HS-2", DESTROY10)),
            ELIGIBLE);
    assertThat(plan.items()).extracting(SweepItem::recordId).containsExactly("e1", "e2");
    assertThat(reasons(plan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "d1", ExclusionReason.DOSSIER_HELD,
                "d2", ExclusionReason.HELD,
                "d3", ExclusionReason.DOSSIER_HELD));
  }

  @Test
  void reviewItemsAreListedButNotExecuted() {
    var plan =
        SweepRules.plan(
            List.of(
                candidate("d", null, DESTROY10),
                candidate("r", null, REVIEW10),
                candidate("t", null, TRANSFER10)),
            ELIGIBLE);
    assertThat(plan.counts())
        .containsEntry(DispositionAction.DESTROY, 1)
        .containsEntry(DispositionAction.REVIEW, 1)
        .containsEntry(DispositionAction.TRANSFER, 1);
    var current =
        Map.of(
            "d", candidate("d", null, DESTROY10),
            "r", candidate("r", null, REVIEW10),
            "t", candidate("t", null, TRANSFER10));
    var decisions = SweepRules.recheck(plan.items(), current, at("2031-06-01T00:00:00Z"));
    assertThat(decisions)
        .extracting(ItemDecision::outcome)
        .containsExactly(Outcome.EXECUTE, Outcome.LIST_ONLY, Outcome.EXECUTE);
  }

  @Test
  void recheckSkipsItemsWhoseFactsChangedSinceApproval() {
    List<SweepItem> items =
        SweepRules.plan(
                List.of(
                    candidate("ok", null, DESTROY10),
                    candidate("held", null, DESTROY10),
                    candidate("extended", null, DESTROY10),
                    candidate("permanent", null, DESTROY10),
                    candidate("lost", null, DESTROY10),
                    candidate("action", null, DESTROY10),
                    candidate("status", null, DESTROY10),
                    candidate("gone", null, DESTROY10),
                    candidate("dos1", "HS-9", DESTROY10)),
                ELIGIBLE)
            .items();
    assertThat(items).hasSize(9);
    Map<String, SweepCandidate> current =
        List.of(
                candidate("ok", null, DESTROY10),
                candidate("held", null, DESTROY10, "hold-late"),
                candidate("extended", null, schedule("D30", 30, DispositionAction.DESTROY)),
                candidate("permanent", null, PERMANENT),
                new SweepCandidate(
                    "lost",
                    Optional.empty(),
                    RecordStatus.ACTIVE,
                    new Eligibility.Unscheduled(Eligibility.UnscheduledReason.UNKNOWN_SERIES),
                    Set.of()),
                candidate("action", null, TRANSFER10),
                new SweepCandidate(
                    "status",
                    Optional.empty(),
                    RecordStatus.TRANSFERRED,
                    Eligibility.of(DESTROY10, END),
                    Set.of()),
                candidate("dos1", "HS-9", DESTROY10),
                candidate("dos2", "HS-9", DESTROY10, "hold-on-sibling"))
            .stream()
            .collect(Collectors.toMap(SweepCandidate::recordId, Function.identity()));

    var decisions = SweepRules.recheck(items, current, at("2031-03-01T00:00:00Z"));
    Map<String, Optional<SkipReason>> byId =
        decisions.stream()
            .collect(Collectors.toMap(d -> d.item().recordId(), ItemDecision::skipReason));
    assertThat(byId)
        .containsEntry("ok", Optional.empty())
        .containsEntry("held", Optional.of(SkipReason.HOLD_PLACED))
        .containsEntry("extended", Optional.of(SkipReason.SCHEDULE_EXTENDED))
        .containsEntry("permanent", Optional.of(SkipReason.SCHEDULE_EXTENDED))
        .containsEntry("lost", Optional.of(SkipReason.SCHEDULE_CHANGED))
        .containsEntry("action", Optional.of(SkipReason.ACTION_CHANGED))
        .containsEntry("status", Optional.of(SkipReason.STATUS_CHANGED))
        .containsEntry("gone", Optional.of(SkipReason.RECORD_MISSING))
        .containsEntry("dos1", Optional.of(SkipReason.DOSSIER_HELD));
  }

  @Test
  void executionBeforeTheDateInVietnamSkipsTheItem() {
    // planned ahead, for a future date
    var items = SweepRules.plan(List.of(candidate("a", null, DESTROY10)), ELIGIBLE).items();
    var current = Map.of("a", candidate("a", null, DESTROY10));
    assertThat(SweepRules.recheck(items, current, at("2030-12-31T16:59:59Z")).get(0).skipReason())
        .hasValue(SkipReason.NOT_YET_ELIGIBLE);
    assertThat(SweepRules.recheck(items, current, at("2030-12-31T17:00:00Z")).get(0).outcome())
        .isEqualTo(Outcome.EXECUTE);
  }

  @Test
  void takingOutOneRecordOfADossierTakesOutTheWholeDossier() {
    var items =
        SweepRules.plan(
                List.of(
                    candidate("d1", "HS-1", DESTROY10),
                    candidate("d2", "HS-1", DESTROY10),
                    candidate("loose", null, DESTROY10),
                    candidate("e1", "HS-2", DESTROY10)),
                ELIGIBLE)
            .items();
    assertThat(SweepRules.removalSet(items, "d2"))
        .extracting(SweepItem::recordId)
        .containsExactly("d1", "d2");
    assertThat(SweepRules.removalSet(items, "loose"))
        .extracting(SweepItem::recordId)
        .containsExactly("loose");
    assertThat(SweepRules.removalSet(items, "unknown")).isEmpty();
  }
}
