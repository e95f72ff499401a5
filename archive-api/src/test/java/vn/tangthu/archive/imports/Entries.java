package vn.tangthu.archive.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The entries of a test package, written as a zip or a tar, including entries no honest tool
 * writes: paths that climb out of the package, and deflated zeros that claim a gigabyte.
 */
final class Entries {

  private static final int MIB = 1 << 20;

  /** One entry; {@code zerosMib} > 0 makes it that many MiB of zeros, deflated. */
  private record Entry(String name, byte[] content, int zerosMib) {}

  private final List<Entry> entries = new ArrayList<>();

  Entries add(String name, byte[] content) {
    entries.add(new Entry(name, content, 0));
    return this;
  }

  Entries add(String name, String content) {
    return add(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code mib} MiB of zeros, made without compressing them (zip only). */
  Entries zeros(String name, int mib) {
    entries.add(new Entry(name, null, mib));
    return this;
  }

  byte[] zip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
      out.setEncoding("UTF-8");
      for (Entry e : entries) {
        if (e.zerosMib() > 0) {
          zeros(out, e);
          continue;
        }
        out.putArchiveEntry(new ZipArchiveEntry(e.name()));
        out.write(e.content());
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  byte[] tar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, "UTF-8")) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      out.setAddPaxHeadersForNonAsciiNames(true);
      for (Entry e : entries) {
        TarArchiveEntry t = new TarArchiveEntry(e.name(), true);
        t.setSize(e.content().length);
        out.putArchiveEntry(t);
        out.write(e.content());
        out.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void zeros(ZipArchiveOutputStream out, Entry e) throws IOException {
    byte[] raw = deflatedZeros(e.zerosMib());
    ZipArchiveEntry z = new ZipArchiveEntry(e.name());
    z.setMethod(ZipArchiveEntry.DEFLATED);
    z.setSize((long) e.zerosMib() * MIB);
    z.setCompressedSize(raw.length);
    CRC32 crc = new CRC32();
    byte[] mib = new byte[MIB];
    for (int i = 0; i < e.zerosMib(); i++) {
      crc.update(mib);
    }
    z.setCrc(crc.getValue());
    out.addRawArchiveEntry(z, new ByteArrayInputStream(raw));
  }

  /**
   * The raw deflate encoding of {@code mib} MiB of zeros: one sync-flushed MiB (byte-aligned,
   * referring only to zeros) repeated, then an empty final block.
   */
  private static byte[] deflatedZeros(int mib) {
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
}
