package vn.tangthu.storage.internal.store;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

/**
 * Bytes received for a new object, with digests computed on the way: either streamed into a
 * temporary file (not yet fsynced) or, for a small body, held in memory.
 *
 * @param file the temporary file in the store's tmp directory, or null when {@code bytes} holds the
 *     body
 * @param size number of bytes received
 * @param md5 MD5 of the bytes
 * @param sha256 SHA-256 of the bytes
 * @param crc32c hex CRC32C of the bytes
 * @param checksums base64 checksums by algorithm name ({@code CRC32}, {@code CRC32C}, {@code
 *     SHA256}) for the algorithms asked for
 * @param bytes the body when held in memory (then {@code file} is null), else null
 */
public record StagedBlob(
    Path file,
    long size,
    byte[] md5,
    byte[] sha256,
    String crc32c,
    Map<String, String> checksums,
    byte[] bytes) {

  public StagedBlob {
    checksums = Map.copyOf(checksums);
    if ((file == null) == (bytes == null)) {
      throw new IllegalArgumentException("a staged blob is either a file or bytes");
    }
  }

  /** A blob staged in a temporary file. */
  public StagedBlob(
      Path file,
      long size,
      byte[] md5,
      byte[] sha256,
      String crc32c,
      Map<String, String> checksums) {
    this(file, size, md5, sha256, crc32c, checksums, null);
  }

  /** Whether the body is held in memory rather than in a file. */
  public boolean inMemory() {
    return bytes != null;
  }

  /** Hex MD5, or null when none was computed (a completed multipart upload). */
  public String md5Hex() {
    return md5 == null ? null : HexFormat.of().formatHex(md5);
  }

  /** Hex SHA-256, or null when none was computed (a completed multipart upload). */
  public String sha256Hex() {
    return sha256 == null ? null : HexFormat.of().formatHex(sha256);
  }
}
