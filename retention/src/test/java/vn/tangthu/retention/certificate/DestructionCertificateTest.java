package vn.tangthu.retention.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.tangthu.retention.certificate.DestructionCertificate.Item;
import vn.tangthu.retention.certificate.DestructionCertificate.Skipped;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.sweep.SkipReason;

class DestructionCertificateTest {
  private static final String H1 = "a".repeat(64);
  private static final String H2 = "0123456789abcdef".repeat(4);

  private static DestructionCertificate certificate(List<Item> items, List<Skipped> skipped) {
    return new DestructionCertificate(
        "cert-1",
        "sweep-1",
        "SO-NV",
        LocalDate.of(2031, 1, 1),
        "lan.nguyen",
        Instant.parse("2031-01-02T01:00:00Z"),
        "minh.tran",
        Instant.parse("2031-01-05T02:30:00Z"),
        Instant.parse("2031-01-06T03:00:00.123Z"),
        items,
        skipped);
  }

  @Test
  void canonicalJsonIsSortedCompactAndExact() {
    var cert =
        certificate(
            List.of(
                new Item("r2", Optional.empty(), H2, DispositionAction.TRANSFER),
                new Item("r1", Optional.of("HS-1"), H1, DispositionAction.DESTROY)),
            List.of(new Skipped("r3", SkipReason.HOLD_PLACED)));
    assertThat(cert.canonicalJson())
        .isEqualTo(
            "{\"agencyCode\":\"SO-NV\",\"approvedAt\":\"2031-01-05T02:30:00Z\","
                + "\"approvedBy\":\"minh.tran\",\"asOf\":\"2031-01-01\",\"certificateId\":\"cert-1\","
                + "\"executedAt\":\"2031-01-06T03:00:00.123Z\","
                + "\"format\":\"tangthu-destruction-certificate/1\","
                + "\"items\":[{\"action\":\"DESTROY\",\"fileCode\":\"HS-1\",\"recordId\":\"r1\","
                + "\"sha256\":\""
                + H1
                + "\"},{\"action\":\"TRANSFER\",\"recordId\":\"r2\",\"sha256\":\""
                + H2
                + "\"}],\"plannedAt\":\"2031-01-02T01:00:00Z\",\"plannedBy\":\"lan.nguyen\","
                + "\"skipped\":[{\"reason\":\"HOLD_PLACED\",\"recordId\":\"r3\"}],"
                + "\"sweepId\":\"sweep-1\"}");
  }

  @Test
  void sameContentInAnyOrderGivesTheSameBytes() {
    var a = new Item("r1", Optional.empty(), H1, DispositionAction.DESTROY);
    var b = new Item("r2", Optional.empty(), H2, DispositionAction.DESTROY);
    assertThat(certificate(List.of(a, b), List.of()).canonicalBytes())
        .isEqualTo(certificate(List.of(b, a), List.of()).canonicalBytes());
  }

  @Test
  void stringsAreEscapedAndVietnameseStaysUtf8() {
    var cert =
        new DestructionCertificate(
            "c",
            "s",
            "UBND-Bắc Ninh",
            LocalDate.of(2031, 1, 1),
            "người \"lập\"\\\n\u0001",
            Instant.EPOCH,
            "b",
            Instant.EPOCH,
            Instant.EPOCH,
            List.of(),
            List.of());
    String json = cert.canonicalJson();
    assertThat(json).contains("\"agencyCode\":\"UBND-Bắc Ninh\"");
    assertThat(json).contains("\"plannedBy\":\"người \\\"lập\\\"\\\\\\n\\u0001\"");
    assertThat(new String(cert.canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void invalidContentIsRefused() {
    assertThatThrownBy(() -> new Item("r", Optional.empty(), "ABC", DispositionAction.DESTROY))
        .hasMessageContaining("sha256");
    assertThatThrownBy(() -> new Item("r", Optional.empty(), H1, DispositionAction.REVIEW))
        .hasMessageContaining("REVIEW");
    var item = new Item("r1", Optional.empty(), H1, DispositionAction.DESTROY);
    assertThatThrownBy(
            () -> certificate(List.of(item), List.of(new Skipped("r1", SkipReason.HOLD_PLACED))))
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () ->
                new DestructionCertificate(
                    "c",
                    "s",
                    "a",
                    LocalDate.of(2031, 1, 1),
                    "same",
                    Instant.EPOCH,
                    "same",
                    Instant.EPOCH,
                    Instant.EPOCH,
                    List.of(),
                    List.of()))
        .hasMessageContaining("different persons");
    assertThatThrownBy(
            () ->
                new DestructionCertificate(
                    "c",
                    "s",
                    "a",
                    LocalDate.of(2031, 1, 1),
                    "p",
                    Instant.parse("2031-01-02T00:00:00Z"),
                    "q",
                    Instant.parse("2031-01-01T00:00:00Z"),
                    Instant.parse("2031-01-03T00:00:00Z"),
                    List.of(),
                    List.of()))
        .hasMessageContaining("plannedAt <= approvedAt");
  }
}
