package vn.tangthu.storage.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import vn.tangthu.storage.internal.s3.S3Exception;
import vn.tangthu.storage.internal.store.Digests;

/**
 * Sends a region of a stored file, optionally verifying the SHA-256 of the whole file while it is
 * sent.
 *
 * <p>Guarantee when verifying: the last chunk is handed to the sink (with {@code last} true) only
 * after the SHA-256 of every byte read matched the expected one; on a mismatch {@link #send} throws
 * {@link S3Exception} (InternalError) instead, so the response never completes normally. A region
 * that fits in one chunk is hashed on the calling thread before anything is sent. A longer one is
 * hashed on {@code hashers}, chunk after chunk in order, while the calling thread sends the
 * previous chunk: hashing and network writes overlap, and the bytes hashed are exactly the bytes
 * sent (the same buffers, never re-read).
 *
 * <p>Thread-safe; buffers are direct, pooled and reused across calls.
 */
final class ObjectStreamer {
  /** Receives the bytes of one response in order. */
  interface Sink {
    /**
     * Writes {@code buf} (its remaining bytes) and returns once they are written; {@code last} ends
     * the response normally.
     */
    void write(ByteBuffer buf, boolean last) throws IOException;
  }

  static final int CHUNK = 256 * 1024;
  private static final int DEPTH = 4;
  private static final int POOLED = 64;

  private final Executor hashers;
  private final BlockingQueue<ByteBuffer> pool = new ArrayBlockingQueue<>(POOLED);

  /**
   * @param hashers runs the SHA-256 of long regions; its threads only hash
   */
  ObjectStreamer(Executor hashers) {
    this.hashers = hashers;
  }

  /**
   * Sends {@code length} bytes of {@code ch} from {@code offset}.
   *
   * @param sha256 the expected hex SHA-256 of exactly this region (the whole file), or null to send
   *     without verifying (range reads)
   * @throws S3Exception InternalError when the file is shorter than {@code offset + length} or its
   *     SHA-256 differs
   * @throws IOException when reading the file or writing to the sink fails
   */
  void send(FileChannel ch, long offset, long length, String sha256, Sink sink) throws IOException {
    if (length <= CHUNK) {
      sendOneChunk(ch, offset, (int) length, sha256, sink);
    } else if (sha256 == null) {
      sendUnverified(ch, offset, length, sink);
    } else {
      sendVerified(ch, offset, length, sha256, sink);
    }
  }

  /**
   * Sends the whole of {@code ch} ({@code length} bytes), checking its CRC32C on the calling thread
   * as it goes: every chunk is sent once hashed, the last one only after the CRC of every byte
   * matched {@code crc32c}.
   *
   * @param crc32c the expected hex CRC32C of the whole file
   * @throws S3Exception InternalError when the file is shorter or its CRC32C differs
   */
  void sendCrc32cVerified(FileChannel ch, long length, String crc32c, Sink sink)
      throws IOException {
    long expected = Long.parseLong(crc32c, 16);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    ByteBuffer buf = take();
    try {
      long pos = 0;
      do {
        buf.clear().limit((int) Math.min(CHUNK, length - pos));
        readFully(ch, buf, pos);
        pos += buf.remaining();
        crc.update(buf.duplicate());
        if (pos == length && crc.getValue() != expected) {
          throw S3Exception.internal(
              "Stored object failed its integrity check (CRC32C mismatch); not served");
        }
        sink.write(buf, pos == length);
      } while (pos < length);
    } finally {
      release(buf);
    }
  }

  private void sendOneChunk(FileChannel ch, long offset, int length, String sha256, Sink sink)
      throws IOException {
    ByteBuffer buf = take();
    try {
      buf.clear().limit(length);
      readFully(ch, buf, offset);
      if (sha256 != null) {
        MessageDigest md = Digests.newDigest("SHA-256");
        md.update(buf.duplicate());
        check(md, sha256);
      }
      sink.write(buf, true);
    } finally {
      release(buf);
    }
  }

  private void sendUnverified(FileChannel ch, long offset, long length, Sink sink)
      throws IOException {
    ByteBuffer buf = take();
    try {
      long pos = offset;
      long end = offset + length;
      while (pos < end) {
        buf.clear().limit((int) Math.min(CHUNK, end - pos));
        readFully(ch, buf, pos);
        pos += buf.remaining();
        sink.write(buf, pos == end);
      }
    } finally {
      release(buf);
    }
  }

  private void sendVerified(FileChannel ch, long offset, long length, String sha256, Sink sink)
      throws IOException {
    MessageDigest md = Digests.newDigest("SHA-256");
    ByteBuffer[] ring = new ByteBuffer[DEPTH];
    @SuppressWarnings("unchecked")
    CompletableFuture<Void>[] hashed = new CompletableFuture[DEPTH];
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    ByteBuffer held = null;
    try {
      long pos = offset;
      long end = offset + length;
      for (int i = 0; pos < end; i++) {
        int slot = i % DEPTH;
        if (ring[slot] == null) {
          ring[slot] = take();
        } else {
          join(hashed[slot]); // sent already (sends are synchronous); now hashed too
        }
        ByteBuffer buf = ring[slot];
        buf.clear().limit((int) Math.min(CHUNK, end - pos));
        readFully(ch, buf, pos);
        pos += buf.remaining();
        ByteBuffer view = buf.duplicate();
        chain = chain.thenRunAsync(() -> md.update(view), hashers);
        hashed[slot] = chain;
        if (held != null) {
          sink.write(held, false);
        }
        held = buf;
      }
      join(chain);
      check(md, sha256);
      sink.write(held, true);
    } finally {
      // hashing may still read a buffer when sending failed: wait before pooling them again
      try {
        chain.join();
      } catch (CompletionException ignored) {
        // reported above, or the send already failed
      }
      for (ByteBuffer b : ring) {
        if (b != null) {
          release(b);
        }
      }
    }
  }

  private static void join(CompletableFuture<Void> f) throws IOException {
    try {
      f.join();
    } catch (CompletionException e) {
      throw new IOException("hashing failed", e.getCause());
    }
  }

  private static void check(MessageDigest md, String expected) {
    if (!HexFormat.of().formatHex(md.digest()).equals(expected)) {
      throw S3Exception.internal(
          "Stored object failed its integrity check (SHA-256 mismatch); not served");
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    int start = buf.position();
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos + buf.position() - start);
      if (n < 0) {
        throw S3Exception.internal("Stored object is shorter than recorded");
      }
    }
    buf.flip();
  }

  private ByteBuffer take() {
    ByteBuffer b = pool.poll();
    return b != null ? b : ByteBuffer.allocateDirect(CHUNK);
  }

  private void release(ByteBuffer b) {
    pool.offer(b);
  }
}
