package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where untrusted files are parsed ({@code index.isolation}, {@code signatures.isolation}). Any
 * other value in the configuration fails start-up, naming the field.
 */
public enum Isolation {
  /** In warm child JVMs with their own heap limit, killed on timeout (the default). */
  FORK("fork"),
  /** In the API's own JVM. */
  IN_PROCESS("in-process");

  private final String value;

  Isolation(String value) {
    this.value = value;
  }

  /**
   * The mode written {@code value}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  @JsonCreator
  public static Isolation of(String value) {
    for (Isolation i : values()) {
      if (i.value.equals(value)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "isolation must be fork or in-process, not \"" + value + "\"");
  }

  /** The value as written in the configuration: {@code fork} or {@code in-process}. */
  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
