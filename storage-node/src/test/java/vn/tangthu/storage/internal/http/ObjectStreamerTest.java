package vn.tangthu.storage.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tangthu.storage.internal.s3.S3Exception;

class ObjectStreamerTest {
  private static final int SIZE = 5 * ObjectStreamer.CHUNK + 12_345;

  @TempDir Path dir;
  private final ExecutorService hashers = Executors.newFixedThreadPool(2);
  private final ObjectStreamer streamer = new ObjectStreamer(hashers);

  @AfterEach
  void stop() {
    hashers.shutdownNow();
  }

  /** Collects what a response would carry and whether it ended normally. */
  private static final class Recorder implements ObjectStreamer.Sink {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int lastWrites;
    boolean writeAfterLast;

    @Override
    public void write(ByteBuffer buf, boolean last) {
      if (lastWrites > 0) {
        writeAfterLast = true;
      }
      byte[] b = new byte[buf.remaining()];
      buf.get(b);
      bytes.write(b, 0, b.length);
      if (last) {
        lastWrites++;
      }
    }
  }

  private static byte[] data(int size, long seed) {
    byte[] d = new byte[size];
    new Random(seed).nextBytes(d);
    return d;
  }

  private static String sha256(byte[] d) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(d));
  }

  private Path file(byte[] d) throws Exception {
    Path f = dir.resolve("object.bin");
    Files.write(f, d);
    return f;
  }

  private Recorder send(Path f, long offset, long length, String sha) throws Exception {
    Recorder r = new Recorder();
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      streamer.send(ch, offset, length, sha, r);
    }
    return r;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4096, ObjectStreamer.CHUNK, ObjectStreamer.CHUNK + 1, SIZE})
  void intactObjectIsSentWholeAndEndsOnce(int size) throws Exception {
    byte[] d = data(size, size);
    Recorder r = send(file(d), 0, size, sha256(d));
    assertThat(r.bytes.toByteArray()).isEqualTo(d);
    assertThat(r.lastWrites).isEqualTo(1);
    assertThat(r.writeAfterLast).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 100_000, 3 * ObjectStreamer.CHUNK + 7, SIZE - 1})
  void flippedByteFailsTheResponseBeforeItCompletes(int offset) throws Exception {
    byte[] d = data(SIZE, 7);
    String sha = sha256(d);
    d[offset] ^= 0x01;
    Path f = file(d);
    Recorder r = new Recorder();
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      assertThatThrownBy(() -> streamer.send(ch, 0, SIZE, sha, r))
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.code()).isEqualTo("InternalError"));
    }
    assertThat(r.lastWrites).as("the response never ends normally").isZero();
    assertThat(r.bytes.size()).as("the last chunk is held back").isLessThan(SIZE);
  }

  @Test
  void flippedByteInOneChunkObjectSendsNothing() throws Exception {
    byte[] d = data(4096, 3);
    String sha = sha256(d);
    d[4095] ^= 0x40;
    Path f = file(d);
    Recorder r = new Recorder();
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      assertThatThrownBy(() -> streamer.send(ch, 0, d.length, sha, r))
          .isInstanceOf(S3Exception.class);
    }
    assertThat(r.bytes.size()).isZero();
  }

  @Test
  void truncatedFileIsAnError() throws Exception {
    byte[] d = data(SIZE, 5);
    String sha = sha256(d);
    Path f = file(java.util.Arrays.copyOf(d, SIZE - 10));
    Recorder r = new Recorder();
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      assertThatThrownBy(() -> streamer.send(ch, 0, SIZE, sha, r)).isInstanceOf(S3Exception.class);
    }
    assertThat(r.lastWrites).isZero();
  }

  @Test
  void rangeIsSentWithoutVerifying() throws Exception {
    byte[] d = data(SIZE, 9);
    long from = ObjectStreamer.CHUNK - 5;
    int length = 2 * ObjectStreamer.CHUNK + 10;
    Recorder r = send(file(d), from, length, null);
    assertThat(r.bytes.toByteArray())
        .isEqualTo(java.util.Arrays.copyOfRange(d, (int) from, (int) from + length));
    assertThat(r.lastWrites).isEqualTo(1);
  }

  @Test
  void failingSinkLeavesTheStreamerUsable() throws Exception {
    byte[] d = data(SIZE, 11);
    String sha = sha256(d);
    Path f = file(d);
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      assertThatThrownBy(
              () ->
                  streamer.send(
                      ch,
                      0,
                      SIZE,
                      sha,
                      (buf, last) -> {
                        throw new java.io.IOException("client went away");
                      }))
          .hasMessageContaining("client went away");
    }
    assertThat(send(f, 0, SIZE, sha).bytes.toByteArray()).isEqualTo(d);
  }
}
