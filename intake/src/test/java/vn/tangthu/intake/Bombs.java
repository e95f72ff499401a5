package vn.tangthu.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Zip bombs and zips that lie, made in milliseconds without compressing a gigabyte. */
final class Bombs {

  static final long GIB = 1L << 30;
  private static final int MIB = 1 << 20;

  private Bombs() {}

  /**
   * The raw deflate encoding of {@code mib} MiB of zeros: the sync-flushed encoding of one MiB
   * (byte-aligned, referring only to zeros), repeated, then an empty final block.
   */
  static byte[] deflatedZeros(int mib) {
    Deflater d = new Deflater(9, true);
    d.setInput(new byte[MIB]);
    ByteArrayOutputStream one = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    int n;
    do {
      n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
      one.write(buf, 0, n);
    } while (n == buf.length || !d.needsInput());
    d.end();
    byte[] segment = one.toByteArray();
    ByteArrayOutputStream all = new ByteArrayOutputStream(segment.length * mib + 2);
    for (int i = 0; i < mib; i++) {
      all.write(segment, 0, segment.length);
    }
    all.write(3);
    all.write(0);
    return all.toByteArray();
  }

  static long crcOfZeros(long size) {
    CRC32 crc = new CRC32();
    byte[] zeros = new byte[MIB];
    for (long left = size; left > 0; left -= MIB) {
      crc.update(zeros, 0, (int) Math.min(MIB, left));
    }
    return crc.getValue();
  }

  /**
   * A zip with {@code before}, then {@code name} holding {@code mib} MiB of zeros (declaring {@code
   * declared} bytes), then {@code after}.
   */
  static byte[] zipWithZeros(String name, int mib, long declared, Archives before, Archives after)
      throws IOException {
    byte[] raw = deflatedZeros(mib);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
      copy(before, out);
      ZipArchiveEntry e = new ZipArchiveEntry(name);
      e.setMethod(ZipArchiveEntry.DEFLATED);
      e.setSize(declared);
      e.setCompressedSize(raw.length);
      e.setCrc(crcOfZeros((long) mib * MIB));
      out.addRawArchiveEntry(e, new java.io.ByteArrayInputStream(raw));
      copy(after, out);
    }
    return bytes.toByteArray();
  }

  private static void copy(Archives from, ZipArchiveOutputStream out) throws IOException {
    byte[] zip = from.zip();
    try (org.apache.commons.compress.archivers.zip.ZipFile z =
        org.apache.commons.compress.archivers.zip.ZipFile.builder().setByteArray(zip).get()) {
      for (ZipArchiveEntry e : java.util.Collections.list(z.getEntries())) {
        try (InputStream raw = z.getRawInputStream(e)) {
          out.addRawArchiveEntry(e, raw);
        }
      }
    }
  }

  /** Rewrites a field of {@code name}'s central directory record (little-endian). */
  static byte[] patchCentral(byte[] zip, String name, int offset, int value) {
    byte[] copy = zip.clone();
    ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    for (int i = copy.length - 46; i >= 0; i--) {
      if (b.getInt(i) != 0x02014b50) {
        continue;
      }
      int len = b.getShort(i + 28) & 0xffff;
      if (len == wanted.length
          && java.util.Arrays.equals(copy, i + 46, i + 46 + len, wanted, 0, len)) {
        if (offset == 8) {
          b.putShort(i + offset, (short) value);
        } else {
          b.putInt(i + offset, value);
        }
        return copy;
      }
    }
    throw new IllegalArgumentException("no central record for " + name);
  }

  static final int CD_FLAGS = 8;
  static final int CD_CRC = 16;
  static final int CD_UNCOMPRESSED = 24;
}
