package vn.tangthu.intake.internal.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarFile;
import vn.tangthu.intake.ChannelReadException;
import vn.tangthu.intake.IntakeLimits;
import vn.tangthu.intake.PackageErrorCode;
import vn.tangthu.intake.PackageException;
import vn.tangthu.intake.internal.io.PackageChannel;
import vn.tangthu.intake.internal.io.RangeInputStream;

/**
 * A tar listed in one pass over its headers (Commons Compress {@link TarFile}, which seeks past the
 * data: PAX and GNU long names are understood), each entry then read by its data offset. A first
 * pass that only counts headers keeps a hostile tar of millions of empty entries from exhausting
 * memory.
 */
public final class TarContainer extends Container {

  private static final int BLOCK = TarConstants.DEFAULT_RCDSIZE;

  private final TarFile tar;
  private final PackageChannel channel;
  private final List<Entry> entries;

  private TarContainer(
      TarFile tar, PackageChannel channel, List<Entry> entries, IntakeLimits limits) {
    super(limits);
    this.tar = tar;
    this.channel = channel;
    this.entries = entries;
  }

  /**
   * @throws PackageException {@code PACKAGE_TOO_LARGE} over the entry limit, {@code
   *     UNSUPPORTED_PACKAGE} when a header cannot be read
   */
  public static TarContainer open(PackageChannel channel, IntakeLimits limits)
      throws IOException, PackageException {
    countHeaders(channel, limits);
    TarFile tar;
    try {
      tar = new TarFile(channel, TarConstants.DEFAULT_BLKSIZE, BLOCK, "UTF-8", false);
    } catch (ChannelReadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new PackageException(
          PackageErrorCode.UNSUPPORTED_PACKAGE,
          "the tar's headers cannot be read: " + e.getMessage(),
          e);
    }
    List<Entry> entries = new ArrayList<>();
    for (TarArchiveEntry t : tar.getEntries()) {
      if (!t.isGlobalPaxHeader()) {
        entries.add(entry(entries.size(), t));
      }
    }
    return new TarContainer(tar, channel, List.copyOf(entries), limits);
  }

  private static Entry entry(int ordinal, TarArchiveEntry t) {
    String raw = t.getName();
    String unsafe = EntryNames.unsafeReason(raw);
    if (unsafe == null && (t.isSymbolicLink() || t.isLink())) {
      unsafe = "a link to " + t.getLinkName();
    } else if (unsafe == null && !t.isFile() && !t.isDirectory()) {
      unsafe = "a special file (device or pipe)";
    }
    String unreadable = t.isSparse() ? "is a sparse tar entry, which is not supported" : null;
    return new Entry(
        ordinal,
        raw,
        unsafe == null ? EntryNames.normalize(raw) : null,
        unsafe,
        t.isDirectory(),
        t.isDirectory() ? 0 : t.getSize(),
        -1,
        -1,
        unreadable,
        t.getDataOffset(),
        t);
  }

  /**
   * Walks the headers by their size fields only, refusing more than the limit allows, and a tar
   * whose last entry is cut off (a missing end-of-archive marker is tolerated: many tools omit it).
   */
  private static void countHeaders(PackageChannel channel, IntakeLimits limits)
      throws IOException, PackageException {
    long max = 3L * limits.maxEntries();
    byte[] header = new byte[BLOCK];
    long at = 0;
    long count = 0;
    while (at + BLOCK <= channel.size()) {
      channel.readFully(ByteBuffer.wrap(header), at);
      if (header[0] == 0) {
        return;
      }
      if (++count > max) {
        throw new PackageException(
            PackageErrorCode.PACKAGE_TOO_LARGE,
            "the tar has more than " + limits.maxEntries() + " entries, the limit");
      }
      long size = size(header);
      if (size < 0) {
        return;
      }
      at += BLOCK + (size + BLOCK - 1) / BLOCK * BLOCK;
    }
    if (at > channel.size() || !zeros(channel, at)) {
      throw new PackageException(
          PackageErrorCode.UNSUPPORTED_PACKAGE,
          "the tar is truncated: it ends at byte "
              + channel.size()
              + ", inside an entry (upload the whole file)");
    }
  }

  /** Whether the bytes from {@code at} to the end (less than a block) are all zero. */
  private static boolean zeros(PackageChannel channel, long at) throws IOException {
    byte[] rest = new byte[(int) (channel.size() - at)];
    channel.readFully(ByteBuffer.wrap(rest), at);
    for (byte b : rest) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** The size field, octal or GNU base-256; -1 when unreadable (TarFile then reports it). */
  private static long size(byte[] h) {
    if ((h[124] & 0x80) != 0) {
      long v = 0;
      for (int i = 125; i < 136; i++) {
        v = (v << 8) | (h[i] & 0xff);
      }
      return v < 0 ? -1 : v;
    }
    String octal = new String(h, 124, 12, StandardCharsets.US_ASCII).replace('\0', ' ').strip();
    if (octal.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(octal, 8);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public List<Entry> entries() {
    return entries;
  }

  @Override
  public String kind() {
    return "tar";
  }

  @Override
  protected InputStream openRaw(Entry entry) {
    return new RangeInputStream(channel, entry.dataOffset(), entry.size());
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
