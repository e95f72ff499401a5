package vn.tangthu.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureReportTest {
  private static SignatureCheck check(
      Integrity integrity, Trust trust, TimestampStatus ts, ChangesAfter changes) {
    return new SignatureCheck(
        SignatureKind.PADES,
        integrity,
        trust,
        ts,
        true,
        changes,
        "Nguyễn Văn An",
        Instant.parse("2026-03-01T08:00:05Z"),
        "why",
        "vì sao");
  }

  private static final SignatureCheck GOOD =
      check(Integrity.INTACT, Trust.TRUSTED, TimestampStatus.VALID, ChangesAfter.NONE);

  @Test
  void statusFollowsTheContractRule() {
    assertThat(SignatureReport.of(List.of()).status()).isEqualTo(SignatureStatus.NOT_SIGNED);
    assertThat(SignatureReport.of(List.of(GOOD)).status()).isEqualTo(SignatureStatus.VALID);
    assertThat(
            SignatureReport.of(
                    List.of(
                        GOOD,
                        check(
                            Integrity.INTACT,
                            Trust.TRUSTED,
                            TimestampStatus.NONE,
                            ChangesAfter.ALLOWED)))
                .status())
        .isEqualTo(SignatureStatus.VALID);
    assertThat(
            SignatureReport.of(
                    List.of(
                        check(
                            Integrity.INTACT,
                            Trust.TRUSTED,
                            TimestampStatus.NONE,
                            ChangesAfter.DISALLOWED)))
                .status())
        .isEqualTo(SignatureStatus.INDETERMINATE);
    assertThat(
            SignatureReport.of(
                    List.of(
                        GOOD,
                        check(
                            Integrity.UNKNOWN,
                            Trust.TRUSTED,
                            TimestampStatus.NONE,
                            ChangesAfter.NONE)))
                .status())
        .isEqualTo(SignatureStatus.INDETERMINATE);
    assertThat(
            SignatureReport.of(
                    List.of(
                        GOOD,
                        check(
                            Integrity.INTACT,
                            Trust.UNTRUSTED,
                            TimestampStatus.NONE,
                            ChangesAfter.NONE)))
                .status())
        .isEqualTo(SignatureStatus.INDETERMINATE);
    assertThat(
            SignatureReport.of(
                    List.of(
                        GOOD,
                        check(
                            Integrity.INTACT,
                            Trust.TRUSTED,
                            TimestampStatus.INVALID,
                            ChangesAfter.NONE)))
                .status())
        .isEqualTo(SignatureStatus.INVALID);
    assertThat(
            SignatureReport.of(
                    List.of(
                        check(
                            Integrity.BROKEN,
                            Trust.UNKNOWN,
                            TimestampStatus.NONE,
                            ChangesAfter.DISALLOWED)))
                .status())
        .isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void inconsistentStatusIsRejected() {
    assertThatThrownBy(() -> new SignatureReport(SignatureStatus.VALID, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serialisesWithTheContractFieldNamesAndReadsBack() throws Exception {
    ObjectMapper mapper = Jackson.newObjectMapper();
    SignatureReport report = SignatureReport.of(List.of(GOOD));

    JsonNode json = mapper.readTree(mapper.writeValueAsString(report));

    assertThat(json.get("status").asText()).isEqualTo("VALID");
    JsonNode s = json.get("signatures").get(0);
    assertThat(s.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "kind",
            "integrity",
            "trust",
            "timestamp",
            "coversWholeDocument",
            "changesAfter",
            "signer",
            "signingTime",
            "message",
            "messageVi");
    assertThat(s.get("signingTime").asText()).isEqualTo("2026-03-01T08:00:05Z");
    assertThat(s.get("coversWholeDocument").asBoolean()).isTrue();
    assertThat(mapper.readValue(mapper.writeValueAsString(report), SignatureReport.class))
        .isEqualTo(report);
  }
}
