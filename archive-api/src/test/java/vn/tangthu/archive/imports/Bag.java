package vn.tangthu.archive.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** A BagIt bag (RFC 8493) for tests, its manifests computed from the payload. */
final class Bag {

  final Map<String, byte[]> payload = new LinkedHashMap<>();
  String metadataCsv;

  /** A payload path whose manifest line gets a wrong digest. */
  String tampered;

  Bag add(String path, String content) {
    payload.put("data/" + path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  Entries entries() {
    Entries e = new Entries();
    e.add("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
    long octets = payload.values().stream().mapToLong(b -> b.length).sum();
    e.add(
        "bag-info.txt",
        "Source-Organization: Sở Nội vụ tỉnh Bắc Ninh\nBagging-Date: 2025-01-02\nPayload-Oxum: "
            + octets
            + "."
            + payload.size()
            + "\n");
    StringBuilder m = new StringBuilder();
    payload.forEach(
        (p, b) -> {
          String digest = sha256(b);
          if (p.equals(tampered)) {
            digest = sha256(("not " + p).getBytes(StandardCharsets.UTF_8));
          }
          m.append(digest).append("  ").append(p).append('\n');
        });
    e.add("manifest-sha256.txt", m.toString());
    if (metadataCsv != null) {
      e.add("metadata.csv", metadataCsv);
    }
    payload.forEach(e::add);
    return e;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
