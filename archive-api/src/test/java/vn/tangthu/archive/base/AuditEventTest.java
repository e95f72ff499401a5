package vn.tangthu.archive.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventTest {

  private static AuditEvent event(String actor, String action, Map<String, String> details) {
    return new AuditEvent(
        actor, Set.of(), null, action, null, null, AuditOutcome.SUCCESS, null, details);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"read", "R", "RECORD-READ", "1READ", "RECORD READ"})
  void actionMustBeUpperSnakeCase(String action) {
    assertThatThrownBy(() -> event("a", action, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void actorAndOutcomeAreRequired() {
    assertThatThrownBy(() -> event(" ", "SEARCH", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new AuditEvent("a", Set.of(), null, "SEARCH", null, null, null, null, Map.of()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void detailKeysAreCheckedAndCounted() {
    assertThatThrownBy(() -> event("a", "SEARCH", Map.of("bad key", "v")))
        .isInstanceOf(IllegalArgumentException.class);
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i <= AuditEvent.MAX_DETAILS; i++) {
      many.put("k" + i, "v");
    }
    assertThatThrownBy(() -> event("a", "SEARCH", many))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textThatPostgresCannotKeepExactlyIsReplaced() {
    AuditEvent e = event("a\u0000b\uD800c\uDC00", "SEARCH", Map.of("q", "x\u0000y"));
    assertThat(e.actor()).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
    assertThat(e.details()).containsEntry("q", "x\uFFFDy");
    assertThat(event("😀 Hà Nội", "SEARCH", Map.of()).actor()).isEqualTo("😀 Hà Nội");
  }

  @Test
  void longTextIsCutAtACodePointWithinTheLimit() {
    String emoji = "😀".repeat(AuditEvent.MAX_VALUE);
    String cut = event("a", "SEARCH", Map.of("q", emoji)).details().get("q");
    assertThat(cut.length()).isLessThanOrEqualTo(AuditEvent.MAX_VALUE);
    assertThat(cut).endsWith("…");
    assertThat(cut.chars().filter(ch -> Character.isSurrogate((char) ch)).count() % 2).isZero();
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    String exact = "x".repeat(AuditEvent.MAX_VALUE);
    assertThat(event("a", "SEARCH", Map.of("q", exact)).details().get("q")).isEqualTo(exact);
  }

  @Test
  void blankOptionalTextIsNull() {
    AuditEvent e =
        new AuditEvent(
            "a", null, " ", "SEARCH", "", "\t", AuditOutcome.FAILED, "", Map.of("k", " "));
    assertThat(e.agencyCode()).isNull();
    assertThat(e.targetType()).isNull();
    assertThat(e.targetId()).isNull();
    assertThat(e.clientAddress()).isNull();
    assertThat(e.roles()).isEmpty();
    assertThat(e.details()).containsEntry("k", "");
  }

  @Test
  void fromCallerWithDetails() {
    Caller c = new Caller(7, "auditor1", "BN", Set.of(Role.CLERK, Role.AUDITOR), UUID.randomUUID());
    AuditEvent e =
        AuditEvent.of(c, AuditEvent.SEARCH, null, null, AuditOutcome.SUCCESS, "10.1.1.1")
            .withDetail("q", "quyết định")
            .withDetail("hits", 3)
            .withDetail("none", null);
    assertThat(e.actor()).isEqualTo("auditor1");
    assertThat(e.rolesText()).isEqualTo("AUDITOR,CLERK");
    assertThat(e.details()).containsExactly(Map.entry("hits", "3"), Map.entry("q", "quyết định"));
    assertThat(AuditEvent.anonymous(AuditEvent.AUTH_FAILED, AuditOutcome.DENIED, "1.2.3.4").actor())
        .isEqualTo(AuditEvent.ANONYMOUS);
  }
}
