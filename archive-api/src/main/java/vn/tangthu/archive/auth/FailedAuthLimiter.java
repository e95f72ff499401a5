package vn.tangthu.archive.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down repeated failed authentications, counted separately per client address and per
 * presented name, with exponential backoff rather than a lockout: past a number of free failures,
 * each further failure of a key makes it wait before its next attempt (1 s, 2 s, 4 s, … up to a
 * cap), and a key's failures are forgotten a while after its last one. The limiter only ever
 * answers how long a key must wait; refusing is the caller's decision, made so that a valid
 * credential is never refused because of other people's failures:
 *
 * <ul>
 *   <li><b>Bearer tokens</b> ({@link BearerAuthFilter}): every token is checked; a valid one is
 *       accepted whatever failed before from its address. A failure counts against the address and
 *       is answered 429 with {@code Retry-After} instead of 401 while the address must wait. A
 *       token carries no name (it is 256 random bits; a guesser presents a new one each time), so
 *       tokens are counted per address only.
 *   <li><b>Passwords</b> (the sign-in to come): a name that must wait is answered 429 before its
 *       password is checked, so guessing one user's password is slowed from every address; every
 *       attempt from an address that must wait is still checked (a colleague behind the same
 *       address signs in), its failure answered 429. A failure counts against the name, whether or
 *       not a user has it (so the answer does not tell which names exist), and against the address;
 *       a success clears the name's failures, never the address's (one valid credential must not
 *       reset a guesser's address).
 * </ul>
 *
 * <p>Counts live in this node's memory: behind a load balancer each node counts for itself. The
 * memory is bounded per kind of key: when full, keys that are not waiting are dropped first, and a
 * new key is not tracked while every tracked one is waiting. Thread-safe.
 */
public final class FailedAuthLimiter {

  static final int MAX_TRACKED = 100_000;

  /** What failures are counted against. */
  public record Key(Kind kind, String value) {

    /** The two kinds of keys, each with its own policy and memory. */
    public enum Kind {
      ADDRESS,
      NAME
    }

    public Key {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
    }

    /** A client address, as {@link vn.tangthu.archive.net.IpAddresses#limitKey} keys it. */
    public static Key address(String key) {
      return new Key(Kind.ADDRESS, key);
    }

    /** A presented user name, exactly as presented. */
    public static Key name(String name) {
      return new Key(Kind.NAME, name);
    }
  }

  /**
   * How one kind of key is slowed down.
   *
   * @param freeFailures failures that cost no wait
   * @param firstWait the wait after the first failure past them; it doubles with each further one
   * @param maxWait the longest wait
   * @param forgetAfter a key's failures are forgotten this long after its last one
   */
  public record Policy(
      int freeFailures, Duration firstWait, Duration maxWait, Duration forgetAfter) {
    public Policy {
      if (freeFailures < 0
          || firstWait.isNegative()
          || firstWait.isZero()
          || maxWait.compareTo(firstWait) < 0
          || forgetAfter.compareTo(maxWait) < 0) {
        throw new IllegalArgumentException(
            "freeFailures >= 0 and 0 < firstWait <= maxWait <= forgetAfter are required");
      }
    }

    Duration waitAfter(int failures) {
      int past = failures - freeFailures;
      if (past <= 0) {
        return Duration.ZERO;
      }
      if (past > 40) {
        return maxWait;
      }
      Duration wait = firstWait.multipliedBy(1L << (past - 1));
      return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
  }

  private record Entry(int failures, Instant last, Instant until) {}

  /** The keys of one kind: their policy, their entries, and when they were last swept. */
  private static final class Table {
    final Policy policy;
    final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private Instant swept = Instant.MIN;

    Table(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Whether one more key fits. When full, drops forgotten keys, then keys not waiting; at most
     * once a second, so a flood of new keys costs no more than that.
     */
    synchronized boolean makeRoom(Instant now) {
      if (entries.size() < MAX_TRACKED) {
        return true;
      }
      if (now.isBefore(swept.plusSeconds(1))) {
        return false;
      }
      swept = now;
      entries.values().removeIf(e -> e.last().plus(policy.forgetAfter()).isBefore(now));
      if (entries.size() >= MAX_TRACKED) {
        entries.values().removeIf(e -> !e.until().isAfter(now));
      }
      return entries.size() < MAX_TRACKED;
    }
  }

  private final Clock clock;
  private final Map<Key.Kind, Table> tables;

  public FailedAuthLimiter(Clock clock, Policy addresses, Policy names) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tables = Map.of(Key.Kind.ADDRESS, new Table(addresses), Key.Kind.NAME, new Table(names));
  }

  /** How long {@code key} must still wait before its next attempt; zero when it may try now. */
  public Duration waitFor(Key key) {
    Entry e = tables.get(key.kind()).entries.get(key.value());
    if (e == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), e.until());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Records one failure against each of {@code keys} and returns the longest wait that imposes on
   * any of them (zero while they are within their free failures).
   */
  public Duration failed(Key... keys) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (Key key : keys) {
      Table table = tables.get(key.kind());
      Policy policy = table.policy;
      if (!table.entries.containsKey(key.value()) && !table.makeRoom(now)) {
        continue;
      }
      Entry e =
          table.entries.compute(
              key.value(),
              (k, old) -> {
                int failures =
                    old == null || old.last().plus(policy.forgetAfter()).isBefore(now)
                        ? 1
                        : old.failures() + 1;
                return new Entry(failures, now, now.plus(policy.waitAfter(failures)));
              });
      Duration wait = Duration.between(now, e.until());
      if (wait.compareTo(longest) > 0) {
        longest = wait;
      }
    }
    return longest;
  }

  /** Forgets the failures of {@code key} (a name that has just signed in). */
  public void succeeded(Key key) {
    tables.get(key.kind()).entries.remove(key.value());
  }

  /** Keys of {@code kind} tracked now (for tests and metrics). */
  int tracked(Key.Kind kind) {
    return tables.get(kind).entries.size();
  }
}
