package vn.tangthu.intake.internal.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.tangthu.intake.ItemErrorCode;
import vn.tangthu.intake.ItemReadException;

/**
 * Writes to a spool file and refuses to grow it past {@code maxBytes} ({@code ENTRY_TOO_LARGE}
 * naming {@code what}). Not thread-safe.
 */
public final class BoundedFileOutput extends OutputStream {

  private final OutputStream out;
  private final long maxBytes;
  private final String what;
  private long count;

  public BoundedFileOutput(Path file, long maxBytes, String what) throws IOException {
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
    this.maxBytes = maxBytes;
    this.what = what;
  }

  @Override
  public void write(int b) throws IOException {
    grow(1);
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    grow(len);
    out.write(b, off, len);
  }

  private void grow(int n) throws ItemReadException {
    count += n;
    if (count > maxBytes) {
      throw new ItemReadException(
          ItemErrorCode.ENTRY_TOO_LARGE,
          what + " is larger than the limit of " + maxBytes + " bytes");
    }
  }

  public long count() {
    return count;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
