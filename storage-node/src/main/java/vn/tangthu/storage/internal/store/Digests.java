package vn.tangthu.storage.internal.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * MD5 (the ETag), SHA-256 (the record), CRC32C (checked on every full GET) and the S3 additional
 * checksums a request asks for, all computed in one pass over the bytes. Not thread-safe.
 */
public final class Digests {
  /** S3 additional checksum algorithms this node computes. */
  public static final Set<String> ALGORITHMS =
      Set.of("CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256");

  /**
   * The checksum S3 computes and stores for a new object (single or multipart upload, copy, POST)
   * whose request names none: CRC64NVME, a full-object checksum.
   */
  public static final String DEFAULT_CHECKSUM = "CRC64NVME";

  /** {@code algorithms}, or the default checksum when it is empty. */
  public static Set<String> orDefault(Set<String> algorithms) {
    return algorithms.isEmpty() ? Set.of(DEFAULT_CHECKSUM) : algorithms;
  }

  private final MessageDigest md5;
  private final MessageDigest sha256;
  private final CRC32C crc32c = new CRC32C();
  private final Map<String, ChecksumAlgorithm.Hasher> extra = new LinkedHashMap<>();
  private long size;

  /**
   * @param checksumAlgorithms names from {@link #ALGORITHMS} to report in {@link
   *     Result#checksums()} (CRC32C and SHA256 reuse the digests always computed)
   */
  public Digests(Set<String> checksumAlgorithms) {
    md5 = newDigest("MD5");
    sha256 = newDigest("SHA-256");
    for (String a : checksumAlgorithms) {
      if (!a.equals("CRC32C") && !a.equals("SHA256")) {
        ChecksumAlgorithm alg = ChecksumAlgorithm.parse(a);
        if (alg != null) {
          extra.put(alg.name(), alg.hasher());
        }
      }
    }
    this.wanted = Set.copyOf(checksumAlgorithms);
  }

  private final Set<String> wanted;

  private static final Map<String, MessageDigest> PROTOTYPES =
      Map.of("MD5", instance("MD5"), "SHA-256", instance("SHA-256"), "SHA-1", instance("SHA-1"));

  /** A new digest; MD5, SHA-1 and SHA-256 are cloned from a prototype (cheaper than a lookup). */
  public static MessageDigest newDigest(String algorithm) {
    MessageDigest prototype = PROTOTYPES.get(algorithm);
    if (prototype != null) {
      try {
        return (MessageDigest) prototype.clone();
      } catch (CloneNotSupportedException e) {
        // fall back to the provider
      }
    }
    return instance(algorithm);
  }

  private static MessageDigest instance(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public void update(byte[] b, int off, int len) {
    md5.update(b, off, len);
    sha256.update(b, off, len);
    crc32c.update(b, off, len);
    for (ChecksumAlgorithm.Hasher c : extra.values()) {
      c.update(b, off, len);
    }
    size += len;
  }

  public long size() {
    return size;
  }

  /** Finishes every digest; the object must not be used afterwards. */
  public Result finish(boolean withSha256Checksum) {
    byte[] sha = sha256.digest();
    byte[] crc = ChecksumAlgorithm.fromLong(crc32c.getValue(), 4);
    Map<String, String> sums = new LinkedHashMap<>();
    for (String a : ChecksumAlgorithm.names()) {
      if (a.equals("CRC32C") && wanted.contains(a)) {
        sums.put(a, Base64.getEncoder().encodeToString(crc));
      } else if (a.equals("SHA256") && (withSha256Checksum || wanted.contains(a))) {
        sums.put(a, Base64.getEncoder().encodeToString(sha));
      } else if (extra.containsKey(a)) {
        sums.put(a, extra.get(a).finishBase64());
      }
    }
    return new Result(size, md5.digest(), sha, HexFormat.of().formatHex(crc), sums);
  }

  /**
   * Finished digests.
   *
   * @param crc32c hex CRC32C of the bytes (checked by full GETs)
   * @param checksums base64 additional checksums by algorithm name, the ones asked for
   */
  public record Result(
      long size, byte[] md5, byte[] sha256, String crc32c, Map<String, String> checksums) {}
}
