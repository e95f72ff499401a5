package vn.tangthu.archive.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsFromOneMillisecondStillIncrease() {
    Ids ids = new Ids(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    List<UUID> made = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      made.add(ids.next());
    }
    List<String> asText = made.stream().map(UUID::toString).toList();
    assertThat(asText).isSorted().doesNotHaveDuplicates();
    assertThat(made).allSatisfy(u -> assertThat(u.version()).isEqualTo(7));
  }

  @Test
  void idsCarryTheirCreationTime() {
    Instant t = Instant.parse("2025-07-01T03:04:05.678Z");
    UUID id = new Ids(Clock.fixed(t, ZoneOffset.UTC)).next();
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(t.toEpochMilli());
  }

  @Test
  void parseAcceptsOnlyUuids() {
    assertThat(Ids.parse("not-a-uuid")).isEmpty();
    assertThat(Ids.parse(null)).isEmpty();
    assertThat(Ids.parse("01a2187c-97aa-732a-babd-3b09907aaf59")).isPresent();
  }
}
