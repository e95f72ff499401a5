package vn.tangthu.storage;

import java.util.Objects;

/**
 * An S3 access key pair accepted by a {@link StorageNode}.
 *
 * @param accessKey access key id, 3 to 128 characters, no whitespace
 * @param secretKey secret access key, at least 8 characters
 * @throws IllegalArgumentException when a value is blank or out of bounds
 */
public record Credentials(String accessKey, String secretKey) {

  public Credentials {
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    if (accessKey.isBlank() || accessKey.length() < 3 || accessKey.length() > 128) {
      throw new IllegalArgumentException("accessKey must be 3..128 characters");
    }
    if (!accessKey.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/')) {
      throw new IllegalArgumentException("accessKey must be printable ASCII without '/'");
    }
    if (secretKey.isBlank() || secretKey.length() < 8) {
      throw new IllegalArgumentException("secretKey must be at least 8 characters");
    }
  }

  @Override
  public String toString() {
    return "Credentials[accessKey=" + accessKey + ", secretKey=***]";
  }
}
