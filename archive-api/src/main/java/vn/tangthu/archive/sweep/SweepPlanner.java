package vn.tangthu.archive.sweep;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.retention.sweep.SweepPlan;
import vn.tangthu.retention.sweep.SweepRules;

/**
 * The planning code path: one query reads only the eligible ACTIVE main records of the agencies
 * (through the partial index {@code records_eligible}) and the other records of their dossiers,
 * then {@link SweepRules#plan} decides. Its cost follows the number of eligible records and their
 * dossiers, not the size of the archive. Thread-safe.
 */
public final class SweepPlanner {

  private final Jdbi jdbi;

  public SweepPlanner(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * The plan for records owned by {@code agencies} as of {@code asOf}.
   *
   * @param agencies the sweep's agency and its descendants; not empty
   */
  public SweepPlan plan(List<String> agencies, LocalDate asOf) {
    if (agencies.isEmpty()) {
      throw new IllegalArgumentException("at least one agency");
    }
    // Planning is meant to read only through indexes. PostgreSQL estimates the eligible rows from
    // eligible_on alone (disposed records keep theirs), overestimates them in a large archive and
    // would then scan the whole table; the index-only plan is the right one whatever the estimate.
    List<RecordFacts> facts =
        jdbi.inTransaction(
            h -> {
              h.execute("SET LOCAL enable_seqscan = off");
              return h.attach(SweepDao.class).candidates(asOf, agencies);
            });
    return SweepRules.plan(facts.stream().map(RecordFacts::candidate).toList(), asOf);
  }
}
