package vn.tangthu.intake.internal.container;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import vn.tangthu.intake.IntakeLimits;
import vn.tangthu.intake.ItemError;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.internal.io.BoundedEntryStream;
import vn.tangthu.intake.internal.io.EntryBounds;

/**
 * A zip or tar listed once and read entry by entry, at random, over the package channel; never
 * unpacked. Thread-safe: entries can be opened and read from several threads at once.
 */
public abstract class Container implements Closeable {

  private final IntakeLimits limits;

  protected Container(IntakeLimits limits) {
    this.limits = limits;
  }

  /** Every entry, in the container's deterministic order ({@link Entry#ordinal()}). */
  public abstract List<Entry> entries();

  /** "zip" or "tar". */
  public abstract String kind();

  /** The decompressed content, with no limits applied. */
  protected abstract InputStream openRaw(Entry entry) throws IOException;

  /**
   * What is wrong with {@code entry} before reading any of it, or {@code null}: an unsafe name or
   * kind, unreadable content, a declared size or compression ratio over the limits.
   */
  public final ItemError problem(Entry entry) {
    if (entry.unsafe() != null) {
      return new ItemError(
          ItemErrorCode.UNSAFE_PATH, entry.displayName() + ": refused, it has " + entry.unsafe());
    }
    if (entry.unreadable() != null) {
      return new ItemError(
          ItemErrorCode.ENTRY_UNREADABLE, entry.displayName() + ": " + entry.unreadable());
    }
    if (entry.size() > limits.maxEntryBytes()) {
      return new ItemError(
          ItemErrorCode.ENTRY_TOO_LARGE,
          entry.displayName()
              + ": "
              + entry.size()
              + " bytes, over the limit of "
              + limits.maxEntryBytes());
    }
    if (entry.compressedSize() > 0
        && entry.size() > limits.ratioFloorBytes()
        && entry.size() / (double) entry.compressedSize() > limits.maxCompressionRatio()) {
      return new ItemError(
          ItemErrorCode.ENTRY_TOO_LARGE,
          entry.displayName()
              + ": "
              + entry.size()
              + " bytes compressed into "
              + entry.compressedSize()
              + ", more than "
              + limits.maxCompressionRatio()
              + " to 1 (a zip bomb?)");
    }
    return null;
  }

  /** The entry's content, checked against its header and the limits while it is read. */
  public final InputStream open(Entry entry) throws IOException {
    EntryBounds bounds =
        new EntryBounds(
            entry.displayName(),
            entry.size(),
            entry.compressedSize(),
            entry.crc(),
            limits.maxEntryBytes(),
            limits.maxCompressionRatio(),
            limits.ratioFloorBytes());
    return new BoundedEntryStream(openRaw(entry), bounds);
  }

  /** Up to {@code n} first bytes of the content (fewer when shorter). */
  public final byte[] head(Entry entry, int n) throws IOException {
    try (InputStream in = open(entry)) {
      return in.readNBytes(n);
    }
  }
}
