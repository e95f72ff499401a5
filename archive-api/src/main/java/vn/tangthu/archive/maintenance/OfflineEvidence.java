package vn.tangthu.archive.maintenance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.evidence.EvidenceRecords;
import vn.tangthu.archive.evidence.EvidenceRenewal;
import vn.tangthu.archive.evidence.EvidenceVerification;
import vn.tangthu.archive.evidence.TimestampAuthority;
import vn.tangthu.archive.seal.ArchiveKeys;

/** The evidence parts over an {@link OfflineArchive}, for the evidence commands. */
final class OfflineEvidence {
  final ArchiveKeys keys;
  final EvidenceRecords records;
  final EvidenceVerification verification;
  final EvidenceRenewal renewal;

  OfflineEvidence(OfflineArchive archive, ArchiveConfiguration config, Clock clock)
      throws IOException {
    var sig = config.getSignatures();
    Path root = archive.dataDir().root();
    keys = ArchiveKeys.loadOrCreate(root.resolve(sig.keys()), clock, sig.organisation());
    records = new EvidenceRecords(new TimestampAuthority(keys, clock), keys, clock);
    String bucket = archive.storage().originalsBucket();
    verification =
        new EvidenceVerification(archive.jdbi(), key -> archive.store().get(bucket, key), records);
    renewal = new EvidenceRenewal(archive.jdbi(), records, verification, keys, clock);
  }
}
