package vn.tangthu.intake;

import java.io.IOException;
import java.util.Objects;

/**
 * Thrown while streaming an item's file when the content itself is at fault: over a limit, corrupt,
 * CRC mismatch. The item is {@code FAILED} with {@link #code()}; retrying cannot help. Any other
 * {@link IOException} from an item's stream is a transport failure (see {@link
 * ChannelReadException}).
 */
public final class ItemReadException extends IOException {

  private static final long serialVersionUID = 1L;

  private final ItemErrorCode code;

  public ItemReadException(ItemErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ItemReadException(ItemErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ItemErrorCode code() {
    return code;
  }

  public ItemError error() {
    return new ItemError(code, getMessage());
  }
}
