package vn.tangthu.intake;

import java.util.Objects;

/** An item that cannot become a record, and why. */
public record FailedItem(int index, String path, ItemError error) implements IntakeItem {

  public FailedItem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(error, "error");
  }

  public FailedItem(int index, String path, ItemErrorCode code, String message) {
    this(index, path, new ItemError(code, message));
  }

  @Override
  public void close() {}
}
