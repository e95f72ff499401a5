package vn.tangthu.intake.internal.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import vn.tangthu.intake.ChannelReadException;
import vn.tangthu.intake.IntakeLimits;
import vn.tangthu.intake.PackageErrorCode;
import vn.tangthu.intake.PackageException;
import vn.tangthu.intake.internal.io.PackageChannel;

/**
 * A zip read through Commons Compress {@link ZipFile} over the package channel: the central
 * directory is listed once (after checking from its end record that it is within the entry limit,
 * so a hostile directory cannot exhaust memory); entries are read by offset, in physical order.
 */
public final class ZipContainer extends Container {

  private static final int EOCD_SIZE = 22;
  private static final int EOCD_SEARCH = EOCD_SIZE + 0xffff;

  private final ZipFile zip;
  private final PackageChannel channel;
  private final List<Entry> entries;

  private ZipContainer(
      ZipFile zip, PackageChannel channel, List<Entry> entries, IntakeLimits limits) {
    super(limits);
    this.zip = zip;
    this.channel = channel;
    this.entries = entries;
  }

  /**
   * @throws PackageException {@code PACKAGE_TOO_LARGE} over the entry limit, {@code
   *     UNSUPPORTED_PACKAGE} when the central directory cannot be read
   */
  public static ZipContainer open(PackageChannel channel, IntakeLimits limits)
      throws IOException, PackageException {
    long declared = declaredEntries(channel);
    if (declared > limits.maxEntries()) {
      throw tooMany(declared, limits);
    }
    ZipFile zip;
    try {
      zip =
          ZipFile.builder()
              .setSeekableByteChannel(channel)
              .setIgnoreLocalFileHeader(true)
              .setUseUnicodeExtraFields(true)
              .get();
    } catch (ChannelReadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new PackageException(
          PackageErrorCode.UNSUPPORTED_PACKAGE,
          "the zip's central directory cannot be read: " + e.getMessage(),
          e);
    }
    List<ZipArchiveEntry> listed = Collections.list(zip.getEntriesInPhysicalOrder());
    if (listed.size() > limits.maxEntries()) {
      zip.close();
      throw tooMany(listed.size(), limits);
    }
    List<Entry> entries = new ArrayList<>(listed.size());
    for (ZipArchiveEntry z : listed) {
      entries.add(entry(entries.size(), z, zip));
    }
    return new ZipContainer(zip, channel, List.copyOf(entries), limits);
  }

  private static Entry entry(int ordinal, ZipArchiveEntry z, ZipFile zip) {
    String raw = z.getName();
    String unsafe = EntryNames.unsafeReason(raw);
    if (unsafe == null && hasNul(z.getRawName())) {
      unsafe = "a NUL character";
    }
    if (unsafe == null && z.isUnixSymlink()) {
      unsafe = "a symbolic link";
    }
    String unreadable = null;
    if (!zip.canReadEntryData(z)) {
      unreadable =
          z.getGeneralPurposeBit().usesEncryption()
              ? "is encrypted"
              : "uses compression method "
                  + ZipMethod.getMethodByCode(z.getMethod())
                  + ", which is not supported";
    }
    boolean stored = z.getMethod() == ZipArchiveEntry.STORED;
    return new Entry(
        ordinal,
        raw,
        unsafe == null ? EntryNames.normalize(raw) : null,
        unsafe,
        z.isDirectory(),
        z.getSize(),
        stored ? -1 : z.getCompressedSize(),
        z.getCrc(),
        unreadable,
        -1,
        z);
  }

  private static boolean hasNul(byte[] raw) {
    if (raw == null) {
      return false;
    }
    for (byte b : raw) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The entry count the end of central directory record declares (its ZIP64 form when the plain
   * field is saturated), or 0 when no record is found (Commons Compress then refuses the zip).
   */
  public static long declaredEntries(PackageChannel channel) throws IOException {
    long size = channel.size();
    int span = (int) Math.min(size, EOCD_SEARCH);
    ByteBuffer tail = ByteBuffer.allocate(span).order(ByteOrder.LITTLE_ENDIAN);
    channel.readFully(tail, size - span);
    for (int i = span - EOCD_SIZE; i >= 0; i--) {
      if (tail.getInt(i) == 0x06054b50) {
        int count = tail.getShort(i + 10) & 0xffff;
        if (count != 0xffff) {
          return count;
        }
        return zip64Entries(channel, size - span + i);
      }
    }
    return 0;
  }

  private static long zip64Entries(PackageChannel channel, long eocd) throws IOException {
    if (eocd < 20) {
      return Long.MAX_VALUE;
    }
    ByteBuffer locator = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
    channel.readFully(locator, eocd - 20);
    if (locator.getInt(0) != 0x07064b50) {
      return Long.MAX_VALUE;
    }
    ByteBuffer record = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
    if (channel.readFully(record, locator.getLong(8)) < 56 || record.getInt(0) != 0x06064b50) {
      return Long.MAX_VALUE;
    }
    return record.getLong(32);
  }

  private static PackageException tooMany(long count, IntakeLimits limits) {
    return new PackageException(
        PackageErrorCode.PACKAGE_TOO_LARGE,
        "the zip has " + count + " entries, over the limit of " + limits.maxEntries());
  }

  @Override
  public List<Entry> entries() {
    return entries;
  }

  @Override
  public String kind() {
    return "zip";
  }

  /**
   * Opening an entry first reads its local header to find where its data starts (we skip local
   * headers when listing), and {@link ZipFile} does that with a seek and a read on the shared
   * channel and a shared buffer: two items opened at once would read each other's bytes. Holding
   * the channel's lock, which its reads and {@link ZipFile}'s entry streams also take, makes the
   * opening one step; reading the opened streams in parallel is safe.
   */
  @Override
  protected InputStream openRaw(Entry entry) throws IOException {
    synchronized (channel) {
      return zip.getInputStream((ZipArchiveEntry) entry.handle());
    }
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
