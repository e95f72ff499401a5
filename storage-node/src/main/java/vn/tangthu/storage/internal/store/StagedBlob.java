package vn.tangthu.storage.internal.store;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

/**
 * Bytes streamed into a temporary file (not yet fsynced), with digests computed on the way.
 *
 * @param file the temporary file, in the store's tmp directory
 * @param size number of bytes
 * @param md5 MD5 of the bytes
 * @param sha256 SHA-256 of the bytes
 * @param checksums base64 checksums by algorithm name ({@code CRC32}, {@code CRC32C}, {@code
 *     SHA256}) for the algorithms asked for
 */
public record StagedBlob(
    Path file, long size, byte[] md5, byte[] sha256, Map<String, String> checksums) {

  public StagedBlob {
    checksums = Map.copyOf(checksums);
  }

  public String md5Hex() {
    return HexFormat.of().formatHex(md5);
  }

  public String sha256Hex() {
    return HexFormat.of().formatHex(sha256);
  }
}
