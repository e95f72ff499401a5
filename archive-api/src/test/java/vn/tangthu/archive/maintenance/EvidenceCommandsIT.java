package vn.tangthu.archive.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.ArchiveApplication;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.evidence.EvidenceDao;
import vn.tangthu.archive.evidence.EvidenceOutcome;
import vn.tangthu.archive.evidence.EvidenceRecords;
import vn.tangthu.archive.evidence.EvidenceRenewal;
import vn.tangthu.archive.evidence.EvidenceVerification;
import vn.tangthu.archive.evidence.TimestampAuthority;
import vn.tangthu.archive.seal.ArchiveKeys;
import vn.tangthu.archive.seal.KeyRole;
import vn.tangthu.archive.support.Corpus;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * {@code evidence-verify} and {@code evidence-renew} on a data directory the server wrote: a
 * changed byte on the storage node's disk and an altered evidence row are both reported FAILED;
 * renewal (rotated TSA key, then SHA-512 hash tree) keeps the record verifiable and the replaced
 * evidence verifiable on its own.
 */
class EvidenceCommandsIT {

  @TempDir static Path tmp;

  @Test
  void verifiesDetectsTamperingAndRenewsKeepingHistory() throws Exception {
    Path data = tmp.resolve("data");
    Path fileA = Corpus.viLegal().get(3);
    Path fileB = Corpus.viLegal().get(5);
    UUID a;
    UUID b;
    try (RunningArchive archive = RunningArchive.start(data)) {
      String admin = archive.adminToken();
      assertThat(
              archive.postJson("agencies", admin, "{\"code\":\"EV\",\"name\":\"EV\"}").statusCode())
          .isEqualTo(201);
      a = upload(archive, admin, fileA);
      b = upload(archive, admin, fileB);
      UUID unsealed = null;
      assertThat(archive.wiring().evidence().runOnce()).isEqualTo(2);
      unsealed = upload(archive, admin, Corpus.viLegal().get(7));
      UUID pending = unsealed;
      archive.whileStopped(config -> offline(config, data, fileA, fileB, a, b, pending));
    }
  }

