package vn.tangthu.bench.intake;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes entries into a zip, tar or gzip-compressed tar file as they come (nothing is held but the
 * current entry), with fixed times so that the same entries give the same bytes; or as files of a
 * folder (the repository's samples, which the import command packs itself). Not thread-safe.
 */
abstract class ArchiveSink implements Closeable {

  /** The archive formats the generator writes. */
  enum Kind {
    ZIP,
    TAR,
    TAR_GZ,
    /** Files under a folder, which must not exist yet. */
    FOLDER
  }

  abstract void add(String name, byte[] bytes) throws IOException;

  static ArchiveSink open(Path file, Kind kind) throws IOException {
    if (kind == Kind.FOLDER) {
      return new Folder(Files.createDirectory(file));
    }
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    return switch (kind) {
      case ZIP -> new Zip(out);
      case TAR -> new Tar(out);
      case TAR_GZ -> new Tar(new GzipCompressorOutputStream(out));
      case FOLDER -> throw new IllegalStateException();
    };
  }

  private static final class Folder extends ArchiveSink {
    private final Path root;

    Folder(Path root) {
      this.root = root;
    }

    @Override
    void add(String name, byte[] bytes) throws IOException {
      Path file = root.resolve(name).normalize();
      if (!file.startsWith(root) || file.equals(root)) {
        throw new IOException("not a path inside the folder: " + name);
      }
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    }

    @Override
    public void close() {}
  }

  private static final class Zip extends ArchiveSink {
    private final ZipArchiveOutputStream zip;

    Zip(OutputStream out) {
      this.zip = new ZipArchiveOutputStream(out);
      zip.setEncoding("UTF-8");
    }

    @Override
    void add(String name, byte[] bytes) throws IOException {
      ZipArchiveEntry e = new ZipArchiveEntry(name);
      e.setTimeLocal(FileRenderer.FIXED_TIME);
      zip.putArchiveEntry(e);
      zip.write(bytes);
      zip.closeArchiveEntry();
    }

    @Override
    public void close() throws IOException {
      zip.close();
    }
  }

  private static final class Tar extends ArchiveSink {
    private final TarArchiveOutputStream tar;

    Tar(OutputStream out) {
      this.tar = new TarArchiveOutputStream(out, "UTF-8");
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    @Override
    void add(String name, byte[] bytes) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setSize(bytes.length);
      e.setModTime(Date.from(FileRenderer.FIXED_TIME.toInstant(ZoneOffset.UTC)));
      e.setUserName("tangthu");
      e.setGroupName("tangthu");
      tar.putArchiveEntry(e);
      tar.write(bytes);
      tar.closeArchiveEntry();
    }

    @Override
    public void close() throws IOException {
      tar.close();
    }
  }
}
