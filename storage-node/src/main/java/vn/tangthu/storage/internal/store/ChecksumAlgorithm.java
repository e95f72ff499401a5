package vn.tangthu.storage.internal.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The additional checksums of S3 ("Checking object integrity"): values travel base64-encoded, CRCs
 * as big-endian integers. CRCs can describe a multipart object as a whole ({@code FULL_OBJECT},
 * combined from the parts' CRCs); every algorithm but CRC64NVME can describe it as a checksum of
 * the parts' checksums ({@code COMPOSITE}, value suffixed {@code -N}).
 */
public enum ChecksumAlgorithm {
  CRC32(CrcCombine.CRC32, 4),
  CRC32C(CrcCombine.CRC32C, 4),
  CRC64NVME(CrcCombine.CRC64NVME, 8),
  SHA1(null, 20),
  SHA256(null, 32);

  private final CrcCombine combine;
  private final int bytes;

  ChecksumAlgorithm(CrcCombine combine, int bytes) {
    this.combine = combine;
    this.bytes = bytes;
  }

  /** Every algorithm's name, in declaration order. */
  public static java.util.List<String> names() {
    return NAMES;
  }

  private static final java.util.List<String> NAMES =
      java.util.Arrays.stream(values()).map(Enum::name).toList();

  /** The algorithm named (any case), or null when it is none of these. */
  public static ChecksumAlgorithm parse(String name) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code x-amz-checksum-crc32} etc. */
  public String header() {
    return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
  }

  /** {@code ChecksumCRC32} etc., the XML element of this checksum. */
  public String xmlName() {
    return "Checksum" + name();
  }

  /** Whether a full-object checksum of a multipart upload can be combined from its parts'. */
  public boolean combinable() {
    return combine != null;
  }

  /** Whether a multipart upload can carry a composite checksum of this algorithm. */
  public boolean compositeAllowed() {
    return this != CRC64NVME;
  }

  /** Size of a raw value in bytes. */
  public int size() {
    return bytes;
  }

  /** A running computation of this checksum. */
  public Hasher hasher() {
    return switch (this) {
      case CRC32 -> new CrcHasher(new CRC32(), 4);
      case CRC32C -> new CrcHasher(new CRC32C(), 4);
      case CRC64NVME -> new CrcHasher(new Crc64Nvme(), 8);
      case SHA1 -> new DigestHasher(Digests.newDigest("SHA-1"));
      case SHA256 -> new DigestHasher(Digests.newDigest("SHA-256"));
    };
  }

  /**
   * The base64 full-object CRC of the concatenation of parts, from their base64 CRCs and sizes.
   *
   * @throws IllegalStateException when this algorithm is not a CRC
   */
  public String combine(java.util.List<String> partValues, java.util.List<Long> partSizes) {
    if (combine == null) {
      throw new IllegalStateException(name() + " cannot be combined");
    }
    long crc = 0;
    boolean first = true;
    for (int i = 0; i < partValues.size(); i++) {
      long v = toLong(Base64.getDecoder().decode(partValues.get(i)));
      crc = first ? v : combine.combine(crc, v, partSizes.get(i));
      first = false;
    }
    return Base64.getEncoder().encodeToString(fromLong(crc, bytes));
  }

  /**
   * The base64 composite checksum of parts: this algorithm over their raw values, then {@code -N}.
   */
  public String composite(java.util.List<String> partValues) {
    Hasher h = hasher();
    for (String v : partValues) {
      byte[] raw = Base64.getDecoder().decode(v);
      h.update(raw, 0, raw.length);
    }
    return h.finishBase64() + "-" + partValues.size();
  }

  /** Whether {@code value} is a well-formed base64 value of this algorithm. */
  public boolean wellFormed(String value) {
    try {
      return Base64.getDecoder().decode(value.trim()).length == bytes;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static long toLong(byte[] b) {
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xff);
    }
    return v;
  }

  static byte[] fromLong(long v, int n) {
    byte[] b = new byte[n];
    for (int i = n - 1; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return b;
  }

  /** One running checksum. Not thread-safe. */
  public interface Hasher {
    void update(byte[] b, int off, int len);

    /** Consumes the buffer's remaining bytes. */
    void update(ByteBuffer buf);

    /** The raw value; the hasher must not be used afterwards. */
    byte[] finish();

    default String finishBase64() {
      return Base64.getEncoder().encodeToString(finish());
    }
  }

  private record CrcHasher(Checksum crc, int bytes) implements Hasher {
    @Override
    public void update(byte[] b, int off, int len) {
      crc.update(b, off, len);
    }

    @Override
    public void update(ByteBuffer buf) {
      crc.update(buf);
    }

    @Override
    public byte[] finish() {
      return fromLong(crc.getValue(), bytes);
    }
  }

  private record DigestHasher(MessageDigest md) implements Hasher {
    @Override
    public void update(byte[] b, int off, int len) {
      md.update(b, off, len);
    }

    @Override
    public void update(ByteBuffer buf) {
      md.update(buf);
    }

    @Override
    public byte[] finish() {
      return md.digest();
    }
  }
}
