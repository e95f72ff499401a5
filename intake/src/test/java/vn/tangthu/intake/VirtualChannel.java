package vn.tangthu.intake;

import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A package that exists only as a formula: pieces of literal bytes and repeated runs, so a test can
 * read a gigabyte-sized package without a gigabyte on disk or in memory.
 */
final class VirtualChannel implements SeekableByteChannel {

  private record Piece(long start, long length, byte[] literal, byte[] period) {}

  private final List<Piece> pieces = new ArrayList<>();
  private long size;
  private long position;

  VirtualChannel literal(byte[] bytes) {
    pieces.add(new Piece(size, bytes.length, bytes, null));
    size += bytes.length;
    return this;
  }

  /** {@code length} bytes repeating {@code period}: byte {@code i} is {@code period[i % n]}. */
  VirtualChannel cyclic(long length, byte[] period) {
    pieces.add(new Piece(size, length, null, period));
    size += length;
    return this;
  }

  VirtualChannel zeros(long length) {
    return cyclic(length, new byte[1]);
  }

  @Override
  public synchronized int read(ByteBuffer dst) {
    if (position >= size) {
      return -1;
    }
    int n = 0;
    for (Piece p : pieces) {
      if (!dst.hasRemaining()) {
        break;
      }
      long end = p.start() + p.length();
      if (position >= end || position < p.start()) {
        continue;
      }
      int k = (int) Math.min(dst.remaining(), end - position);
      long offset = position - p.start();
      if (p.literal() != null) {
        dst.put(p.literal(), (int) offset, k);
      } else {
        byte[] period = p.period();
        int at = (int) (offset % period.length);
        for (int left = k; left > 0; ) {
          int run = Math.min(left, period.length - at);
          dst.put(period, at, run);
          left -= run;
          at = 0;
        }
      }
      position += k;
      n += k;
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
  public synchronized SeekableByteChannel position(long p) {
    position = p;
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public SeekableByteChannel truncate(long s) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void close() {}
}
