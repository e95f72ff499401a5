package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where untrusted files are parsed ({@code index.isolation}, {@code signatures.isolation}). Any
 * other value in the configuration fails start-up, naming the field.
 */
public enum Isolation {
  /** In warm child JVMs with their own heap limit, killed on timeout (the default). */
  @JsonProperty("fork")
  FORK("fork"),
  /** In the API's own JVM. */
  @JsonProperty("in-process")
  IN_PROCESS("in-process");

  private final String value;

  Isolation(String value) {
    this.value = value;
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
