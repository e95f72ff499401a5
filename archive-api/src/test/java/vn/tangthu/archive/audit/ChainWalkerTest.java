package vn.tangthu.archive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.tangthu.archive.audit.AuditVerification.Problem;

class ChainWalkerTest {

  private static ChainWalker walk(List<AuditEntry> entries) {
    ChainWalker w = new ChainWalker(1, AuditChain.GENESIS);
    entries.forEach(w::accept);
    return w;
  }

  @Test
  void intactChainWalksToTheEnd() {
    ChainWalker w = walk(Chains.chain(10));
    assertThat(w.broken()).isNull();
    assertThat(w.last().id()).isEqualTo(10);
    assertThat(w.count()).isEqualTo(10);
  }

  @Test
  void changedEntryBreaksAtItself() {
    List<AuditEntry> c = new ArrayList<>(Chains.chain(10));
    c.set(4, Chains.withActor(c.get(4), "mallory"));
    ChainWalker w = walk(c);
    assertThat(w.broken()).isEqualTo(new ChainWalker.Break(5, Problem.ENTRY_CHANGED));
    assertThat(w.count()).isEqualTo(10);
    assertThat(w.last().id()).isEqualTo(4);
  }

  @Test
  void changedEntryWithRecomputedHashBreaksAtItself() {
    List<AuditEntry> c = new ArrayList<>(Chains.chain(10));
    c.set(4, Chains.sealed(Chains.withActor(c.get(4), "mallory")));
    assertThat(walk(c).broken()).isEqualTo(new ChainWalker.Break(5, Problem.ENTRY_CHANGED));
  }

  @Test
  void missingEntryBreaksAtItsId() {
    List<AuditEntry> c = new ArrayList<>(Chains.chain(10));
    c.remove(4);
    assertThat(walk(c).broken()).isEqualTo(new ChainWalker.Break(5, Problem.ENTRY_MISSING));
  }

  @Test
  void insertedEntriesBreakAtTheFirstInserted() {
    List<AuditEntry> genuine = Chains.chain(10);
    List<AuditEntry> c = new ArrayList<>(genuine.subList(0, 4));
    AuditEntry f1 = Chains.entry(5, "forger", genuine.get(3).hash());
    AuditEntry f2 = Chains.entry(6, "forger", f1.hash());
    c.add(f1);
    c.add(f2);
    for (AuditEntry e : genuine.subList(4, 10)) {
      c.add(Chains.withId(e, e.id() + 2));
    }
    assertThat(walk(c).broken()).isEqualTo(new ChainWalker.Break(5, Problem.ENTRY_INSERTED));
  }

  @Test
  void entryClaimingAnotherPredecessorIsABrokenLink() {
    List<AuditEntry> c = new ArrayList<>(Chains.chain(10));
    AuditEntry fifth = c.get(4);
    c.set(
        4,
        Chains.with(
            fifth,
            e -> Chains.entry(5, e.actor(), c.get(2).hash()),
            fifth.hash())); // now claims to follow entry 3

    assertThat(walk(c).broken()).isEqualTo(new ChainWalker.Break(5, Problem.CHAIN_BROKEN));
  }

  @Test
  void walkCanStartFromAnAnchoredEntry() {
    List<AuditEntry> c = Chains.chain(10);
    ChainWalker w = new ChainWalker(7, c.get(5).hash());
    c.subList(6, 10).forEach(w::accept);
    assertThat(w.broken()).isNull();
    assertThat(w.last().id()).isEqualTo(10);

    ChainWalker wrongStart = new ChainWalker(7, c.get(4).hash());
    c.subList(6, 10).forEach(wrongStart::accept);
    assertThat(wrongStart.broken()).isNotNull();
  }
}
