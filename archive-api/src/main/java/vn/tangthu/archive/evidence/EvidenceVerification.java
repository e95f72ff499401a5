package vn.tangthu.archive.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.evidence.EvidenceDao.Protected;
import vn.tangthu.archive.evidence.EvidenceOutcome.State;
import vn.tangthu.archive.storage.StorageException;

/**
 * Checks records against their stored evidence records and their current bytes in storage: the
 * object is streamed once, its SHA-256 recomputed and compared with the record's, and the evidence
 * record's hash trees and timestamps (issued by one of the archive's timestamp-authority
 * certificates, valid at their time) must cover those bytes. A storage error (the storage node
 * refuses to serve an object whose bytes no longer match its checksum) is a failure of that record,
 * never of the whole run. Thread-safe.
 */
public final class EvidenceVerification {
  private static final int PAGE = 200;

  private final Jdbi jdbi;
  private final RecordBytes bytes;
  private final EvidenceRecords records;

  /** Opens the stored bytes of a record by its object key. */
  @FunctionalInterface
  public interface RecordBytes {
    /**
     * @throws StorageException or {@link UncheckedIOException} when the object cannot be read
     */
    InputStream open(String objectKey);
  }

  public EvidenceVerification(Jdbi jdbi, RecordBytes bytes, EvidenceRecords records) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
    this.records = Objects.requireNonNull(records, "records");
  }

  /** Checks one record. */
  public EvidenceOutcome check(UUID id) {
    Optional<Protected> p = jdbi.withExtension(EvidenceDao.class, d -> d.stored(id));
    if (p.isEmpty()) {
      return new EvidenceOutcome(id, State.FAILED, "no such record");
    }
    if (p.get().evidence() == null) {
      return new EvidenceOutcome(id, State.PENDING, "no evidence record yet");
    }
    return check(p.get());
  }

  /**
   * Checks one record's fixity only: its object is streamed once and its SHA-256 compared with the
   * one recorded at ingest, exactly as the first step of {@link #check(UUID)}; no evidence record
   * is needed. {@code SKIPPED} for a record whose content was disposed of or transferred.
   */
  public EvidenceOutcome fixity(UUID id) {
    Optional<Protected> p = jdbi.withExtension(EvidenceDao.class, d -> d.stored(id));
    if (p.isEmpty()) {
      return new EvidenceOutcome(id, State.FAILED, "no such record");
    }
    if (!"ACTIVE".equals(p.get().status())) {
      return skipped(p.get());
    }
    Read read = read(p.get(), List.of()); // SHA-256 alone
    return read.failure() != null
        ? read.failure()
        : new EvidenceOutcome(id, State.OK, "SHA-256 " + p.get().sha256());
  }

  /**
   * Checks every active record that has evidence, in id order, handing each outcome to {@code out};
   * returns how many failed.
   */
  public long checkAll(Consumer<EvidenceOutcome> out) {
    long failed = 0;
    UUID after = null;
    List<Protected> page;
    do {
      UUID from = after;
      page = jdbi.withExtension(EvidenceDao.class, d -> d.protectedPage(from, PAGE));
      for (Protected p : page) {
        EvidenceOutcome o = check(p);
        if (o.state() == State.FAILED) {
          failed++;
        }
        out.accept(o);
        after = p.id();
      }
    } while (page.size() == PAGE);
    return failed;
  }

  EvidenceOutcome check(Protected p) {
    if (!"ACTIVE".equals(p.status())) {
      return skipped(p);
    }
    Read read = read(p, records.algorithms(p.evidence()));
    if (read.failure() != null) {
      return read.failure();
    }
    EvidenceCheck c = records.verify(p.evidence(), read.digests());
    if (!c.valid()) {
      return new EvidenceOutcome(p.id(), State.FAILED, c.reason());
    }
    return new EvidenceOutcome(p.id(), State.OK, "exists since " + c.firstTime());
  }

  private static EvidenceOutcome skipped(Protected p) {
    return new EvidenceOutcome(
        p.id(), State.SKIPPED, "content " + p.status().toLowerCase() + ", nothing to check");
  }

  /** The stored bytes' digests, or (digests null) the FAILED outcome saying why there are none. */
  private record Read(RecordDigests digests, EvidenceOutcome failure) {}

  /** Streams the record's object once and compares its SHA-256 with the recorded one. */
  private Read read(Protected p, Collection<ASN1ObjectIdentifier> algorithms) {
    RecordDigests digests;
    try {
      digests = digests(p, algorithms);
    } catch (StorageException | IOException | UncheckedIOException e) {
      return new Read(
          null,
          new EvidenceOutcome(
              p.id(), State.FAILED, "the stored object cannot be read: " + message(e)));
    }
    if (!digests.sha256Hex().equals(p.sha256())) {
      return new Read(
          null,
          new EvidenceOutcome(
              p.id(),
              State.FAILED,
              "the stored bytes have SHA-256 "
                  + digests.sha256Hex()
                  + ", the record "
                  + p.sha256()));
    }
    return new Read(digests, null);
  }

  /** Streams the record's object once, computing every digest its evidence needs. */
  RecordDigests digests(Protected p) throws IOException {
    return digests(p, records.algorithms(p.evidence()));
  }

  RecordDigests digests(Protected p, Collection<ASN1ObjectIdentifier> algorithms)
      throws IOException {
    try (InputStream in = bytes.open(p.objectKey())) {
      return RecordDigests.of(in, algorithms);
    }
  }

  private static String message(Exception e) {
    Throwable t = e;
    String m = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        m = m + " (" + t.getMessage() + ")";
        break;
      }
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
