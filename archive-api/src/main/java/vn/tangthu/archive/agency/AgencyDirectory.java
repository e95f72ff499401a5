package vn.tangthu.archive.agency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * The current {@link AgencyTree}, reloaded from PostgreSQL after a local change and at least every
 * few seconds (so a change made through another node shows up quickly). Thread-safe.
 */
public final class AgencyDirectory {

  private static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final Jdbi jdbi;
  private final Clock clock;
  private volatile AgencyTree tree;
  private volatile Instant loadedAt = Instant.MIN;

  public AgencyDirectory(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public AgencyTree tree() {
    Instant now = clock.instant();
    AgencyTree t = tree;
    if (t == null || loadedAt.plus(MAX_AGE).isBefore(now)) {
      t = new AgencyTree(jdbi.withExtension(AgencyDao.class, AgencyDao::all));
      tree = t;
      loadedAt = now;
    }
    return t;
  }

  /** Forgets the snapshot; the next call reloads it. */
  public void invalidate() {
    tree = null;
  }
}
