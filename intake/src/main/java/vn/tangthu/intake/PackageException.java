package vn.tangthu.intake;

import java.util.Objects;

/**
 * The package as a whole cannot be read: nothing from it may be stored. The message names the
 * entry, file or rule at fault, in English; {@link #code()} is stable.
 */
public final class PackageException extends Exception {

  private static final long serialVersionUID = 1L;

  private final PackageErrorCode code;

  public PackageException(PackageErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public PackageException(PackageErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public PackageErrorCode code() {
    return code;
  }
}
