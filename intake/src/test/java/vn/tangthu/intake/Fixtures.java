package vn.tangthu.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Opening packages from bytes or files, and reading items whole. */
final class Fixtures {

  private Fixtures() {}

  /** An open reader over {@code bytes} written to {@code dir}; the channel closes with it. */
  static Opened open(Path dir, byte[] bytes, IntakeOptions options)
      throws IOException, PackageException {
    Path file = Files.createTempFile(dir, "package-", ".bin");
    Files.write(file, bytes);
    return open(file, options);
  }

  static Opened open(Path file, IntakeOptions options) throws IOException, PackageException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new Opened(PackageReader.open(channel, options), channel);
    } catch (IOException | PackageException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** A reader and the channel it reads. */
  record Opened(PackageReader reader, SeekableByteChannel channel) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        reader.close();
      } finally {
        channel.close();
      }
    }

    List<IntakeItem> items() throws IOException {
      List<IntakeItem> all = new ArrayList<>();
      for (int i = 0; i < reader.size(); i++) {
        all.add(reader.read(i));
      }
      return all;
    }
  }

  static byte[] bytes(ItemFile file) throws IOException {
    try (InputStream in = file.open()) {
      return in.readAllBytes();
    }
  }

  static String text(ItemFile file) throws IOException {
    return new String(bytes(file), StandardCharsets.UTF_8);
  }

  static PackageException refused(Path dir, byte[] bytes, IntakeOptions options)
      throws IOException {
    try (Opened o = open(dir, bytes, options)) {
      throw new AssertionError("opened as " + o.reader().format());
    } catch (PackageException e) {
      return e;
    }
  }
}
