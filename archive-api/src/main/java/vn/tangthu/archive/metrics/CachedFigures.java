package vn.tangthu.archive.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures from PostgreSQL, read at most once per {@code maxAge} however often they are asked
 * for: the gauges of a scrape all read one snapshot, and a scrape under load never adds a query per
 * gauge. One caller refreshes a stale snapshot while the others keep answering from it; a failed
 * read keeps the last good one (logged) and is retried after {@code maxAge}. Thread-safe.
 */
public final class CachedFigures implements Supplier<Figures> {

  private static final Logger LOG = LoggerFactory.getLogger(CachedFigures.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration maxAge;
  private final Supplier<ImportFigures> imports;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Figures last = Figures.NONE;
  private volatile Instant tried = Instant.EPOCH;

  public CachedFigures(Jdbi jdbi, Clock clock, Duration maxAge, Supplier<ImportFigures> imports) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.maxAge = maxAge;
    this.imports = imports;
  }

  /** The snapshot, read again first when it is older than {@code maxAge} and nobody else is. */
  @Override
  public Figures get() {
    if (Duration.between(tried, clock.instant()).compareTo(maxAge) >= 0 && refreshing.tryLock()) {
      try {
        if (Duration.between(tried, clock.instant()).compareTo(maxAge) >= 0) {
          tried = clock.instant();
          last = read();
        }
      } catch (RuntimeException e) {
        LOG.warn("Reading the archive's figures failed; keeping those of {}: {}", last.readAt(), e);
      } finally {
        refreshing.unlock();
      }
    }
    return last;
  }

  private Figures read() {
    return jdbi.withExtension(
        FiguresDao.class,
        d -> {
          Map<String, Long> records = new HashMap<>();
          Map<String, Long> bytes = new HashMap<>();
          long queue = 0;
          long failures = 0;
          long backlog = 0;
          for (FiguresDao.RecordGroup g : d.records()) {
            records.merge(g.status(), g.n(), Long::sum);
            bytes.merge(g.status(), g.bytes(), Long::sum);
            if ("ACTIVE".equals(g.status())) {
              queue += "PENDING".equals(g.extractionStatus()) ? g.n() : 0;
              failures += "FAILED".equals(g.extractionStatus()) ? g.n() : 0;
              backlog += g.sealed() ? 0 : g.n();
            }
          }
          Map<String, Long> sweeps = new HashMap<>();
          d.sweeps().forEach(c -> sweeps.put(c.status(), c.n()));
          Map<String, Long> checks = new HashMap<>();
          d.openChecks().forEach(c -> checks.put(c.status(), c.n()));
          return new Figures(
              records,
              bytes,
              queue,
              failures,
              backlog,
              sweeps,
              checks,
              d.changeLogHead(),
              imports.get(),
              clock.instant());
        });
  }
}
