package vn.tangthu.archive.record;

import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two uploads the same request for {@code Idempotency-Key}: the metadata as validated
 * (so spacing, member order and defaults do not count), then the file name and SHA-256 of the file,
 * of the signature and of each attachment in order. The multipart boundary, part headers and query
 * options (such as {@code wait}) do not count. The SHA-256 of a length-prefixed encoding of those
 * values, in lower-case hex. Stateless.
 */
final class UploadFingerprint {

  private static final int VERSION = 1;

  private UploadFingerprint() {}

  static String of(UploadParts parts) {
    return of(parts.toSubmission());
  }

  /** The fingerprint of any submission (an import item's too: the same item, the same value). */
  static String of(Submission parts) {
    MessageDigest d = sha256();
    d.update(ByteBuffer.allocate(4).putInt(VERSION).array());
    for (RecordComponent c : RecordMetadata.class.getRecordComponents()) {
      put(d, c.getName());
      put(d, value(c, parts.metadata()));
    }
    file(d, "file", parts.file());
    file(d, "signature", parts.signature());
    if (parts.signedMessage() != null) {
      file(d, "signedMessage", parts.signedMessage());
    }
    for (SpooledFile a : parts.attachments()) {
      file(d, "attachment", a);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static void file(MessageDigest d, String part, SpooledFile f) {
    put(d, part);
    put(d, f == null ? null : f.fileName());
    put(d, f == null ? null : f.sha256());
  }

  private static String value(RecordComponent c, RecordMetadata m) {
    try {
      Object v = c.getAccessor().invoke(m);
      return v == null ? null : v.toString();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A length (-1 for null) and the UTF-8 bytes, so no two sequences of values collide. */
  private static void put(MessageDigest d, String s) {
    if (s == null) {
      d.update(ByteBuffer.allocate(4).putInt(-1).array());
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    d.update(ByteBuffer.allocate(4).putInt(b.length).array());
    d.update(b);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
