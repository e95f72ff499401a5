package vn.tangthu.archive.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The archive's data directory, held exclusively by one process: a server, or a maintenance command
 * that needs the data to itself. Layout: {@code pg/} (embedded PostgreSQL), {@code objects/}
 * (embedded storage node), {@code index/} (Lucene), {@code tmp/} (uploads being spooled), and
 * secrets readable by the owner only: {@code admin.token}, {@code storage.access-key}, {@code
 * storage.secret-key} and the embedded PostgreSQL's passwords (see {@link EmbeddedDatabase}).
 */
public final class DataDirectory implements AutoCloseable {

  private final Path root;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Creates the directory if needed and takes its lock.
   *
   * @throws IllegalStateException when another process holds it
   */
  public static DataDirectory acquire(Path root) throws IOException {
    Files.createDirectories(root);
    FileChannel channel =
        FileChannel.open(
            root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "The data directory " + root + " is in use by another Tàng Thư process");
    }
    DataDirectory dir = new DataDirectory(root, channel, lock);
    Files.createDirectories(dir.tmp());
    return dir;
  }

  public Path root() {
    return root;
  }

  public Path postgres() {
    return root.resolve("pg");
  }

  public Path objects() {
    return root.resolve("objects");
  }

  public Path tmp() {
    return root.resolve("tmp");
  }

  public Path resolve(String relative) {
    return root.resolve(relative);
  }

  /** Reads a secret kept in the directory, if present. */
  public Optional<String> readSecret(String name) throws IOException {
    Path file = root.resolve(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String s = Files.readString(file).trim();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** Writes a secret readable only by the owner, atomically. */
  public void writeSecret(String name, String value) throws IOException {
    Path tmpFile = root.resolve(name + ".tmp");
    Files.deleteIfExists(tmpFile);
    Files.createFile(
        tmpFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmpFile, value + "\n");
    try (FileChannel ch = FileChannel.open(tmpFile, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(
        tmpFile,
        root.resolve(name),
        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** A secret from the directory, generated and kept there on first use. */
  public String secret(String name, int bytes) throws IOException {
    Optional<String> existing = readSecret(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    String value = HexFormat.of().formatHex(random);
    writeSecret(name, value);
    return value;
  }

  /** Makes a file of the directory readable and writable by its owner only (mode 0600). */
  public void restrictToOwner(String name) throws IOException {
    Path file = root.resolve(name);
    var ownerOnly = PosixFilePermissions.fromString("rw-------");
    if (!Files.getPosixFilePermissions(file).equals(ownerOnly)) {
      Files.setPosixFilePermissions(file, ownerOnly);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }
}
