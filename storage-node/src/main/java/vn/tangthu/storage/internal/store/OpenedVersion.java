package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * A version together with its data file, opened: the bytes stay readable until {@link #close()}
 * even if a concurrent overwrite or delete removes the file.
 *
 * @param meta the version whose bytes {@code channel} reads
 * @param channel read channel on the version's data file
 */
public record OpenedVersion(ObjectMeta meta, FileChannel channel) implements AutoCloseable {
  public OpenedVersion {
    Objects.requireNonNull(meta);
    Objects.requireNonNull(channel);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
