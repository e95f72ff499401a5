package vn.tangthu.archive.evidence;

import java.util.HexFormat;
import java.util.Objects;

/** One record to protect: its id and the SHA-256 of its bytes (64 hex digits). */
public record EvidenceItem(String recordId, String sha256) {
  public EvidenceItem {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(sha256, "sha256");
    if (!sha256.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits");
    }
    sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
  }

  byte[] digest() {
    return HexFormat.of().parseHex(sha256);
  }
}
