package vn.tangthu.archive.sweep;

import java.time.Clock;
import java.util.Objects;
import vn.tangthu.archive.seal.ArchiveKeys;
import vn.tangthu.archive.seal.ArchiveSealer;
import vn.tangthu.archive.seal.SigningIdentity;

/**
 * Signs a certificate's canonical bytes with the archive's current key, the way ingest receipts are
 * signed: a DER CMS SignedData with the content embedded, SHA256withECDSA, a signing-time attribute
 * and the signer's certificate included. Thread-safe.
 */
public final class CertificateSealer {

  /** A signature and the identity that made it. */
  public record Seal(byte[] cms, SigningIdentity signer) {}

  private final ArchiveKeys keys;
  private final ArchiveSealer sealer;

  public CertificateSealer(ArchiveKeys keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.sealer = new ArchiveSealer(keys, clock);
  }

  /**
   * Signs {@code content}.
   *
   * @throws IllegalStateException when the key cannot sign
   */
  public Seal seal(byte[] content) {
    ArchiveSealer.Seal seal = sealer.seal(content);
    return new Seal(seal.cms(), seal.signer());
  }

  /** The certificate of the archive key with this key id, if published. */
  public java.util.Optional<SigningIdentity> identity(String keyId) {
    return keys.history(vn.tangthu.archive.seal.KeyRole.ARCHIVE).stream()
        .filter(i -> i.keyId().equals(keyId))
        .findFirst();
  }
}
