package vn.tangthu.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One file of an item: the main document, its detached signature, or an attachment.
 *
 * <p>Streams from {@link #open()} are bounded by {@link IntakeLimits}: reading past a limit, or
 * content whose CRC or length does not match its entry, throws {@link ItemReadException} with the
 * item's error code.
 *
 * @param name the file name to keep for the record (no folders)
 * @param size the uncompressed size in bytes as declared by the package, or -1 when unknown
 * @param declaredContentType the media type the package claims (edXML {@code ContentType}), or
 *     {@code null}; the archive detects the real one from the bytes
 * @param declaredSha256 the lowercase hex SHA-256 the package lists for the file (a bag's
 *     manifest), or {@code null}; the archive can check it against the digest it computes
 */
public record ItemFile(
    String name,
    long size,
    String declaredContentType,
    String declaredSha256,
    ContentOpener opener) {

  public ItemFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
  }

  /** A new stream over the file's bytes; the caller closes it. */
  public InputStream open() throws IOException {
    return opener.open();
  }
}
