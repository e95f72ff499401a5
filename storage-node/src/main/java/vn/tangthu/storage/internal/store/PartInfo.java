package vn.tangthu.storage.internal.store;

import java.util.Map;
import java.util.Objects;

/**
 * One part of a version completed from a multipart upload, as recorded in its sidecar.
 *
 * @param size bytes
 * @param etag hex MD5 of the part
 * @param sha256 hex SHA-256 of the part (what the scrub checks)
 * @param crc32c hex CRC32C of the part
 * @param checksums base64 additional checksums of the part by algorithm name
 */
public record PartInfo(
    long size, String etag, String sha256, String crc32c, Map<String, String> checksums) {
  public PartInfo {
    Objects.requireNonNull(etag);
    checksums = Map.copyOf(checksums);
  }
}
