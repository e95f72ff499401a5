package vn.tangthu.intake.internal.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A reader's private temporary folder; every spool file lives in it and it is deleted, with
 * whatever is left in it, on {@link #close()}. Thread-safe.
 */
public final class SpoolDir implements Closeable {

  private final Path dir;

  private SpoolDir(Path dir) {
    this.dir = dir;
  }

  public static SpoolDir create(Path parent) throws IOException {
    Files.createDirectories(parent);
    return new SpoolDir(Files.createTempDirectory(parent, "intake-"));
  }

  public Path dir() {
    return dir;
  }

  public Path newFile(String suffix) throws IOException {
    return Files.createTempFile(dir, "spool-", suffix);
  }

  /** Deletes {@code file}, ignoring a file already gone. */
  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
