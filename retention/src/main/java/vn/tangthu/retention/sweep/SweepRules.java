package vn.tangthu.retention.sweep;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.schedule.Eligibility;
import vn.tangthu.retention.schedule.VietnamTime;

/**
 * The rules that decide what a sweep takes and what its execution does. A record is taken when it
 * is ACTIVE, has a finite schedule with {@code eligibleOn <= asOf}, and neither it nor any other
 * record of its dossier is under a legal hold. REVIEW items are taken (listed) but never executed.
 * Stateless; thread-safe.
 */
public final class SweepRules {
  private SweepRules() {}

  /** The sweep's date: {@code requested}, or today in Vietnam according to {@code clock}. */
  public static LocalDate asOf(Optional<LocalDate> requested, Clock clock) {
    return requested.orElseGet(() -> VietnamTime.today(clock));
  }

  /**
   * Plans a sweep over {@code candidates}.
   *
   * <p>The caller must pass every record of each dossier that any candidate belongs to (not only
   * the eligible ones): the dossier rule needs to see a hold on any of them.
   */
  public static SweepPlan plan(Collection<SweepCandidate> candidates, LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    Set<String> heldDossiers = heldDossiers(candidates);
    List<SweepItem> items = new ArrayList<>();
    List<Exclusion> excluded = new ArrayList<>();
    for (SweepCandidate c : candidates) {
      Optional<ExclusionReason> reason = exclusion(c, asOf, heldDossiers);
      if (reason.isPresent()) {
        excluded.add(new Exclusion(c.recordId(), c.fileCode(), reason.get()));
      } else {
        items.add(
            new SweepItem(
                c.recordId(), c.fileCode(), c.action().orElseThrow(), eligibleOn(c.eligibility())));
      }
    }
    return new SweepPlan(asOf, items, excluded);
  }

  /**
   * Why {@code candidate} is left out of a sweep as of {@code asOf}; empty when it is taken.
   *
   * @param heldDossiers file codes of dossiers with at least one held record
   */
  public static Optional<ExclusionReason> exclusion(
      SweepCandidate candidate, LocalDate asOf, Set<String> heldDossiers) {
    if (candidate.status() != RecordStatus.ACTIVE) {
      return Optional.of(ExclusionReason.NOT_ACTIVE);
    }
    if (candidate.held()) {
      return Optional.of(ExclusionReason.HELD);
    }
    if (candidate.fileCode().filter(heldDossiers::contains).isPresent()) {
      return Optional.of(ExclusionReason.DOSSIER_HELD);
    }
    Eligibility e = candidate.eligibility();
    if (e instanceof Eligibility.Permanent) {
      return Optional.of(ExclusionReason.PERMANENT);
    }
    if (e instanceof Eligibility.Unscheduled) {
      return Optional.of(ExclusionReason.UNSCHEDULED);
    }
    return e.isEligible(asOf) ? Optional.empty() : Optional.of(ExclusionReason.NOT_YET_ELIGIBLE);
  }

  /** File codes of the dossiers in which at least one of {@code records} is held. */
  public static Set<String> heldDossiers(Collection<SweepCandidate> records) {
    Set<String> held = new HashSet<>();
    for (SweepCandidate c : records) {
      if (c.held()) {
        c.fileCode().ifPresent(held::add);
      }
    }
    return held;
  }

  /**
   * The items that go when an archivist takes {@code recordId} out of a planned sweep: the item
   * itself and, when it belongs to a dossier, every item of that dossier (a dossier is swept
   * whole). Empty when the record is not in {@code items}.
   */
  public static List<SweepItem> removalSet(List<SweepItem> items, String recordId) {
    Optional<SweepItem> target =
        items.stream().filter(i -> i.recordId().equals(recordId)).findFirst();
    if (target.isEmpty()) {
      return List.of();
    }
    Optional<String> dossier = target.get().fileCode();
    if (dossier.isEmpty()) {
      return List.of(target.get());
    }
    return items.stream().filter(i -> i.fileCode().equals(dossier)).toList();
  }

  /**
   * Re-checks approved items against the current facts, at execution time.
   *
   * @param items the approved items
   * @param current the current facts by record id; must include every record of each dossier
   *     concerned (a record missing here is skipped as {@link SkipReason#RECORD_MISSING})
   * @param clock "today" in Vietnam must not be before an item's eligibility date
   */
  public static List<ItemDecision> recheck(
      List<SweepItem> items, Map<String, SweepCandidate> current, Clock clock) {
    LocalDate today = VietnamTime.today(clock);
    Set<String> heldDossiers = heldDossiers(current.values());
    List<ItemDecision> out = new ArrayList<>(items.size());
    for (SweepItem item : items) {
      out.add(decide(item, Optional.ofNullable(current.get(item.recordId())), heldDossiers, today));
    }
    return out;
  }

  /**
   * The decision for one approved item given its current facts.
   *
   * @param heldDossiers file codes of dossiers with at least one held record now
   * @param today today's date in Vietnam
   */
  public static ItemDecision decide(
      SweepItem item, Optional<SweepCandidate> current, Set<String> heldDossiers, LocalDate today) {
    Optional<SkipReason> skip = skipReason(item, current, heldDossiers, today);
    if (skip.isPresent()) {
      return ItemDecision.skip(item, skip.get());
    }
    return item.executable() ? ItemDecision.execute(item) : ItemDecision.listOnly(item);
  }

  private static Optional<SkipReason> skipReason(
      SweepItem item, Optional<SweepCandidate> current, Set<String> heldDossiers, LocalDate today) {
    if (current.isEmpty()) {
      return Optional.of(SkipReason.RECORD_MISSING);
    }
    SweepCandidate c = current.get();
    if (c.status() != RecordStatus.ACTIVE) {
      return Optional.of(SkipReason.STATUS_CHANGED);
    }
    if (c.held()) {
      return Optional.of(SkipReason.HOLD_PLACED);
    }
    if (item.fileCode().filter(heldDossiers::contains).isPresent()
        || c.fileCode().filter(heldDossiers::contains).isPresent()) {
      return Optional.of(SkipReason.DOSSIER_HELD);
    }
    Eligibility e = c.eligibility();
    if (e instanceof Eligibility.Permanent) {
      return Optional.of(SkipReason.SCHEDULE_EXTENDED);
    }
    if (e instanceof Eligibility.Unscheduled) {
      return Optional.of(SkipReason.SCHEDULE_CHANGED);
    }
    LocalDate now = eligibleOn(e);
    if (now.isAfter(item.eligibleOn())) {
      return Optional.of(SkipReason.SCHEDULE_EXTENDED);
    }
    DispositionAction action = c.action().orElseThrow();
    if (action != item.action()) {
      return Optional.of(SkipReason.ACTION_CHANGED);
    }
    if (today.isBefore(now)) {
      return Optional.of(SkipReason.NOT_YET_ELIGIBLE);
    }
    return Optional.empty();
  }

  private static LocalDate eligibleOn(Eligibility e) {
    return e.eligibleOn().orElseThrow();
  }
}
