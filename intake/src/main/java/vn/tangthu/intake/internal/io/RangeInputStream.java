package vn.tangthu.intake.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.ItemReadException;

/**
 * The bytes {@code [start, start + length)} of a {@link PackageChannel}. Independent of other
 * streams over the same channel. A range that runs past the end of the package is a corrupt entry.
 */
public final class RangeInputStream extends InputStream {

  private final PackageChannel channel;
  private final long end;
  private long at;
  private long mark;

  public RangeInputStream(PackageChannel channel, long start, long length) {
    this.channel = channel;
    this.at = start;
    this.mark = start;
    this.end = start + length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (at >= end) {
      return -1;
    }
    int want = (int) Math.min(len, end - at);
    int n = channel.read(ByteBuffer.wrap(b, off, want), at);
    if (n < 0) {
      throw new ItemReadException(
          ItemErrorCode.ENTRY_UNREADABLE, "the entry runs past the end of the package");
    }
    at += n;
    return n;
  }

  @Override
  public long skip(long n) {
    long k = Math.max(0, Math.min(n, end - at));
    at += k;
    return k;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, end - at);
  }

  @Override
  public boolean markSupported() {
    return true;
  }

  @Override
  public synchronized void mark(int readlimit) {
    mark = at;
  }

  @Override
  public synchronized void reset() {
    at = mark;
  }
}
