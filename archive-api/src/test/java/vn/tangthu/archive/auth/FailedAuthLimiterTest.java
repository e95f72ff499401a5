package vn.tangthu.archive.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.tangthu.archive.auth.FailedAuthLimiter.Key;
import vn.tangthu.archive.auth.FailedAuthLimiter.Policy;

class FailedAuthLimiterTest {

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final TestClock clock = new TestClock();
  private final FailedAuthLimiter limiter =
      new FailedAuthLimiter(
          clock,
          new Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(15)),
          new Policy(2, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(15)));
  private final Key address = Key.address("192.0.2.1");

  @Test
  void freeFailuresCostNothingThenEachFurtherOneDoublesTheWaitUpToTheCap() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.failed(address)).isZero();
    }
    assertThat(limiter.failed(address)).isEqualTo(Duration.ofSeconds(1));
    assertThat(limiter.failed(address)).isEqualTo(Duration.ofSeconds(2));
    assertThat(limiter.failed(address)).isEqualTo(Duration.ofSeconds(4));
    assertThat(limiter.failed(address)).isEqualTo(Duration.ofSeconds(8));
    assertThat(limiter.failed(address)).isEqualTo(Duration.ofSeconds(8));
    for (int i = 0; i < 100; i++) {
      limiter.failed(address);
    }
    assertThat(limiter.waitFor(address)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void theWaitRunsOutWithTime() {
    for (int i = 0; i < 5; i++) {
      limiter.failed(address);
    }
    assertThat(limiter.waitFor(address)).isEqualTo(Duration.ofSeconds(2));
    clock.advance(Duration.ofMillis(1500));
    assertThat(limiter.waitFor(address)).isEqualTo(Duration.ofMillis(500));
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.waitFor(address)).isZero();
    assertThat(limiter.failed(address)).as("still remembered").isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void failuresAreForgottenLongAfterTheLastOne() {
    for (int i = 0; i < 6; i++) {
      limiter.failed(address);
    }
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(limiter.waitFor(address)).isZero();
    assertThat(limiter.failed(address)).isZero();
  }

  @Test
  void addressesAndNamesAreCountedApartWithTheirOwnPolicies() {
    Key name = Key.name("lan");
    Key other = Key.address("192.0.2.2");
    for (int i = 0; i < 3; i++) {
      limiter.failed(name, address);
    }
    assertThat(limiter.waitFor(name)).isEqualTo(Duration.ofSeconds(2));
    assertThat(limiter.waitFor(address)).isZero();
    assertThat(limiter.failed(name, address))
        .as("the longest of the two")
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(limiter.waitFor(other)).isZero();
    assertThat(limiter.waitFor(Key.address("lan"))).isZero();
  }

  @Test
  void aSuccessClearsTheNameOnly() {
    Key name = Key.name("lan");
    for (int i = 0; i < 6; i++) {
      limiter.failed(name, address);
    }
    limiter.succeeded(name);
    assertThat(limiter.waitFor(name)).isZero();
    assertThat(limiter.waitFor(address)).isPositive();
  }

  @Test
  void memoryIsBoundedAndWaitingKeysAreKeptFirst() {
    Key waiting = Key.address("waiting");
    for (int i = 0; i < 6; i++) {
      limiter.failed(waiting);
    }
    for (int i = 0; i < FailedAuthLimiter.MAX_TRACKED + 10; i++) {
      limiter.failed(Key.address("a" + i));
    }
    assertThat(limiter.tracked(Key.Kind.ADDRESS))
        .isLessThanOrEqualTo(FailedAuthLimiter.MAX_TRACKED);
    assertThat(limiter.waitFor(waiting)).isPositive();
  }

  @Test
  void policiesMustMakeSense() {
    assertThatThrownBy(
            () ->
                new Policy(-1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Policy(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Policy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
