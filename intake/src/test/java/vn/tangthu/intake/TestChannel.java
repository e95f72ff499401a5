package vn.tangthu.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A read-only channel over bytes in memory that counts its reads (each would be a ranged GET on S3)
 * and can be made to fail like a network would.
 */
final class TestChannel implements SeekableByteChannel {

  final AtomicInteger reads = new AtomicInteger();
  final AtomicBoolean failing = new AtomicBoolean();
  private final byte[] bytes;
  private long position;

  TestChannel(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public synchronized int read(ByteBuffer dst) throws IOException {
    if (failing.get()) {
      throw new IOException("connection reset by peer");
    }
    reads.incrementAndGet();
    if (position >= bytes.length) {
      return -1;
    }
    int n = (int) Math.min(dst.remaining(), bytes.length - position);
    dst.put(bytes, (int) position, n);
    position += n;
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
    position = newPosition;
    return this;
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public void close() {}
}
