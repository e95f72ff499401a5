package vn.tangthu.intake.internal.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import vn.tangthu.intake.ChannelReadException;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.ItemReadException;

/**
 * Enforces {@link EntryBounds} on a decompressed entry while it is read, whatever its header
 * claims: past the size limit, past its declared size, or past the compression ratio it throws
 * {@link ItemReadException} ({@code ENTRY_TOO_LARGE}); a short entry or a CRC mismatch at the end
 * is {@code ENTRY_UNREADABLE}, and so is any decompression failure. Failures of the package's
 * channel pass through unchanged ({@link ChannelReadException}). Not thread-safe (one reader).
 */
public final class BoundedEntryStream extends FilterInputStream {

  private final EntryBounds bounds;
  private final CRC32 crc = new CRC32();
  private long count;
  private boolean ended;

  public BoundedEntryStream(InputStream in, EntryBounds bounds) {
    super(in);
    this.bounds = bounds;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = in.read(b, off, len);
    } catch (ItemReadException | ChannelReadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ItemReadException(
          ItemErrorCode.ENTRY_UNREADABLE,
          bounds.name() + ": cannot be decompressed (" + e.getMessage() + ")",
          e);
    }
    if (n < 0) {
      atEnd();
      return n;
    }
    count += n;
    if (bounds.crc() >= 0) {
      crc.update(b, off, n);
    }
    check();
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long left = n;
    while (left > 0) {
      int k = read(buf, 0, (int) Math.min(buf.length, left));
      if (k < 0) {
        break;
      }
      left -= k;
    }
    return n - left;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void check() throws ItemReadException {
    if (count > bounds.maxBytes()) {
      throw tooLarge("is larger than the limit of " + bounds.maxBytes() + " bytes");
    }
    if (bounds.declaredSize() >= 0 && count > bounds.declaredSize()) {
      throw tooLarge("is larger than the " + bounds.declaredSize() + " bytes its header declares");
    }
    long compressed = bounds.compressedSize();
    if (compressed > 0
        && count > bounds.ratioFloor()
        && count / (double) compressed > bounds.maxRatio()) {
      throw tooLarge(
          "expands more than "
              + bounds.maxRatio()
              + " times its compressed size of "
              + compressed
              + " bytes (a zip bomb?)");
    }
  }

  private void atEnd() throws ItemReadException {
    if (ended) {
      return;
    }
    ended = true;
    if (bounds.declaredSize() >= 0 && count < bounds.declaredSize()) {
      throw new ItemReadException(
          ItemErrorCode.ENTRY_UNREADABLE,
          bounds.name()
              + ": ends after "
              + count
              + " of the "
              + bounds.declaredSize()
              + " bytes its header declares");
    }
    if (bounds.crc() >= 0 && crc.getValue() != bounds.crc()) {
      throw new ItemReadException(
          ItemErrorCode.ENTRY_UNREADABLE,
          bounds.name() + ": CRC-32 mismatch (the entry is corrupt)");
    }
  }

  private ItemReadException tooLarge(String what) {
    return new ItemReadException(ItemErrorCode.ENTRY_TOO_LARGE, bounds.name() + ": " + what);
  }
}
