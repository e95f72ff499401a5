package vn.tangthu.storage.internal.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/** MD5, SHA-256 and optional S3 additional checksums computed over one stream. */
public final class Digests {
  /** S3 additional checksum algorithms this node computes. */
  public static final Set<String> ALGORITHMS = Set.of("CRC32", "CRC32C", "SHA256");

  private final MessageDigest md5;
  private final MessageDigest sha256;
  private final Map<String, Checksum> crcs = new LinkedHashMap<>();
  private long size;

  public Digests(Set<String> checksumAlgorithms) {
    md5 = newDigest("MD5");
    sha256 = newDigest("SHA-256");
    for (String a : checksumAlgorithms) {
      switch (a) {
        case "CRC32" -> crcs.put(a, new CRC32());
        case "CRC32C" -> crcs.put(a, new CRC32C());
        default -> {}
      }
    }
  }

  private static final Map<String, MessageDigest> PROTOTYPES =
      Map.of("MD5", instance("MD5"), "SHA-256", instance("SHA-256"));

  /** A new digest; MD5 and SHA-256 are cloned from a prototype (cheaper than a provider lookup). */
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
    for (Checksum c : crcs.values()) {
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
    Map<String, String> sums = new LinkedHashMap<>();
    for (var e : crcs.entrySet()) {
      long v = e.getValue().getValue();
      sums.put(
          e.getKey(),
          Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) v).array()));
    }
    if (withSha256Checksum) {
      sums.put("SHA256", Base64.getEncoder().encodeToString(sha));
    }
    return new Result(size, md5.digest(), sha, sums);
  }

  /** Finished digests. */
  public record Result(long size, byte[] md5, byte[] sha256, Map<String, String> checksums) {}
}
