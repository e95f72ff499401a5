package vn.tangthu.retention.transfer;

import java.util.Objects;
import java.util.Optional;

/**
 * One record in a BagIt export. Its payload path is {@code data/<recordId>/<file name>} (both
 * sanitised to safe path segments).
 *
 * @param recordId the archive's record id
 * @param fileName the original file name
 * @param size the exact size in bytes
 * @param sha256 the expected SHA-256, checked while streaming when present
 * @param content opens the bytes
 */
public record BagItem(
    String recordId, String fileName, long size, Optional<String> sha256, ContentSource content) {
  public BagItem {
    Checks.text(recordId, "recordId");
    Checks.text(fileName, "fileName");
    Checks.size(size);
    Objects.requireNonNull(sha256, "sha256");
    sha256.ifPresent(Checks::sha256);
    Objects.requireNonNull(content, "content");
  }
}
