package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives request bodies before they are committed: streamed into {@code tmp/} or, when small
 * enough to be journaled, read into memory, with every digest computed in the same pass.
 * Thread-safe.
 */
final class Staging {
  private static final Logger LOG = LoggerFactory.getLogger(Staging.class);

  private final Path tmpDir;
  private final int inMemoryMax;

  Staging(Path tmpDir, int inMemoryMax) {
    this.tmpDir = tmpDir;
    this.inMemoryMax = inMemoryMax;
  }

  /**
   * Streams {@code in} into a new temporary file (not fsynced: {@link #put} makes it durable, or
   * journals it), computing digests.
   *
   * @param algorithms additional checksums to compute ({@link Digests#ALGORITHMS})
   */
  StagedBlob stage(InputStream in, Set<String> algorithms) throws IOException {
    Path file = tmpDir.resolve("put-" + UUID.randomUUID());
    Digests d = new Digests(algorithms);
    boolean ok = false;
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      byte[] buf = new byte[128 * 1024];
      ByteBuffer bb = ByteBuffer.wrap(buf);
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (n == 0) {
          continue;
        }
        d.update(buf, 0, n);
        bb.clear().limit(n);
        while (bb.hasRemaining()) {
          ch.write(bb);
        }
      }
      ok = true;
    } finally {
      if (!ok) {
        Files.deleteIfExists(file);
      }
    }
    Digests.Result r = d.finish(algorithms.contains("SHA256"));
    return new StagedBlob(file, r.size(), r.md5(), r.sha256(), r.crc32c(), r.checksums());
  }

  /**
   * The largest body {@link #stageInMemory} takes: objects up to this size are journaled, so their
   * bytes never need a temporary file (0 for a read-only store).
   */
  int inMemoryMax() {
    return inMemoryMax;
  }

  /**
   * Reads a body of {@code length} bytes (at most {@link #inMemoryMax()}) into memory, computing
   * digests in the same pass. When the stream holds fewer or more bytes, the blob's {@code size}
   * says how many it held (the caller refuses it).
   */
  StagedBlob stageInMemory(InputStream in, int length, Set<String> algorithms) throws IOException {
    if (length < 0 || length > inMemoryMax()) {
      throw new IllegalArgumentException("not a small body: " + length);
    }
    byte[] data = new byte[length];
    int n = in.readNBytes(data, 0, length);
    if (n < length) {
      data = java.util.Arrays.copyOf(data, n);
    }
    long extra = in.transferTo(java.io.OutputStream.nullOutputStream());
    Digests d = new Digests(algorithms);
    d.update(data, 0, data.length);
    Digests.Result r = d.finish(algorithms.contains("SHA256"));
    return new StagedBlob(
        null, data.length + extra, r.md5(), r.sha256(), r.crc32c(), r.checksums(), data);
  }

  /** Removes a staged blob that will not be committed. */
  void discard(StagedBlob blob) {
    if (blob.inMemory()) {
      return;
    }
    try {
      Files.deleteIfExists(blob.file());
    } catch (IOException e) {
      LOG.warn("could not delete {}", blob.file(), e);
    }
  }
}
