package vn.tangthu.storage.internal.store;

import java.nio.ByteBuffer;
import java.util.zip.Checksum;

/**
 * CRC-64/NVME (the {@code CRC64NVME} of S3): reflected polynomial {@code 0x9a6c9329ac4bc9b5},
 * initial value and final XOR all ones; check value {@code 0xae8b14860a799888} for {@code
 * "123456789"}. Table-driven, eight bytes per step (slicing-by-8). Not thread-safe.
 */
public final class Crc64Nvme implements Checksum {
  /** The polynomial in bit-reflected form. */
  public static final long POLY = 0x9a6c9329ac4bc9b5L;

  private static final long[][] TABLE = tables();

  private long crc = -1L;

  private static long[][] tables() {
    long[][] t = new long[8][256];
    for (int n = 0; n < 256; n++) {
      long c = n;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
      }
      t[0][n] = c;
    }
    for (int n = 0; n < 256; n++) {
      long c = t[0][n];
      for (int k = 1; k < 8; k++) {
        c = t[0][(int) (c & 0xff)] ^ (c >>> 8);
        t[k][n] = c;
      }
    }
    return t;
  }

  @Override
  public void update(int b) {
    crc = TABLE[0][(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
  }

  @Override
  public void update(byte[] b, int off, int len) {
    long c = crc;
    long[] t0 = TABLE[0];
    long[] t1 = TABLE[1];
    long[] t2 = TABLE[2];
    long[] t3 = TABLE[3];
    long[] t4 = TABLE[4];
    long[] t5 = TABLE[5];
    long[] t6 = TABLE[6];
    long[] t7 = TABLE[7];
    int i = off;
    int end = off + len;
    for (; i + 8 <= end; i += 8) {
      c ^=
          (b[i] & 0xffL)
              | (b[i + 1] & 0xffL) << 8
              | (b[i + 2] & 0xffL) << 16
              | (b[i + 3] & 0xffL) << 24
              | (b[i + 4] & 0xffL) << 32
              | (b[i + 5] & 0xffL) << 40
              | (b[i + 6] & 0xffL) << 48
              | (b[i + 7] & 0xffL) << 56;
      c =
          t7[(int) (c & 0xff)]
              ^ t6[(int) ((c >>> 8) & 0xff)]
              ^ t5[(int) ((c >>> 16) & 0xff)]
              ^ t4[(int) ((c >>> 24) & 0xff)]
              ^ t3[(int) ((c >>> 32) & 0xff)]
              ^ t2[(int) ((c >>> 40) & 0xff)]
              ^ t1[(int) ((c >>> 48) & 0xff)]
              ^ t0[(int) (c >>> 56)];
    }
    for (; i < end; i++) {
      c = t0[(int) ((c ^ b[i]) & 0xff)] ^ (c >>> 8);
    }
    crc = c;
  }

  @Override
  public void update(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      int pos = buffer.position();
      update(buffer.array(), buffer.arrayOffset() + pos, buffer.remaining());
      buffer.position(buffer.limit());
      return;
    }
    byte[] chunk = new byte[(int) Math.min(buffer.remaining(), 64 * 1024)];
    while (buffer.hasRemaining()) {
      int n = Math.min(chunk.length, buffer.remaining());
      buffer.get(chunk, 0, n);
      update(chunk, 0, n);
    }
  }

  /** The CRC of the bytes so far (final XOR applied). */
  @Override
  public long getValue() {
    return ~crc;
  }

  @Override
  public void reset() {
    crc = -1L;
  }
}
