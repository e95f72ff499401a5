package vn.tangthu.archive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditChainTest {

  private static final AuditEntry E = Chains.entry(42, "nguyen.van.a", "ab".repeat(32));

  @Test
  void encodingFollowsTheDocumentedLayout() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(1024);
    b.put("TTAUDIT1".getBytes(StandardCharsets.US_ASCII));
    b.putLong(42);
    b.putLong(E.occurredAt().getEpochSecond() * 1_000_000L + E.occurredAt().getNano() / 1000);
    for (String s :
        new String[] {
          "ab".repeat(32),
          "nguyen.van.a",
          "CLERK",
          "BN",
          "RECORD_READ",
          "RECORD",
          "rec-42",
          "SUCCESS",
          "10.0.0.1",
          "{\"n\":\"42\"}"
        }) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      b.putInt(bytes.length).put(bytes);
    }
    byte[] expected = new byte[b.position()];
    b.flip().get(expected);

    assertThat(AuditChain.encode(E)).isEqualTo(expected);
    assertThat(AuditChain.hash(E))
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void nullIsEncodedAsMinusOneLength() {
    AuditEntry noAgency = Chains.with(E, e -> field(e, 3, null), null);
    byte[] bytes = AuditChain.encode(noAgency);
    byte[] withEmpty = AuditChain.encode(Chains.with(E, e -> field(e, 3, ""), null));
    assertThat(bytes).isNotEqualTo(withEmpty);
    assertThat(ByteBuffer.wrap(bytes).getInt(24 + 4 + 64 + 4 + 12 + 4 + 5)).isEqualTo(-1);
  }

  @Test
  void fieldBoundariesAreUnambiguous() {
    AuditEntry a = Chains.with(E, e -> field(field(e, 1, "ab"), 3, "c"), null);
    AuditEntry b = Chains.with(E, e -> field(field(e, 1, "a"), 3, "bc"), null);
    assertThat(AuditChain.hash(a)).isNotEqualTo(AuditChain.hash(b));
  }

  static Stream<Arguments> everyField() {
    return Stream.of(
        Arguments.of("id", (UnaryOperator<AuditEntry>) e -> Chains.withId(e, 43)),
        Arguments.of(
            "occurredAt",
            (UnaryOperator<AuditEntry>)
                e -> Chains.sealed(atTime(e, e.occurredAt().plusNanos(1000)))),
        Arguments.of("prevHash", change(0, "cd".repeat(32))),
        Arguments.of("actor", change(1, "nguyen.van.b")),
        Arguments.of("roles", change(2, "ADMIN")),
        Arguments.of("agencyCode", change(3, "HN")),
        Arguments.of("action", change(4, "RECORD_CREATE")),
        Arguments.of("targetType", change(5, "TOKEN")),
        Arguments.of("targetId", change(6, "rec-43")),
        Arguments.of("outcome", change(7, "DENIED")),
        Arguments.of("clientAddress", change(8, "10.0.0.2")),
        Arguments.of("details", change(9, "{\"n\":\"43\"}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyField")
  void everyFieldIsCoveredByTheHash(String name, UnaryOperator<AuditEntry> change) {
    assertThat(AuditChain.hash(change.apply(E))).as(name).isNotEqualTo(AuditChain.hash(E));
  }

  @Test
  void timeIsKeptToTheMicrosecond() {
    Instant t = Instant.parse("2025-07-01T08:00:00.123456789Z");
    assertThat(AuditChain.truncate(t)).isEqualTo(Instant.parse("2025-07-01T08:00:00.123456Z"));
    AuditEntry nanos = Chains.sealed(atTime(E, t));
    AuditEntry micros = Chains.sealed(atTime(E, AuditChain.truncate(t)));
    assertThat(AuditChain.hash(nanos)).isEqualTo(AuditChain.hash(micros));
  }

  private static UnaryOperator<AuditEntry> change(int field, String value) {
    return e -> field(e, field, value);
  }

  private static AuditEntry atTime(AuditEntry e, Instant t) {
    return new AuditEntry(
        e.id(),
        t,
        e.actor(),
        e.rolesText(),
        e.agencyCode(),
        e.action(),
        e.targetType(),
        e.targetId(),
        e.outcome(),
        e.clientAddress(),
        e.detailsJson(),
        e.prevHash(),
        e.hash());
  }

  /** Field {@code i} in encoding order, from prevHash (0) to details (9), set to {@code v}. */
  private static AuditEntry field(AuditEntry e, int i, String v) {
    String[] f = {
      e.prevHash(),
      e.actor(),
      e.rolesText(),
      e.agencyCode(),
      e.action(),
      e.targetType(),
      e.targetId(),
      e.outcome(),
      e.clientAddress(),
      e.detailsJson()
    };
    f[i] = v;
    return new AuditEntry(
        e.id(),
        e.occurredAt(),
        f[1],
        f[2],
        f[3],
        f[4],
        f[5],
        f[6],
        f[7],
        f[8],
        f[9],
        f[0],
        e.hash());
  }
}
