package vn.tangthu.retention.sweep;

import java.util.Objects;
import java.util.Optional;

/**
 * What execution does with one approved item.
 *
 * @param item the item as approved
 * @param outcome execute it, only list it (REVIEW), or skip it
 * @param skipReason present exactly when {@code outcome} is {@link Outcome#SKIP}
 */
public record ItemDecision(SweepItem item, Outcome outcome, Optional<SkipReason> skipReason) {

  /** The three things execution can do with an item. */
  public enum Outcome {
    EXECUTE,
    LIST_ONLY,
    SKIP
  }

  public ItemDecision {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(skipReason, "skipReason");
    if (skipReason.isPresent() != (outcome == Outcome.SKIP)) {
      throw new IllegalArgumentException("a skip reason goes with SKIP and only with it");
    }
  }

  static ItemDecision execute(SweepItem item) {
    return new ItemDecision(item, Outcome.EXECUTE, Optional.empty());
  }

  static ItemDecision listOnly(SweepItem item) {
    return new ItemDecision(item, Outcome.LIST_ONLY, Optional.empty());
  }

  static ItemDecision skip(SweepItem item, SkipReason reason) {
    return new ItemDecision(item, Outcome.SKIP, Optional.of(reason));
  }
}
