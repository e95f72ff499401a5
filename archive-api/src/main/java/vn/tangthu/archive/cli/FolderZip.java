package vn.tangthu.archive.cli;

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
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A folder as a zip package, written as it is sent: its regular files, paths relative to the folder
 * ({@code /}-separated, UTF-8), in path order, deflated, so a folder of files with {@code
 * metadata.csv}, a bag or a folder of edXML messages arrives exactly as the same zip would. Nothing
 * is held in memory but the list of paths and the deflater's window; nothing is written to disk.
 * Links and special files are refused rather than followed (a link could reach outside the folder).
 * Stateless and thread-safe.
 */
final class FolderZip {

  private FolderZip() {}

  /**
   * Streams the zip of {@code folder} into {@code out} (not closed).
   *
   * @throws IOException when {@code folder} is not a folder, holds a link or a special file, or
   *     reading or writing fails
   */
  static void write(Path folder, OutputStream out) throws IOException {
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

  /** The regular files of {@code folder}, in package order. */
  static List<Path> files(Path folder) throws IOException {
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
    for (Path part : folder.relativize(file)) {
      if (name.length() > 0) {
        name.append('/');
      }
      name.append(part);
    }
    return name.toString();
  }

  /** {@code out} without its close: the caller still writes the multipart trailer after the zip. */
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
