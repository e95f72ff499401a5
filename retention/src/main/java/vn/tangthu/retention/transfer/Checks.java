package vn.tangthu.retention.transfer;

import java.util.regex.Pattern;

/** Field checks shared by the transfer value types. */
final class Checks {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private Checks() {}

  static String text(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  static String sha256(String value) {
    if (value == null || !SHA256.matcher(value).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits, got " + value);
    }
    return value;
  }

  static long size(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    return size;
  }
}
