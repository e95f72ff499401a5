package vn.tangthu.storage.internal.store;

/**
 * Combines the CRCs of two byte sequences into the CRC of their concatenation without reading the
 * bytes again (zlib's {@code crc32_combine}, for any reflected CRC whose initial value and final
 * XOR are all ones: CRC32, CRC32C, CRC64NVME). {@code crc(AB) = crc(A)·x^(8·|B|) mod P ⊕ crc(B)}.
 * Stateless and thread-safe.
 */
public final class CrcCombine {
  /** CRC32 (reflected 0xedb88320). */
  public static final CrcCombine CRC32 = new CrcCombine(0xedb88320L, 32);

  /** CRC32C (reflected 0x82f63b78). */
  public static final CrcCombine CRC32C = new CrcCombine(0x82f63b78L, 32);

  /** CRC64NVME (reflected 0x9a6c9329ac4bc9b5). */
  public static final CrcCombine CRC64NVME = new CrcCombine(Crc64Nvme.POLY, 64);

  private final long poly;
  private final int width;

  private CrcCombine(long poly, int width) {
    this.poly = poly;
    this.width = width;
  }

  /** The CRC of A followed by B, from {@code crc(A)}, {@code crc(B)} and {@code |B|} in bytes. */
  public long combine(long crcA, long crcB, long lengthB) {
    if (lengthB <= 0) {
      return crcA;
    }
    long[] odd = new long[width];
    long[] even = new long[width];
    odd[0] = poly; // the operator for one zero bit
    long row = 1;
    for (int n = 1; n < width; n++) {
      odd[n] = row;
      row <<= 1;
    }
    square(even, odd); // two zero bits
    square(odd, even); // four zero bits
    long a = crcA;
    long len = lengthB;
    do {
      square(even, odd); // first time: one zero byte
      if ((len & 1) != 0) {
        a = times(even, a);
      }
      len >>>= 1;
      if (len == 0) {
        break;
      }
      square(odd, even);
      if ((len & 1) != 0) {
        a = times(odd, a);
      }
      len >>>= 1;
    } while (len != 0);
    long mask = width == 64 ? -1L : (1L << width) - 1;
    return (a ^ crcB) & mask;
  }

  private static long times(long[] mat, long vec) {
    long sum = 0;
    for (int i = 0; vec != 0; i++, vec >>>= 1) {
      if ((vec & 1) != 0) {
        sum ^= mat[i];
      }
    }
    return sum;
  }

  private void square(long[] square, long[] mat) {
    for (int n = 0; n < width; n++) {
      square[n] = times(mat, mat[n]);
    }
  }
}
