package vn.tangthu.intake.internal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.tangthu.intake.ChannelReadException;

/**
 * The caller's channel, read-only, through a small block cache: the zip central directory, tar
 * headers and small entries are read in many short reads that would each be a ranged GET on S3.
 * Positional reads ({@link #read(ByteBuffer, long)}) are atomic, so any number of threads can read
 * entries at once; the {@link SeekableByteChannel} view (for Commons Compress, which synchronizes
 * on this object around position-and-read) shares the same lock. Failures of the underlying channel
 * become {@link ChannelReadException}. Memory: {@code blocks × blockSize} bytes.
 */
public final class PackageChannel implements SeekableByteChannel {

  private final SeekableByteChannel source;
  private final long size;
  private final int blockSize;
  private final Map<Long, byte[]> cache;
  private long position;
  private boolean open = true;

  public PackageChannel(SeekableByteChannel source, int blockSize, int blocks) throws IOException {
    this.source = source;
    this.blockSize = blockSize;
    try {
      this.size = source.size();
    } catch (IOException e) {
      throw new ChannelReadException("cannot read the package's size", e);
    }
    this.cache =
        new LinkedHashMap<>(blocks * 2, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > blocks;
          }
        };
  }

  /**
   * Reads into {@code dst} from {@code at}, at most up to the end of one cache block.
   *
   * @return bytes read, or -1 at or past the end
   */
  public synchronized int read(ByteBuffer dst, long at) throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
    if (at >= size) {
      return -1;
    }
    if (!dst.hasRemaining()) {
      return 0;
    }
    long index = at / blockSize;
    byte[] block = cache.get(index);
    if (block == null) {
      block = fetch(index);
      cache.put(index, block);
    }
    int offset = (int) (at - index * blockSize);
    int n = Math.min(dst.remaining(), block.length - offset);
    dst.put(block, offset, n);
    return n;
  }

  /** Reads exactly {@code dst.remaining()} bytes from {@code at}, or fewer at the end. */
  public int readFully(ByteBuffer dst, long at) throws IOException {
    int total = 0;
    while (dst.hasRemaining()) {
      int n = read(dst, at + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  private byte[] fetch(long index) throws IOException {
    long start = index * blockSize;
    byte[] block = new byte[(int) Math.min(blockSize, size - start)];
    ByteBuffer buf = ByteBuffer.wrap(block);
    try {
      source.position(start);
      while (buf.hasRemaining()) {
        if (source.read(buf) < 0) {
          throw new ChannelReadException(
              "the package ended at byte " + (start + buf.position()) + " of " + size, null);
        }
      }
    } catch (ChannelReadException e) {
      throw e;
    } catch (IOException e) {
      throw new ChannelReadException("cannot read the package at byte " + start, e);
    }
    return block;
  }

  @Override
  public synchronized int read(ByteBuffer dst) throws IOException {
    int n = read(dst, position);
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public synchronized long position() {
    return position;
  }

  @Override
  public synchronized SeekableByteChannel position(long newPosition) {
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
  public synchronized boolean isOpen() {
    return open;
  }

  /** Drops the cache; the caller's channel stays open (the caller owns it). */
  @Override
  public synchronized void close() {
    open = false;
    cache.clear();
  }
}
