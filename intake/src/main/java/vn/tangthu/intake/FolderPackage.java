package vn.tangthu.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A folder on disk as an import package: an uncompressed tar of its regular files, paths relative
 * to the folder, in a fixed order (by path, {@code /}-separated, compared as strings), so that a
 * folder of files with {@code metadata.csv}, a bag or a folder of edXML messages is read exactly as
 * the same zip or tar would be. This is how the {@code import} command sends a folder; nothing is
 * held in memory but the list of paths and one copy buffer.
 *
 * <p>Links and special files are refused rather than followed (a link could reach outside the
 * folder); empty folders are left out. Stateless and thread-safe.
 */
public final class FolderPackage {

  private FolderPackage() {}

  /**
   * Streams the tar of {@code folder} into {@code out} (not closed).
   *
   * @throws IOException when {@code folder} is not a folder, holds a link or a special file, a file
   *     changes size while it is copied, or reading or writing fails
   */
  public static void writeTar(Path folder, OutputStream out) throws IOException {
    List<Path> files = files(folder);
    TarArchiveOutputStream tar = new TarArchiveOutputStream(new Unclosed(out), "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    for (Path file : files) {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      TarArchiveEntry entry = new TarArchiveEntry(name(folder, file), true);
      entry.setSize(attributes.size());
      entry.setModTime(attributes.lastModifiedTime());
      entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE);
      tar.putArchiveEntry(entry);
      Files.copy(file, tar);
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.close();
  }

  /**
   * Streams the zip of {@code folder} into {@code out} (not closed): the same files, names and
   * order as {@link #writeTar}, deflated, UTF-8 names, Zip64 where needed.
   *
   * @throws IOException when {@code folder} is not a folder, holds a link or a special file, or
   *     reading or writing fails
   */
  public static void writeZip(Path folder, OutputStream out) throws IOException {
    List<Path> files = files(folder);
    ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new Unclosed(out));
    zip.setEncoding("UTF-8");
    zip.setUseLanguageEncodingFlag(true);
    zip.setUseZip64(Zip64Mode.AsNeeded);
    for (Path file : files) {
      BasicFileAttributes a =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      ZipArchiveEntry entry = new ZipArchiveEntry(name(folder, file));
      entry.setMethod(ZipArchiveEntry.DEFLATED);
      entry.setSize(a.size());
      entry.setLastModifiedTime(a.lastModifiedTime());
      zip.putArchiveEntry(entry);
      Files.copy(file, zip);
      zip.closeArchiveEntry();
    }
    zip.finish();
    zip.close();
  }

  /**
   * The regular files of {@code folder}, in package order.
   *
   * @throws IOException when {@code folder} is not a folder or holds a link or a special file
   */
  public static List<Path> files(Path folder) throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(folder + " is not a folder");
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (Files.isSymbolicLink(p)) {
          throw new IOException(p + " is a link: links are not followed into a package");
        }
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          files.add(p);
        } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException(p + " is not a regular file or a folder");
        }
      }
    }
    files.sort(Comparator.comparing(p -> name(folder, p)));
    return files;
  }

  private static String name(Path folder, Path file) {
    StringBuilder name = new StringBuilder();
    for (Path segment : folder.relativize(file)) {
      if (name.length() > 0) {
        name.append('/');
      }
      name.append(segment);
    }
    return name.toString();
  }

  /** Leaves the caller's stream open when the tar is closed. */
  private static final class Unclosed extends java.io.FilterOutputStream {
    Unclosed(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
