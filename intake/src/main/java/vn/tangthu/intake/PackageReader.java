package vn.tangthu.intake;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.tangthu.intake.internal.io.PackageChannel;
import vn.tangthu.intake.internal.io.SpoolDir;
import vn.tangthu.intake.internal.read.FormatReader;
import vn.tangthu.intake.internal.read.Probe;

/**
 * Reads an import package item by item, over a {@link SeekableByteChannel} the caller supplies (the
 * archive: ranged S3 GETs), without unpacking it: the format is detected from the bytes, a bag is
 * verified against its manifests, the metadata file is read once; then any item can be read, in any
 * order, from any number of threads, as often as needed. The same bytes always give the same items
 * at the same indexes, so an import job can resume at item N after a restart.
 *
 * <pre>{@code
 * try (PackageReader reader = PackageReader.open(channel, options)) {   // 422 on PackageException
 *   for (int i = resumeAt; i < reader.size(); i++) {
 *     try (IntakeItem item = reader.read(i)) {
 *       if (item instanceof ReadyItem ready) ingest(ready);            // ItemReadException: FAILED
 *       else if (item instanceof FailedItem failed) fail(i, failed.error());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Memory: the channel's block cache (2 MiB), the entry index (about 1 KiB per zip or tar entry,
 * bounded by {@link IntakeLimits#maxEntries()}), 8 bytes per metadata row, a bag's SHA-256 digests;
 * reading one item adds at most a few MiB whatever its size (see the module's README). Disk: the
 * spool folder in {@link IntakeOptions#tempDir()}, bounded by the limits.
 *
 * <p>The caller owns the channel: it must stay open until this reader is closed, and must give the
 * same bytes at every position for the reader's whole life.
 */
public final class PackageReader implements Closeable {

  static final int BLOCK_BYTES = 256 * 1024;
  static final int BLOCKS = 8;

  private final FormatReader reader;
  private final PackageChannel channel;
  private final SpoolDir spool;
  private final List<AutoCloseable> opened;

  private PackageReader(
      FormatReader reader, PackageChannel channel, SpoolDir spool, List<AutoCloseable> opened) {
    this.reader = reader;
    this.channel = channel;
    this.spool = spool;
    this.opened = opened;
  }

  /**
   * Detects the package's format and prepares its items; for a bag, verifies it (see {@link
   * IntakeOptions#verifyBag()}) before returning.
   *
   * @throws PackageException when the package as a whole is refused ({@code UNSUPPORTED_PACKAGE},
   *     {@code BAG_INVALID}, {@code PACKAGE_TOO_LARGE}, {@code INVALID_METADATA}); nothing of it
   *     may be stored
   * @throws ChannelReadException when the channel fails
   * @throws IOException when the spool folder cannot be written
   */
  public static PackageReader open(SeekableByteChannel channel, IntakeOptions options)
      throws IOException, PackageException {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(options, "options");
    SpoolDir spool = SpoolDir.create(options.tempDir());
    List<AutoCloseable> opened = new ArrayList<>();
    PackageChannel packageChannel = null;
    try {
      packageChannel = new PackageChannel(channel, BLOCK_BYTES, BLOCKS);
      FormatReader reader = Probe.open(packageChannel, options, spool, opened);
      return new PackageReader(reader, packageChannel, spool, opened);
    } catch (IOException | PackageException | RuntimeException e) {
      closeAll(opened, packageChannel, spool, e);
      throw e;
    }
  }

  public PackageFormat format() {
    return reader.format();
  }

  /** The number of items; indexes run from 0 to {@code size() - 1}. */
  public int size() {
    return reader.size();
  }

  /**
   * Item {@code index}. Every fault of the item itself is a {@link FailedItem}; close the item when
   * done with it.
   *
   * @throws IndexOutOfBoundsException for an index outside {@code [0, size())}
   * @throws ChannelReadException when the channel fails (retry later; the item is not at fault)
   * @throws IOException when the spool folder cannot be written
   */
  public IntakeItem read(int index) throws IOException {
    Objects.checkIndex(index, reader.size());
    return reader.read(index);
  }

  /** What the reader ignored (unknown metadata columns, a second metadata file, …). */
  public List<String> warnings() {
    return reader.warnings();
  }

  /** Closes the reader and deletes its spool folder; items still open cannot be read after. */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    try {
      reader.close();
    } catch (IOException e) {
      failure = e;
    }
    closeAll(opened, channel, spool, failure);
    if (failure != null) {
      throw failure;
    }
  }

  private static void closeAll(
      List<AutoCloseable> opened, PackageChannel channel, SpoolDir spool, Exception primary) {
    List<AutoCloseable> all = new ArrayList<>(opened);
    if (channel != null) {
      all.add(channel);
    }
    all.add(spool);
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception e) {
        if (primary != null) {
          primary.addSuppressed(e);
        }
      }
    }
  }
}
