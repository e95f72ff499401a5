package vn.tangthu.archive.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed authentications per client address: after {@code maxFailures} within {@code
 * window}, the address is refused (429) until the window has passed since its last failure. Memory
 * is bounded: when it tracks too many addresses, stale ones are dropped. Thread-safe.
 */
public final class FailedAuthLimiter {

  private static final int MAX_TRACKED = 100_000;

  private record Window(Instant start, int failures, Instant last) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int maxFailures;
  private final Duration window;

  public FailedAuthLimiter(Clock clock, int maxFailures, Duration window) {
    if (maxFailures < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("maxFailures >= 1 and a positive window are required");
    }
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** True when {@code address} has failed too often recently and must wait. */
  public boolean blocked(String address) {
    Window w = windows.get(address);
    if (w == null) {
      return false;
    }
    Instant now = clock.instant();
    if (w.failures() >= maxFailures) {
      if (now.isBefore(w.last().plus(window))) {
        return true;
      }
      windows.remove(address, w);
    }
    return false;
  }

  /** Seconds until {@code address} may try again (at least 1). */
  public long retryAfterSeconds(String address) {
    Window w = windows.get(address);
    if (w == null) {
      return 1;
    }
    return Math.max(1, Duration.between(clock.instant(), w.last().plus(window)).toSeconds());
  }

  /** Records a failed attempt from {@code address}. */
  public void failed(String address) {
    Instant now = clock.instant();
    if (windows.size() > MAX_TRACKED) {
      windows.values().removeIf(w -> w.last().plus(window).isBefore(now));
    }
    windows.compute(
        address,
        (a, w) ->
            w == null || w.start().plus(window).isBefore(now) && w.failures() < maxFailures
                ? new Window(now, 1, now)
                : new Window(w.start(), w.failures() + 1, now));
  }
}
