package vn.tangthu.archive.seal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The contract's ingest {@code receipt}: base64 of a CMS SignedData with the content embedded,
 * signed with the archive key over the UTF-8 bytes of {@code
 * {"id":"…","sha256":"…","createdAt":"…"}} (those keys, that order, no spaces). Thread-safe.
 */
public final class Receipts {
  private final ArchiveKeys keys;
  private final ArchiveSealer sealer;

  public Receipts(ArchiveKeys keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.sealer = new ArchiveSealer(keys, clock);
  }

  /**
   * The exact signed payload. {@code createdAt} is written as ISO-8601 UTC ({@link
   * Instant#toString}).
   */
  public static String payload(String id, String sha256, Instant createdAt) {
    Objects.requireNonNull(createdAt, "createdAt");
    return "{\"id\":"
        + json(Objects.requireNonNull(id, "id"))
        + ",\"sha256\":"
        + json(Objects.requireNonNull(sha256, "sha256"))
        + ",\"createdAt\":"
        + json(createdAt.toString())
        + "}";
  }

  /**
   * Signs a receipt with the current archive key.
   *
   * @return base64 (standard alphabet, no line breaks) of the DER CMS SignedData
   */
  public String sign(String id, String sha256, Instant createdAt) {
    byte[] content = payload(id, sha256, createdAt).getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(sealer.seal(content).cms());
  }

  /**
   * Verifies a receipt against this archive's published certificates, old ones included. Never
   * throws for bad input.
   */
  public ReceiptCheck verify(String receipt) {
    return new ReceiptVerifier(
            keys.history(KeyRole.ARCHIVE).stream().map(SigningIdentity::certificate).toList())
        .verify(receipt);
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
