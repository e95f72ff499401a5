package vn.tangthu.retention.schedule;

import java.util.regex.Pattern;

/** Validation of series codes. */
public final class SeriesCodes {
  private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");

  private SeriesCodes() {}

  /**
   * Returns the code unchanged when valid: 1..64 letters, digits, {@code . _ -}, starting with a
   * letter or digit.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static String require(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "series code must be 1-64 letters, digits, '.', '_' or '-', got "
              + (code == null ? "nothing" : "\"" + code + "\""));
    }
    return code;
  }
}
