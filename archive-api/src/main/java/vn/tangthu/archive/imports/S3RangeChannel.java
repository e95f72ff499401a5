package vn.tangthu.archive.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import vn.tangthu.archive.storage.ObjectStore;
import vn.tangthu.archive.storage.StorageException;

/**
 * An S3 object as a read-only {@link SeekableByteChannel}: each read is one ranged GET of at most
 * the buffer's remaining bytes (the intake reader reads whole blocks through its own cache), so a
 * package of any size is read without holding more than one buffer. A failure of storage is an
 * {@link IOException}. Not thread-safe (the intake reader serializes its reads).
 */
final class S3RangeChannel implements SeekableByteChannel {

  private final ObjectStore store;
  private final String bucket;
  private final String key;
  private final long size;
  private long position;
  private boolean open = true;

  /**
   * @param size the object's length, as stored
   */
  S3RangeChannel(ObjectStore store, String bucket, String key, long size) {
    this.store = store;
    this.bucket = bucket;
    this.key = key;
    this.size = size;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    if (position >= size) {
      return -1;
    }
    int length = (int) Math.min(dst.remaining(), size - position);
    if (length == 0) {
      return 0;
    }
    int read = 0;
    try (InputStream in = store.get(bucket, key, position, length)) {
      byte[] chunk = new byte[Math.min(length, 64 * 1024)];
      while (read < length) {
        int n = in.read(chunk, 0, Math.min(chunk.length, length - read));
        if (n < 0) {
          break;
        }
        dst.put(chunk, 0, n);
        read += n;
      }
    } catch (StorageException e) {
      throw new IOException("ranged GET of " + bucket + "/" + key + " failed: " + e, e);
    }
    if (read < length) {
      throw new IOException(
          bucket + "/" + key + " ended at " + (position + read) + " of " + size + " bytes");
    }
    position += read;
    return read;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) {
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position");
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }
}
