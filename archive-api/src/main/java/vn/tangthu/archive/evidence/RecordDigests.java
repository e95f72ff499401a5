package vn.tangthu.archive.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

/**
 * Digests of one record's bytes under several algorithms, computed in a single streaming pass (a
 * record may be far larger than memory). Immutable.
 */
public final class RecordDigests {
  private static final Map<ASN1ObjectIdentifier, String> NAMES =
      Map.of(
          NISTObjectIdentifiers.id_sha256, "SHA-256",
          NISTObjectIdentifiers.id_sha384, "SHA-384",
          NISTObjectIdentifiers.id_sha512, "SHA-512",
          NISTObjectIdentifiers.id_sha3_256, "SHA3-256",
          NISTObjectIdentifiers.id_sha3_512, "SHA3-512");

  private final Map<ASN1ObjectIdentifier, byte[]> digests;
  private final long size;

  private RecordDigests(Map<ASN1ObjectIdentifier, byte[]> digests, long size) {
    this.digests = Map.copyOf(digests);
    this.size = size;
  }

  /**
   * The algorithm named {@code name} (SHA-256, SHA-384, SHA-512, SHA3-256, SHA3-512).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static ASN1ObjectIdentifier algorithm(String name) {
    for (var e : NAMES.entrySet()) {
      if (e.getValue().equalsIgnoreCase(name.strip())) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException(
        "unknown digest " + name + " (use SHA-256, SHA-384, SHA-512, SHA3-256 or SHA3-512)");
  }

  /** The JCA name of {@code algorithm}, or its OID when it is not one this class supports. */
  public static String name(ASN1ObjectIdentifier algorithm) {
    return NAMES.getOrDefault(algorithm, algorithm.getId());
  }

  /**
   * Reads {@code in} to its end (without closing it) and digests it with SHA-256 and every one of
   * {@code algorithms}.
   *
   * @throws IllegalArgumentException if an algorithm is not supported
   * @throws IOException if the stream fails
   */
  public static RecordDigests of(InputStream in, Collection<ASN1ObjectIdentifier> algorithms)
      throws IOException {
    Set<ASN1ObjectIdentifier> all = new LinkedHashSet<>();
    all.add(NISTObjectIdentifiers.id_sha256);
    all.addAll(algorithms);
    Map<ASN1ObjectIdentifier, MessageDigest> mds = new HashMap<>();
    for (ASN1ObjectIdentifier a : all) {
      String name = NAMES.get(a);
      if (name == null) {
        throw new IllegalArgumentException("unsupported digest algorithm " + a.getId());
      }
      try {
        mds.put(a, MessageDigest.getInstance(name));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    byte[] buf = new byte[64 * 1024];
    long size = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      size += n;
      for (MessageDigest md : mds.values()) {
        md.update(buf, 0, n);
      }
    }
    Map<ASN1ObjectIdentifier, byte[]> out = new HashMap<>();
    mds.forEach((a, md) -> out.put(a, md.digest()));
    return new RecordDigests(out, size);
  }

  /** Digests of bytes in memory. */
  public static RecordDigests of(byte[] bytes, Collection<ASN1ObjectIdentifier> algorithms) {
    try {
      return of(new java.io.ByteArrayInputStream(bytes), algorithms);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The digest under {@code algorithm}, or null when it was not computed. */
  public byte[] get(ASN1ObjectIdentifier algorithm) {
    byte[] d = digests.get(algorithm);
    return d == null ? null : d.clone();
  }

  /** The SHA-256, hex (as the records table keeps it). */
  public String sha256Hex() {
    return HexFormat.of().formatHex(digests.get(NISTObjectIdentifiers.id_sha256));
  }

  /** How many bytes were read. */
  public long size() {
    return size;
  }
}
