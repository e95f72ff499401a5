package vn.tangthu.intake.internal.table;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The metadata file's bytes, refused past the metadata size limit and, for CSV, when one record
 * (quotes understood, so line breaks inside a quoted cell do not end it) runs past the row limit:
 * the CSV parser holds a whole record in memory. A UTF-8 byte-order mark is dropped.
 */
final class LimitedSource extends FilterInputStream {

  /** A limit was crossed; the message says which. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean wholeFile;

    TooLarge(String message, boolean wholeFile) {
      super(message);
      this.wholeFile = wholeFile;
    }

    /** The file as a whole is too large (else one record is). */
    boolean wholeFile() {
      return wholeFile;
    }
  }

  private final String name;
  private final long maxBytes;
  private final long maxRecord;
  private final boolean csv;
  private long count;
  private long record;
  private boolean quoted;
  private long line = 1;

  private LimitedSource(InputStream in, String name, long maxBytes, long maxRecord, boolean csv) {
    super(in);
    this.name = name;
    this.maxBytes = maxBytes;
    this.maxRecord = maxRecord;
    this.csv = csv;
  }

  static InputStream of(InputStream raw, String name, long maxBytes, long maxRecord, boolean csv)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
    in.mark(3);
    byte[] bom = in.readNBytes(3);
    if (bom.length < 3
        || (bom[0] & 0xff) != 0xef
        || (bom[1] & 0xff) != 0xbb
        || (bom[2] & 0xff) != 0xbf) {
      in.reset();
    }
    return new LimitedSource(in, name, maxBytes, maxRecord, csv);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n <= 0) {
      return n;
    }
    count += n;
    if (count > maxBytes) {
      throw new TooLarge(name + " is larger than the limit of " + maxBytes + " bytes", true);
    }
    if (csv) {
      scan(b, off, n);
    }
    return n;
  }

  private void scan(byte[] b, int off, int n) throws TooLarge {
    for (int i = off; i < off + n; i++) {
      byte c = b[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n') {
        line++;
        if (!quoted) {
          record = 0;
          continue;
        }
      }
      if (++record > maxRecord) {
        throw new TooLarge(
            name
                + ": the record ending on line "
                + line
                + " is longer than "
                + maxRecord
                + " bytes (an unclosed quote?)",
            false);
      }
    }
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
}
