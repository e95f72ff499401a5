package vn.tangthu.retention.transfer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import vn.tangthu.retention.transfer.ContentSource;
import vn.tangthu.retention.transfer.TransferException;

/**
 * Writes entries to a POSIX (PAX) tar: UTF-8 names of any length, files of any size. Streams
 * content through a 64 KiB buffer, checking size and SHA-256. Does not close the underlying stream.
 * Not thread-safe.
 */
public final class TarSink {
  private static final int BUFFER = 64 * 1024;

  private final TarArchiveOutputStream tar;
  private final OutputStream out;
  private final Set<String> paths = new HashSet<>();
  private final byte[] buffer = new byte[BUFFER];

  public TarSink(OutputStream out) {
    this.out = out;
    this.tar = new TarArchiveOutputStream(new NonClosing(out), "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
  }

  /** Adds a directory entry ({@code path} ends with {@code /}). */
  public void addDirectory(String path, Instant mtime) {
    if (!path.endsWith("/") || !paths.add(path)) {
      throw new IllegalStateException("bad or duplicate directory " + path);
    }
    try {
      TarArchiveEntry e = new TarArchiveEntry(path, true);
      e.setModTime(Date.from(mtime));
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new TransferException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /** Adds a file from memory. */
  public void addBytes(String path, byte[] bytes, Instant mtime) {
    try {
      tar.putArchiveEntry(entry(path, bytes.length, mtime));
      tar.write(bytes);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new TransferException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Streams a file from {@code source}, which must yield exactly {@code size} bytes.
   *
   * @param expectedSha256 checked when not null
   * @return the SHA-256 of the bytes written, lowercase hex
   * @throws TransferException on a size or checksum mismatch, or a read or write failure
   */
  public String addStream(
      String path, long size, String expectedSha256, ContentSource source, Instant mtime) {
    MessageDigest digest = Hashing.sha256();
    try (InputStream in = source.open()) {
      tar.putArchiveEntry(entry(path, size, mtime));
      long written = 0;
      int n;
      while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, size - written + 1))) > 0) {
        if (written + n > size) {
          throw new TransferException(
              path + ": source has more than the declared " + size + " bytes");
        }
        digest.update(buffer, 0, n);
        tar.write(buffer, 0, n);
        written += n;
      }
      if (written != size) {
        throw new TransferException(
            path + ": source ended after " + written + " of the declared " + size + " bytes");
      }
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new TransferException("cannot write " + path + ": " + e.getMessage(), e);
    }
    String actual = Hashing.hex(digest.digest());
    if (expectedSha256 != null && !expectedSha256.equals(actual)) {
      throw new TransferException(path + ": SHA-256 is " + actual + ", expected " + expectedSha256);
    }
    return actual;
  }

  /** Writes the end-of-archive blocks and flushes; the underlying stream stays open. */
  public void finish() {
    try {
      tar.finish();
      tar.flush();
      out.flush();
    } catch (IOException e) {
      throw new TransferException("cannot finish the archive: " + e.getMessage(), e);
    }
  }

  private TarArchiveEntry entry(String path, long size, Instant mtime) {
    if (!paths.add(path)) {
      throw new IllegalStateException("duplicate archive path " + path);
    }
    TarArchiveEntry e = new TarArchiveEntry(path, true);
    e.setSize(size);
    e.setModTime(Date.from(mtime));
    e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE);
    return e;
  }

  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
