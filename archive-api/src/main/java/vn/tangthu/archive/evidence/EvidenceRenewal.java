package vn.tangthu.archive.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.archive.evidence.EvidenceDao.Protected;
import vn.tangthu.archive.evidence.EvidenceOutcome.State;
import vn.tangthu.archive.seal.ArchiveKeys;
import vn.tangthu.archive.seal.KeyRole;
import vn.tangthu.archive.storage.StorageException;

/**
 * Renews stored evidence records (RFC 4998 section 5): timestamp renewal adds a timestamp over the
 * previous one before the certificate that signed it expires; hash-tree renewal re-hashes the
 * record's current bytes (streamed from storage) with a new digest algorithm. Renewal appends to
 * the evidence record, and the bytes it replaces are kept in {@code record_evidence_history}, so
 * whatever verified before still verifies on its own. A renewal is stored only when the renewed
 * record verifies against the record's bytes (hash-tree renewal) or its predecessor was unchanged
 * meanwhile (compare-and-set). Thread-safe; runs of one instance do not overlap.
 */
public final class EvidenceRenewal {
  /** Renew when the signing certificate expires within this margin. */
  public static final Duration DEFAULT_MARGIN = Duration.ofDays(90);

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceRenewal.class);
  private static final int PAGE = 200;

  private final Jdbi jdbi;
  private final EvidenceRecords records;
  private final EvidenceVerification verification;
  private final ArchiveKeys keys;
  private final Clock clock;

  public EvidenceRenewal(
      Jdbi jdbi,
      EvidenceRecords records,
      EvidenceVerification verification,
      ArchiveKeys keys,
      Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.records = Objects.requireNonNull(records, "records");
    this.verification = Objects.requireNonNull(verification, "verification");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A renewal reading record bytes from {@code bucket} of {@code store}. */
  public static EvidenceRenewal of(
      Jdbi jdbi,
      vn.tangthu.archive.storage.ObjectStore store,
      String bucket,
      EvidenceRecords records,
      ArchiveKeys keys,
      Clock clock) {
    return new EvidenceRenewal(
        jdbi,
        records,
        new EvidenceVerification(jdbi, key -> store.get(bucket, key), records),
        keys,
        clock);
  }

  /** What a run renews. */
  public sealed interface Mode {}

  /** Timestamp renewal of records whose newest timestamp's certificate expires within margin. */
  public record Due(Duration margin) implements Mode {}

  /** Timestamp renewal of every record, due or not. */
  public record Always() implements Mode {}

  /** Hash-tree renewal with {@code algorithm} (e.g. SHA-512). */
  public record Rehash(ASN1ObjectIdentifier algorithm) implements Mode {}

  /**
   * Rotates the timestamp authority's key when its certificate expires within {@code margin} (a
   * renewal signed by an expiring key would protect nothing). Returns whether it rotated.
   *
   * @throws IOException if the new key cannot be written
   */
  public synchronized boolean rotateIfExpiring(Duration margin) throws IOException {
    Instant notAfter = keys.timestampAuthority().certificate().getNotAfter().toInstant();
    if (notAfter.isAfter(clock.instant().plus(margin))) {
      return false;
    }
    keys.rotate(KeyRole.TIMESTAMP_AUTHORITY);
    LOG.info("Rotated the timestamp authority key (the old certificate expires {})", notAfter);
    return true;
  }

  /**
   * For the daily run: rotates an expiring TSA key, then renews the timestamps that are due.
   * Returns how many records were renewed.
   */
  public synchronized long renewDue() throws IOException {
    rotateIfExpiring(DEFAULT_MARGIN);
    Instant horizon = clock.instant().plus(DEFAULT_MARGIN);
    boolean anyDue =
        keys.history(KeyRole.TIMESTAMP_AUTHORITY).stream()
            .anyMatch(id -> !id.certificate().getNotAfter().toInstant().isAfter(horizon));
    if (!anyDue) {
      return 0;
    }
    long[] renewed = {0};
    long failed =
        renewAll(
            new Due(DEFAULT_MARGIN),
            o -> {
              if (o.state() == State.OK) {
                renewed[0]++;
              } else if (o.state() == State.FAILED) {
                LOG.warn("Evidence renewal failed: {}", o.line());
              }
            });
    if (renewed[0] > 0 || failed > 0) {
      LOG.info("Renewed the evidence of {} records ({} failed)", renewed[0], failed);
    }
    return renewed[0];
  }

  /** Renews every active record with evidence; returns how many failed. */
  public synchronized long renewAll(Mode mode, Consumer<EvidenceOutcome> out) {
    long failed = 0;
    UUID after = null;
    List<Protected> page;
    do {
      UUID from = after;
      page = jdbi.withExtension(EvidenceDao.class, d -> d.protectedPage(from, PAGE));
      for (Protected p : page) {
        EvidenceOutcome o = renew(p, mode);
        failed += o.state() == State.FAILED ? 1 : 0;
        out.accept(o);
        after = p.id();
      }
    } while (page.size() == PAGE);
    return failed;
  }

  /** Renews one record. */
  public synchronized EvidenceOutcome renew(UUID id, Mode mode) {
    Optional<Protected> p = jdbi.withExtension(EvidenceDao.class, d -> d.protectedRecord(id));
    if (p.isEmpty()) {
      return verification.check(id);
    }
    return renew(p.get(), mode);
  }

  private EvidenceOutcome renew(Protected p, Mode mode) {
    if (!"ACTIVE".equals(p.status())) {
      return new EvidenceOutcome(p.id(), State.SKIPPED, "content " + p.status().toLowerCase());
    }
    try {
      if (mode instanceof Rehash r) {
        return rehash(p, r.algorithm());
      }
      if (mode instanceof Due d && !due(p, d.margin())) {
        return skipped(p);
      }
      return timestamp(p);
    } catch (EvidenceException e) {
      return new EvidenceOutcome(p.id(), State.FAILED, e.getMessage());
    }
  }

  private boolean due(Protected p, Duration margin) {
    Optional<Instant> expiry = records.newestTimestampExpiry(p.evidence());
    return expiry.isEmpty() || !expiry.get().isAfter(clock.instant().plus(margin));
  }

  private EvidenceOutcome skipped(Protected p) {
    return new EvidenceOutcome(p.id(), State.SKIPPED, "not due");
  }

  private EvidenceOutcome timestamp(Protected p) throws EvidenceException {
    byte[] renewed = records.renewTimestamp(p.evidence());
    return store(p, renewed, "TIMESTAMP", "timestamp renewed");
  }

  private EvidenceOutcome rehash(Protected p, ASN1ObjectIdentifier algorithm)
      throws EvidenceException {
    RecordDigests digests;
    try {
      Set<ASN1ObjectIdentifier> needed = new LinkedHashSet<>(records.algorithms(p.evidence()));
      needed.add(algorithm);
      digests = verification.digests(p, needed);
    } catch (StorageException | IOException | UncheckedIOException e) {
      return new EvidenceOutcome(
          p.id(), State.FAILED, "the stored object cannot be read: " + e.getMessage());
    }
    if (!digests.sha256Hex().equals(p.sha256())) {
      return new EvidenceOutcome(
          p.id(), State.FAILED, "the stored bytes no longer match the record's SHA-256");
    }
    byte[] renewed = records.renewHash(p.evidence(), digests, algorithm);
    EvidenceCheck after = records.verify(renewed, digests);
    if (!after.valid()) {
      return new EvidenceOutcome(
          p.id(), State.FAILED, "the renewed evidence does not verify: " + after.reason());
    }
    return store(
        p, renewed, "HASH_TREE", "hash tree renewed with " + RecordDigests.name(algorithm));
  }

  private EvidenceOutcome store(Protected p, byte[] renewed, String kind, String done) {
    Instant now = clock.instant();
    int n =
        jdbi.inTransaction(
            h -> h.attach(EvidenceDao.class).renew(p.id(), p.evidence(), renewed, kind, now));
    if (n != 1) {
      return new EvidenceOutcome(
          p.id(), State.FAILED, "the evidence changed meanwhile; run the renewal again");
    }
    return new EvidenceOutcome(p.id(), State.OK, done);
  }
}
