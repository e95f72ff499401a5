package vn.tangthu.archive.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.schedule.Eligibility;
import vn.tangthu.retention.sweep.RecordStatus;
import vn.tangthu.retention.sweep.SweepCandidate;

class RecordFactsTest {
  private static final UUID ID = UUID.fromString("01900000-0000-7000-8000-000000000001");

  private static RecordFacts facts(
      String state, String series, String period, String action, LocalDate on, List<String> holds) {
    return new RecordFacts(ID, "HS-1", "ACTIVE", state, series, period, action, on, holds);
  }

  @Test
  void scheduledRowsBecomeScheduledCandidatesWithTheirActionAndHolds() {
    SweepCandidate c =
        facts("SCHEDULED", "S1", "10y", "TRANSFER", LocalDate.of(2031, 1, 1), List.of("h1"))
            .candidate();
    assertThat(c.eligibility().eligibleOn()).contains(LocalDate.of(2031, 1, 1));
    assertThat(c.action()).contains(DispositionAction.TRANSFER);
    assertThat(c.held()).isTrue();
    assertThat(c.fileCode()).contains("HS-1");
    assertThat(c.status()).isEqualTo(RecordStatus.ACTIVE);
  }

  @Test
  void permanentRowsAreNeverEligible() {
    Eligibility e =
        facts("PERMANENT", "S2", "PERMANENT", "TRANSFER", null, null).candidate().eligibility();
    assertThat(e).isInstanceOf(Eligibility.Permanent.class);
    assertThat(e.isEligible(LocalDate.of(2999, 1, 1))).isFalse();
  }

  @Test
  void inconsistentRowsCountAsUnscheduledAndAreKept() {
    assertThat(facts("SCHEDULED", "S1", "10y", "DESTROY", null, null).eligibility())
        .isEqualTo(new Eligibility.Unscheduled(Eligibility.UnscheduledReason.NO_DATE));
    assertThat(
            facts("SCHEDULED", "S1", "ten years", "DESTROY", LocalDate.of(2020, 1, 1), null)
                .eligibility())
        .isInstanceOf(Eligibility.Unscheduled.class);
    assertThat(facts("UNSCHEDULED", null, null, null, null, null).eligibility())
        .isEqualTo(new Eligibility.Unscheduled(Eligibility.UnscheduledReason.NO_SERIES));
  }
}
