package vn.tangthu.archive.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered record ids (UUIDv7, RFC 9562): 48 bits of Unix milliseconds, then random bits, so
 * ids sort by creation time and keys spread evenly over their random suffix. Thread-safe.
 */
public final class Ids {

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private int counter;

  public Ids(Clock clock) {
    this.clock = clock;
  }

  /**
   * The next id. Ids from one generator strictly increase: within one millisecond the 12-bit {@code
   * rand_a} field counts up (RFC 9562, method 1), starting from a random value below 2048.
   */
  public synchronized UUID next() {
    long millis = clock.millis();
    if (millis <= lastMillis) {
      millis = lastMillis;
      if (++counter > 0xFFF) {
        millis++;
        counter = random.nextInt(1 << 11);
      }
    } else {
      counter = random.nextInt(1 << 11);
    }
    lastMillis = millis;
    long msb = (millis << 16) | (0x7L << 12) | counter;
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  /** Parses a client-supplied id, or empty for anything that is not a UUID. */
  public static java.util.Optional<UUID> parse(String s) {
    if (s == null || s.length() != 36) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(UUID.fromString(s));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
