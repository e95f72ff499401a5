package vn.tangthu.archive.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain. Entry {@code n}'s hash is the lower-case hex SHA-256 of its canonical encoding,
 * which starts with entry {@code n-1}'s hash ({@link #GENESIS} for entry 1), so changing, removing
 * or inserting any entry changes every later hash.
 *
 * <p>Canonical encoding, version 1 (all integers big-endian):
 *
 * <pre>
 * "TTAUDIT1"                 8 ASCII bytes (format tag)
 * id                         int64
 * occurredAt                 int64, microseconds since 1970-01-01T00:00:00Z
 * prevHash, actor, roles, agencyCode, action, targetType, targetId, outcome, clientAddress,
 * details                    each a string: int32 length of its UTF-8 bytes, then the bytes;
 *                            null is the length -1 and no bytes
 * </pre>
 *
 * {@code roles} is the role names in ascending order joined by {@code ,}; {@code details} is the
 * canonical JSON of {@link vn.tangthu.json.CanonicalJson}. Length prefixes make the encoding
 * unambiguous: no two different entries encode to the same bytes. Stateless and thread-safe.
 */
public final class AuditChain {

  /** The "previous hash" of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final byte[] TAG = "TTAUDIT1".getBytes(StandardCharsets.US_ASCII);

  private AuditChain() {}

  /** The hash {@code e} must carry, computed from its other fields. */
  public static String hash(AuditEntry e) {
    return HexFormat.of().formatHex(sha256(encode(e)));
  }

  /** The canonical bytes of an entry (everything but its own hash). */
  static byte[] encode(AuditEntry e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(TAG);
    out.writeBytes(ByteBuffer.allocate(16).putLong(e.id()).putLong(micros(e.occurredAt())).array());
    for (String s :
        new String[] {
          e.prevHash(),
          e.actor(),
          e.rolesText(),
          e.agencyCode(),
          e.action(),
          e.targetType(),
          e.targetId(),
          e.outcome(),
          e.clientAddress(),
          e.detailsJson()
        }) {
      string(out, s);
    }
    return out.toByteArray();
  }

  /** An instant as the trail keeps it: PostgreSQL's microsecond precision. */
  static Instant truncate(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
  }

  private static void string(ByteArrayOutputStream out, String s) {
    if (s == null) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
    out.writeBytes(b);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
