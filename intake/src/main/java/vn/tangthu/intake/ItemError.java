package vn.tangthu.intake;

import java.util.Objects;

/**
 * Why an item failed: a stable {@link #code} and an English message naming the element, column, row
 * or path at fault.
 */
public record ItemError(ItemErrorCode code, String message) {

  public ItemError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
