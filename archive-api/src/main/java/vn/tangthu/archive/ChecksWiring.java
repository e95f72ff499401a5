package vn.tangthu.archive;

import vn.tangthu.archive.check.Checks;
import vn.tangthu.archive.evidence.EvidenceRecords;
import vn.tangthu.archive.evidence.EvidenceVerification;

/** Online fixity and evidence checks ({@code POST /checks}) and the runner that works them off. */
final class ChecksWiring {
  private ChecksWiring() {}

  static Checks create(CoreWiring core, EvidenceRecords evidence) {
    Checks checks =
        Checks.create(
            core.jdbi(),
            new EvidenceVerification(
                core.jdbi(), key -> core.store().get(core.originals(), key), evidence),
            core.access(),
            core.audit(),
            core.clock());
    core.env().lifecycle().manage(checks.runner());
    return checks;
  }
}
