package vn.tangthu.retention.sweep;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.tangthu.retention.schedule.DispositionAction;

/**
 * The outcome of planning: the items taken, in input order, and the candidates left out.
 *
 * @param asOf the sweep's date (in Vietnam)
 * @param items records taken
 * @param excluded candidates left out, with reasons
 */
public record SweepPlan(LocalDate asOf, List<SweepItem> items, List<Exclusion> excluded) {
  public SweepPlan {
    Objects.requireNonNull(asOf, "asOf");
    items = List.copyOf(items);
    excluded = List.copyOf(excluded);
  }

  /** Number of items per action (every action present, zero when none). */
  public Map<DispositionAction, Integer> counts() {
    Map<DispositionAction, Integer> counts = new EnumMap<>(DispositionAction.class);
    for (DispositionAction a : DispositionAction.values()) {
      counts.put(a, 0);
    }
    items.forEach(i -> counts.merge(i.action(), 1, Integer::sum));
    return counts;
  }
}
