package vn.tangthu.archive.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.tangthu.archive.error.ApiException;

/**
 * One uploaded part written to a local temporary file while its SHA-256 is computed, so no file is
 * ever held in memory and the bytes can be inspected (media type, signatures) before they are
 * stored. The caller deletes it with {@link #close()}.
 */
public final class SpooledFile implements AutoCloseable {

  private final Path path;
  private final String fileName;
  private final String sha256;
  private final long size;

  private SpooledFile(Path path, String fileName, String sha256, long size) {
    this.path = path;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.size = size;
  }

  /**
   * Copies {@code in} to a new file under {@code dir}.
   *
   * @throws ApiException 413 {@code UPLOAD_TOO_LARGE} past {@code maxBytes}, 400 {@code
   *     UPLOAD_INCOMPLETE} when the client's stream breaks
   */
  static SpooledFile spool(InputStream in, String fileName, Path dir, long maxBytes)
      throws IOException {
    return write(new ClientInput(in), fileName, dir, maxBytes);
  }

  /**
   * Copies {@code in} (a file of an import package) to a new file under {@code dir}; unlike {@link
   * #spool}, a failure of {@code in} is thrown as it is.
   *
   * @throws ApiException 413 {@code UPLOAD_TOO_LARGE} past {@code maxBytes}
   * @throws IOException when {@code in} fails or the file cannot be written
   */
  public static SpooledFile copy(InputStream in, String fileName, Path dir, long maxBytes)
      throws IOException {
    return write(in, fileName, dir, maxBytes);
  }

  private static SpooledFile write(InputStream in, String fileName, Path dir, long maxBytes)
      throws IOException {
    Path path = Files.createTempFile(dir, "upload-", ".part");
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long size = 0;
      try (DigestInputStream din = new DigestInputStream(in, digest);
          OutputStream out = Files.newOutputStream(path)) {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = din.read(buf)) != -1) {
          size += n;
          if (size > maxBytes) {
            throw ApiException.of(
                413,
                "UPLOAD_TOO_LARGE",
                "A file may have at most " + maxBytes + " bytes.",
                "Mỗi tệp tối đa " + maxBytes + " byte.");
          }
          out.write(buf, 0, n);
        }
      }
      return new SpooledFile(
          path, cleanName(fileName), HexFormat.of().formatHex(digest.digest()), size);
    } catch (NoSuchAlgorithmException e) {
      Files.deleteIfExists(path);
      throw new IllegalStateException(e);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(path);
      throw e;
    }
  }

  /** A client's part: a broken stream is the client's fault, 400 {@code UPLOAD_INCOMPLETE}. */
  private static final class ClientInput extends java.io.FilterInputStream {
    ClientInput(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw ApiException.badRequest(
            "UPLOAD_INCOMPLETE",
            "The upload ended before the file was complete.",
            "Tệp tải lên bị ngắt trước khi hoàn tất.");
      }
    }
  }

  /** The client's file name without any directory part, or null. */
  public static String cleanName(String name) {
    if (name == null) {
      return null;
    }
    String n = name.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).strip();
    n =
        n.chars()
            .filter(c -> c >= 0x20 && c != 0x7f)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    if (n.isEmpty()) {
      return null;
    }
    return n.length() > 255 ? n.substring(0, 255) : n;
  }

  public Path path() {
    return path;
  }

  public String fileName() {
    return fileName;
  }

  public String sha256() {
    return sha256;
  }

  public long size() {
    return size;
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(path);
  }
}
