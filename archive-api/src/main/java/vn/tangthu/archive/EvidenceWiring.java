package vn.tangthu.archive;

import java.nio.charset.StandardCharsets;
import vn.tangthu.archive.evidence.EvidenceRecords;
import vn.tangthu.archive.evidence.EvidenceRenewal;
import vn.tangthu.archive.evidence.EvidenceScheduler;
import vn.tangthu.archive.evidence.TimestampAuthority;
import vn.tangthu.archive.seal.ArchiveKeys;

/**
 * Preservation evidence: the evidence records (RFC 4998) timestamped by the archive's own
 * authority, and the scheduler that builds and renews them.
 *
 * @param records builds and checks evidence records
 * @param scheduler the periodic evidence run
 */
record EvidenceWiring(EvidenceRecords records, EvidenceScheduler scheduler) {

  static EvidenceWiring create(CoreWiring core, ArchiveKeys keys) {
    var clock = core.clock();
    EvidenceRecords records = new EvidenceRecords(new TimestampAuthority(keys, clock), keys, clock);
    EvidenceScheduler scheduler =
        new EvidenceScheduler(
            core.jdbi(),
            records,
            () -> core.audit().head().hash().getBytes(StandardCharsets.US_ASCII),
            clock,
            EvidenceRenewal.of(core.jdbi(), core.store(), core.originals(), records, keys, clock),
            core.leases());
    core.env().lifecycle().manage(scheduler);
    return new EvidenceWiring(records, scheduler);
  }
}
