package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/** fsync, atomic rename and durable directory creation. */
final class Durable {
  private Durable() {}

  static void fsyncDir(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  static void fsyncFile(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  /** Renames atomically (replacing the target) and makes the new entry durable. */
  static void moveDurably(Path src, Path dst) throws IOException {
    Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
    fsyncDir(dst.getParent());
  }

  /** Writes {@code content} to a temp file in {@code tmpDir}, fsyncs it, renames it to target. */
  static void writeAtomically(Path tmpDir, Path target, byte[] content) throws IOException {
    Path tmp = tmpDir.resolve("w-" + UUID.randomUUID());
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(content);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      moveDurably(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Creates {@code dir} and missing parents, fsyncing the parent of every directory created. */
  static void createDirectories(Path dir) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    while (!missing.isEmpty()) {
      Path p = missing.pop();
      try {
        Files.createDirectory(p);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (!Files.isDirectory(p)) {
          throw e;
        }
      }
      fsyncDir(p.getParent());
    }
  }
}
