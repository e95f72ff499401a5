package vn.tangthu.archive.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.seal.ArchiveKeys;
import vn.tangthu.archive.seal.KeyRole;

class EvidenceRecordsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static byte[] record(int i) {
    return ("văn bản số " + i + " của UBND tỉnh Bắc Ninh").getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private EvidenceBatch sealFive(EvidenceRecords ers) throws Exception {
    List<EvidenceItem> items = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      items.add(new EvidenceItem("rec-" + i, sha256(record(i))));
    }
    return ers.seal(items, "audit-head-42".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void evidenceVerifiesForTheRecordAndFailsForOneChangedByte() throws Exception {
    ArchiveKeys keys = ArchiveKeys.loadOrCreate(dir, CLOCK, "A");
    EvidenceRecords ers = new EvidenceRecords(new TimestampAuthority(keys, CLOCK), keys, CLOCK);
    EvidenceBatch batch = sealFive(ers);

    assertThat(batch.evidence()).hasSize(5);
    assertThat(batch.time()).isEqualTo(CLOCK.instant());
    for (int i = 0; i < 5; i++) {
      EvidenceCheck ok = ers.verify(batch.evidence().get("rec-" + i), record(i));
      assertThat(ok.valid()).as(ok.reason()).isTrue();
      assertThat(ok.firstTime()).isEqualTo(CLOCK.instant());
    }
    byte[] changed = record(3);
    changed[5] ^= 1;
    assertThat(ers.verify(batch.evidence().get("rec-3"), changed).valid()).isFalse();
    assertThat(ers.verify(batch.evidence().get("rec-2"), record(3)).valid()).isFalse();
    assertThat(
            ers.verify(batch.auditHeadEvidence(), "audit-head-42".getBytes(StandardCharsets.UTF_8))
                .valid())
        .isTrue();
    assertThat(ers.verify(new byte[] {1, 2, 3}, record(1)).valid()).isFalse();
  }

  @Test
  void fullBatchWithRepeatedBytesGivesEveryRecordEvidenceOfItsOwnBytes() throws Exception {
    ArchiveKeys keys = ArchiveKeys.loadOrCreate(dir, CLOCK, "A");
    EvidenceRecords ers = new EvidenceRecords(new TimestampAuthority(keys, CLOCK), keys, CLOCK);
    List<EvidenceItem> items = new ArrayList<>();
    for (int i = 0; i < EvidenceRecords.MAX_BATCH; i++) {
      String hash = sha256(record(i % 200));
      items.add(new EvidenceItem("rec-" + i, i % 3 == 0 ? hash.toUpperCase() : hash));
    }
    byte[] head = "audit-head-7".getBytes(StandardCharsets.UTF_8);
    EvidenceBatch batch = ers.seal(items, head);

    assertThat(batch.evidence()).hasSize(EvidenceRecords.MAX_BATCH);
    for (int i = 0; i < EvidenceRecords.MAX_BATCH; i++) {
      byte[] evidence = batch.evidence().get("rec-" + i);
      EvidenceCheck ok = ers.verify(evidence, record(i % 200));
      assertThat(ok.valid()).as("rec-%d: %s", i, ok.reason()).isTrue();
      assertThat(ers.verify(evidence, record((i + 1) % 200)).valid()).isFalse();
    }
    assertThat(batch.evidence().get("rec-3")).isEqualTo(batch.evidence().get("rec-203"));
    assertThat(ers.verify(batch.auditHeadEvidence(), head).valid()).isTrue();
  }

  @Test
  void moreRecordsThanOneBatchAreRefusedBeforeAnyTimestamp() throws Exception {
    ArchiveKeys keys = ArchiveKeys.loadOrCreate(dir, CLOCK, "A");
    EvidenceRecords ers = new EvidenceRecords(new TimestampAuthority(keys, CLOCK), keys, CLOCK);
    List<EvidenceItem> items = new ArrayList<>();
    for (int i = 0; i <= EvidenceRecords.MAX_BATCH; i++) {
      items.add(new EvidenceItem("rec-" + i, sha256(record(i))));
    }
    assertThatThrownBy(() -> ers.seal(items, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most " + EvidenceRecords.MAX_BATCH);
  }

  @Test
  void renewalKeepsOldEvidenceVerifiable() throws Exception {
    ArchiveKeys keys = ArchiveKeys.loadOrCreate(dir, CLOCK, "A");
    EvidenceRecords ers = new EvidenceRecords(new TimestampAuthority(keys, CLOCK), keys, CLOCK);
    byte[] original = sealFive(ers).evidence().get("rec-1");

    keys.rotate(KeyRole.TIMESTAMP_AUTHORITY);
    byte[] renewed = ers.renewTimestamp(original);
    byte[] rehashed = ers.renewHash(renewed, record(1), NISTObjectIdentifiers.id_sha512);

    for (byte[] evidence : List.of(original, renewed, rehashed)) {
      EvidenceCheck c = ers.verify(evidence, record(1));
      assertThat(c.valid()).as(c.reason()).isTrue();
      assertThat(c.firstTime()).isEqualTo(CLOCK.instant());
      byte[] changed = record(1);
      changed[0] ^= 1;
      assertThat(ers.verify(evidence, changed).valid()).isFalse();
    }
    assertThat(rehashed.length).isGreaterThan(renewed.length);
  }

  @Test
  void timestampRenewalAfterAHashTreeRenewalStillVerifies() throws Exception {
    ArchiveKeys keys = ArchiveKeys.loadOrCreate(dir, CLOCK, "A");
    EvidenceRecords ers = new EvidenceRecords(new TimestampAuthority(keys, CLOCK), keys, CLOCK);
    byte[] original = sealFive(ers).evidence().get("rec-2");
    byte[] rehashed = ers.renewHash(original, record(2), NISTObjectIdentifiers.id_sha512);
    keys.rotate(KeyRole.TIMESTAMP_AUTHORITY);
    byte[] renewed = ers.renewTimestamp(rehashed);
    RecordDigests digests =
        RecordDigests.of(new java.io.ByteArrayInputStream(record(2)), ers.algorithms(renewed));
    EvidenceCheck c = ers.verify(renewed, digests);
    assertThat(c.valid()).as(c.reason()).isTrue();
    assertThat(ers.verify(renewed, record(2)).valid()).isTrue();
    byte[] changed = record(2);
    changed[1] ^= 1;
    assertThat(ers.verify(renewed, changed).valid()).isFalse();
  }

  @Test
  void renewalsYearsLaterStillVerify() throws Exception {
    ArchiveKeys keys = ArchiveKeys.loadOrCreate(dir, CLOCK, "A");
    EvidenceRecords ers = new EvidenceRecords(new TimestampAuthority(keys, CLOCK), keys, CLOCK);
    byte[] evidence = sealFive(ers).evidence().get("rec-3");
    keys.rotate(KeyRole.TIMESTAMP_AUTHORITY);
    evidence = ers.renewTimestamp(evidence);
    evidence = ers.renewHash(evidence, record(3), NISTObjectIdentifiers.id_sha512);
    Clock later = Clock.offset(CLOCK, java.time.Duration.ofDays(3600));
    ArchiveKeys laterKeys = ArchiveKeys.loadOrCreate(dir, later, "A");
    laterKeys.rotate(KeyRole.TIMESTAMP_AUTHORITY);
    EvidenceRecords laterErs =
        new EvidenceRecords(new TimestampAuthority(laterKeys, later), laterKeys, later);
    byte[] renewed = laterErs.renewTimestamp(evidence);
    EvidenceCheck c = laterErs.verify(renewed, record(3));
    assertThat(c.valid()).as(c.reason()).isTrue();
  }

  @Test
  void evidenceFromAnotherAuthorityIsRejected() throws Exception {
    ArchiveKeys mine = ArchiveKeys.loadOrCreate(dir.resolve("mine"), CLOCK, "A");
    ArchiveKeys theirs = ArchiveKeys.loadOrCreate(dir.resolve("theirs"), CLOCK, "B");
    EvidenceRecords foreign =
        new EvidenceRecords(new TimestampAuthority(theirs, CLOCK), theirs, CLOCK);
    byte[] evidence = sealFive(foreign).evidence().get("rec-0");
    EvidenceRecords ours = new EvidenceRecords(new TimestampAuthority(mine, CLOCK), mine, CLOCK);
    assertThat(ours.verify(evidence, record(0)).valid()).isFalse();
  }
}
