package vn.tangthu.archive.lease;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's side of the job leases. {@link #acquire} takes a named lease when it is free or has
 * lapsed (its holder died or stopped renewing), with a fencing token higher than any before it;
 * while held, the lease is renewed in the background every third of its time to live. A job makes
 * its important writes under {@link Held#fence} in their transaction, so once another node has
 * taken the lease over nothing the first node still had in flight commits. Expiry is judged by the
 * injected clock of the node taking the lease. Thread-safe.
 *
 * <p>Stopping does not release the leases still held: their jobs release them as they end, and a
 * job cut short leaves its lease to lapse, exactly as when its node dies.
 */
public final class Leases implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(Leases.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final String owner;
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "lease-renewal");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param owner this node's name, written with every lease it holds
   */
  public Leases(Jdbi jdbi, Clock clock, String owner) {
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("a lease owner is required");
    }
    this.jdbi = Objects.requireNonNull(jdbi);
    this.clock = Objects.requireNonNull(clock);
    this.owner = owner;
  }

  /** This node's name as a lease holder. */
  public String owner() {
    return owner;
  }

  /**
   * Takes the lease {@code name} for {@code ttl}, renewed until {@link Held#close()}.
   *
   * @return the held lease, or empty when another node (or another job of this node) holds it
   */
  public Optional<Held> acquire(String name, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lease lives a positive time");
    }
    var now = clock.instant();
    Optional<Long> token =
        jdbi.withExtension(LeaseDao.class, d -> d.take(name, owner, now, now.plus(ttl)));
    return token.map(t -> new Held(name, t, ttl));
  }

  /**
   * Runs {@code job} under the lease {@code name} when no other holder has it, then gives the lease
   * up.
   *
   * @return whether the job ran here
   */
  public boolean runAlone(String name, Duration ttl, java.util.function.Consumer<Held> job) {
    Optional<Held> held = acquire(name, ttl);
    if (held.isEmpty()) {
      return false;
    }
    try (Held h = held.get()) {
      job.accept(h);
    }
    return true;
  }

  /** The run date a daily job last completed, under whichever node. */
  public Optional<LocalDate> lastCompleted(String name) {
    return jdbi.withExtension(LeaseDao.class, d -> d.lastCompleted(name));
  }

  @Override
  public void start() {
    // renewals are scheduled as leases are taken
  }

  @Override
  public void stop() {
    renewer.shutdownNow();
  }

  /** A lease this node holds: its name and fencing token. */
  public final class Held implements AutoCloseable {
    private final String name;
    private final long token;
    private final Duration ttl;
    private final ScheduledFuture<?> renewal;
    private volatile boolean lost;

    private Held(String name, long token, Duration ttl) {
      this.name = name;
      this.token = token;
      this.ttl = ttl;
      long every = Math.max(1, ttl.toMillis() / 3);
      this.renewal =
          renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    public String name() {
      return name;
    }

    /** The fencing token: higher than that of every earlier holder. */
    public long token() {
      return token;
    }

    /** Whether a renewal found the lease taken over by another holder. */
    public boolean lost() {
      return lost;
    }

    /**
     * Refuses the write in {@code handle}'s transaction unless this lease still carries its token;
     * the lease row stays locked against a takeover until that transaction ends.
     *
     * @throws LeaseLostException when another holder took the lease over
     */
    public void fence(Handle handle) {
      long current = handle.attach(LeaseDao.class).lockToken(name).orElse(0L);
      if (current != token) {
        lost = true;
        throw new LeaseLostException(name, token, current);
      }
    }

    /**
     * Records, in {@code handle}'s transaction and fenced, that the daily job completed its run of
     * {@code day}.
     */
    public void complete(Handle handle, LocalDate day) {
      fence(handle);
      handle.attach(LeaseDao.class).complete(name, token, day);
    }

    private void renew() {
      try {
        int n =
            jdbi.withExtension(
                LeaseDao.class, d -> d.renew(name, owner, token, clock.instant().plus(ttl)));
        if (n == 0) {
          lost = true;
          renewal.cancel(false);
          LOG.warn("Lease {} was taken over by another node", name);
        }
      } catch (RuntimeException e) {
        LOG.warn("Renewing lease {} failed, will retry: {}", name, e.toString());
      }
    }

    /** Stops renewing and gives the lease up, so another node may take it at once. */
    @Override
    public void close() {
      renewal.cancel(false);
      try {
        jdbi.useExtension(LeaseDao.class, d -> d.release(name, token));
      } catch (RuntimeException e) {
        LOG.warn("Releasing lease {} failed; it lapses at expiry: {}", name, e.toString());
      }
    }
  }
}