  private void offline(
      ArchiveConfiguration config, Path data, Path fileA, Path fileB, UUID a, UUID b, UUID pending)
      throws Exception {
    Out out = new Out();
    assertThat(EvidenceVerifyCommand.verify(config, null, out.stream)).isZero();
    assertThat(out.text()).contains(a + " OK", b + " OK").contains("2 record(s) checked, 0 FAILED");
    assertThat(EvidenceVerifyCommand.verify(config, pending.toString(), out.reset())).isZero();
    assertThat(out.text()).contains(pending + " PENDING");
    Path configFile = tmp.resolve("config.yml");
    Files.writeString(
        configFile,
        "dataDir: " + data + "\nstorage:\n  embeddedPort: 0\nlogging:\n  level: WARN\n");
    assertThat(cli("evidence-verify", "--record", a.toString(), configFile.toString())).isEmpty();

    // One byte changed on the storage node's disk: its GET fails or the bytes differ.
    Path stored = storedFile(data, Files.readAllBytes(fileA));
    byte[] original = Files.readAllBytes(stored);
    byte[] changed = original.clone();
    changed[changed.length / 2] ^= 1;
    Files.write(stored, changed);
    assertThat(EvidenceVerifyCommand.verify(config, a.toString(), out.reset())).isEqualTo(1);
    assertThat(out.text()).contains(a + " FAILED");
    assertThat(EvidenceVerifyCommand.verify(config, null, out.reset())).isEqualTo(1);
    assertThat(out.text()).contains(a + " FAILED", b + " OK");
    Optional<Throwable> failed = cli("evidence-verify", configFile.toString());
    assertThat(failed).isPresent();
    assertThat(failed.get()).hasMessageContaining("1 record(s) FAILED");
    Files.write(stored, original);

    // The evidence row altered: B's row holds A's evidence record.
    try (OfflineArchive archive = new OfflineArchive(config)) {
      archive
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "UPDATE record_evidence SET evidence = (SELECT evidence FROM"
                              + " record_evidence WHERE record_id = :a) WHERE record_id = :b")
                      .bind("a", a)
                      .bind("b", b)
                      .execute());
    }
    assertThat(EvidenceVerifyCommand.verify(config, b.toString(), out.reset())).isEqualTo(1);
    assertThat(out.text()).contains(b + " FAILED").contains("not the ones the evidence protects");
    assertThat(EvidenceVerifyCommand.verify(config, a.toString(), out.reset())).isZero();
    byte[] evidenceOfA = evidence(config, a);

    // Renewal: rotated TSA key, every timestamp renewed, then a SHA-512 hash tree for A.
    assertThat(
            EvidenceRenewCommand.renew(
                config, a.toString(), new EvidenceRenewal.Always(), true, out.reset()))
        .isZero();
    assertThat(out.text()).contains("rotated").contains(a + " OK timestamp renewed");
    assertThat(
            EvidenceRenewCommand.renew(
                config,
                a.toString(),
                new EvidenceRenewal.Rehash(NISTObjectIdentifiers.id_sha512),
                false,
                out.reset()))
        .isZero();
    assertThat(out.text()).contains(a + " OK hash tree renewed with SHA-512");
    assertThat(cli("evidence-renew", "--record", a.toString(), configFile.toString())).isEmpty();
    assertThat(EvidenceVerifyCommand.verify(config, a.toString(), out.reset())).isZero();

    Files.write(stored, changed);
    assertThat(EvidenceVerifyCommand.verify(config, a.toString(), out.reset())).isEqualTo(1);
    Files.write(stored, original);

    try (OfflineArchive archive = new OfflineArchive(config)) {
      List<byte[]> history = archive.jdbi().withExtension(EvidenceDao.class, d -> d.history(a));
      assertThat(history).hasSize(2);
      assertThat(history.get(0)).isEqualTo(evidenceOfA);
      byte[] current = evidence(archive, a);
      assertThat(current.length).isGreaterThan(history.get(1).length);
      ArchiveKeys keys =
          ArchiveKeys.loadOrCreate(
              data.resolve(config.getSignatures().keys()), Clock.systemUTC(), "x");
      assertThat(keys.history(KeyRole.TIMESTAMP_AUTHORITY)).hasSize(2);
      EvidenceRecords ers =
          new EvidenceRecords(
              new TimestampAuthority(keys, Clock.systemUTC()), keys, Clock.systemUTC());
      byte[] bytes = Files.readAllBytes(fileA);
      byte[] other = bytes.clone();
      other[0] ^= 1;
      for (byte[] er : List.of(history.get(0), history.get(1), current)) {
        var ok = ers.verify(er, bytes);
        assertThat(ok.valid()).as(ok.reason()).isTrue();
        assertThat(ers.verify(er, other).valid()).isFalse();
      }
    }
    dailyRunRenewsBeforeTheTsaCertificateExpires(config, data, a);
  }

  /** Ten years on, the daily run's renewal rotates the TSA key and renews every timestamp. */
  private static void dailyRunRenewsBeforeTheTsaCertificateExpires(
      ArchiveConfiguration config, Path data, UUID a) throws Exception {
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(3600));
    try (OfflineArchive archive = new OfflineArchive(config)) {
      ArchiveKeys keys =
          ArchiveKeys.loadOrCreate(data.resolve(config.getSignatures().keys()), later, "x");
      EvidenceRecords ers = new EvidenceRecords(new TimestampAuthority(keys, later), keys, later);
      EvidenceRenewal renewal =
          EvidenceRenewal.of(
              archive.jdbi(),
              archive.store(),
              archive.storage().originalsBucket(),
              ers,
              keys,
              later);
      assertThat(renewal.renewDue()).isEqualTo(2);
      assertThat(keys.history(KeyRole.TIMESTAMP_AUTHORITY)).hasSize(3);
      assertThat(renewal.renewDue()).as("nothing is due any more").isZero();
      EvidenceVerification check =
          new EvidenceVerification(
              archive.jdbi(),
              key -> archive.store().get(archive.storage().originalsBucket(), key),
              ers);
      assertThat(check.check(a).state()).isEqualTo(EvidenceOutcome.State.OK);
      List<byte[]> history = archive.jdbi().withExtension(EvidenceDao.class, d -> d.history(a));
      assertThat(history).hasSize(3);
    }
  }

  private static UUID upload(RunningArchive archive, String admin, Path file) throws Exception {
    var r =
        archive.upload(
            "records",
            admin,
            new Multipart()
                .json("metadata", "{\"agencyCode\":\"EV\",\"subject\":\"Bằng chứng\"}")
                .file("file", file));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return UUID.fromString(RunningArchive.json(r).get("id").asText());
  }

  /** The storage node's data file holding exactly {@code bytes}. */
  private static Path storedFile(Path data, byte[] bytes) throws Exception {
    try (Stream<Path> files = Files.walk(data.resolve("objects").resolve("buckets"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("d-.*\\.bin")).toList()) {
        if (Files.size(f) == bytes.length && Arrays.equals(Files.readAllBytes(f), bytes)) {
          return f;
        }
      }
    }
    throw new AssertionError("no stored file with these bytes");
  }

  private static byte[] evidence(ArchiveConfiguration config, UUID id) throws Exception {
    try (OfflineArchive archive = new OfflineArchive(config)) {
      return evidence(archive, id);
    }
  }

  private static byte[] evidence(OfflineArchive archive, UUID id) {
    return archive.jdbi().withExtension(EvidenceDao.class, d -> d.evidence(id)).orElseThrow();
  }

  private Optional<Throwable> cli(String... args) throws Exception {
    ArchiveApplication app = new ArchiveApplication();
    Bootstrap<ArchiveConfiguration> bootstrap = new Bootstrap<>(app);
    app.initialize(bootstrap);
    Cli cli = new Cli(new JarLocation(getClass()), bootstrap, System.out, System.err);
    return cli.run(args);
  }

  /** A console captured in memory. */
  private static final class Out {
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    PrintStream reset() {
      bytes.reset();
      return stream;
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
