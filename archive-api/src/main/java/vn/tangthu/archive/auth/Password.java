package vn.tangthu.archive.auth;

import java.text.Normalizer;
import java.util.Objects;
import vn.tangthu.archive.error.ApiException;

/**
 * A new password as a user sets it: at least {@value #MIN_LENGTH} and at most {@value #MAX_LENGTH}
 * characters (code points, after Unicode NFC normalisation, so that "ệ" typed precomposed or
 * decomposed is the same password). Never printed: {@link #toString()} hides it.
 *
 * @param value the password, NFC-normalised
 */
public record Password(String value) {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;

  public Password {
    Objects.requireNonNull(value, "value");
    value = Normalizer.normalize(value, Normalizer.Form.NFC);
    int length = value.codePointCount(0, value.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw ApiException.badRequest(
              "INVALID_REQUEST",
              "password must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.",
              "Mật khẩu phải có từ " + MIN_LENGTH + " đến " + MAX_LENGTH + " ký tự.")
          .with("field", "password");
    }
  }

  /** A password from a request body, or a 400 naming {@code password} when it is missing. */
  public static Password required(String value) {
    if (value == null) {
      throw ApiException.badRequest(
              "INVALID_REQUEST", "password is required.", "Cần mật khẩu (password).")
          .with("field", "password");
    }
    return new Password(value);
  }

  @Override
  public String toString() {
    return "Password[***]";
  }
}
