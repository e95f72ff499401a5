package vn.tangthu.bench.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tag files of a BagIt bag (RFC 8493), built as its payload is written: only the digests and
 * sizes of payload files are kept, never their bytes, so a bag of any size is written in bounded
 * memory. Payload manifests in SHA-256 and SHA-512, {@code Payload-Oxum}, a SHA-256 tag manifest.
 * Not thread-safe.
 */
final class BagTags {

  private final StringBuilder sha256 = new StringBuilder();
  private final StringBuilder sha512 = new StringBuilder();
  private long octets;
  private long files;

  /** Records payload file {@code path} (relative to the bag, {@code data/…}). */
  void payload(String path, byte[] bytes) {
    sha256.append(hex("SHA-256", bytes)).append("  ").append(path).append('\n');
    sha512.append(hex("SHA-512", bytes)).append("  ").append(path).append('\n');
    octets += bytes.length;
    files++;
  }

  /**
   * Every tag file, {@code extra} tag files (a {@code metadata.csv} beside {@code data/}) among
   * them, the tag manifest last.
   */
  Map<String, byte[]> tagFiles(Map<String, byte[]> extra) {
    Map<String, byte[]> tags = new LinkedHashMap<>();
    tags.put("bagit.txt", utf8("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"));
    tags.put(
        "bag-info.txt",
        utf8(
            "Source-Organization: Sở Nội vụ tỉnh Bắc Ninh\n"
                + "Bagging-Date: 2025-01-01\n"
                + "Payload-Oxum: "
                + octets
                + "."
                + files
                + "\n"));
    tags.put("manifest-sha256.txt", utf8(sha256.toString()));
    tags.put("manifest-sha512.txt", utf8(sha512.toString()));
    tags.putAll(extra);
    StringBuilder manifest = new StringBuilder();
    for (Map.Entry<String, byte[]> t : tags.entrySet()) {
      manifest.append(hex("SHA-256", t.getValue())).append("  ").append(t.getKey()).append('\n');
    }
    tags.put("tagmanifest-sha256.txt", utf8(manifest.toString()));
    return tags;
  }

  static String hex(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
