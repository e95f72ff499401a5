package vn.tangthu.intake;

import java.io.IOException;

/**
 * The caller's channel failed (for the archive: a ranged S3 GET). Nothing is known to be wrong with
 * the package or the item: the caller should retry later rather than fail the item.
 */
public final class ChannelReadException extends IOException {

  private static final long serialVersionUID = 1L;

  public ChannelReadException(String message, IOException cause) {
    super(message, cause);
  }
}
