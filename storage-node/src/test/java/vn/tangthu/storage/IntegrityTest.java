package vn.tangthu.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.tangthu.storage.internal.store.Scrubber;

/** A flipped byte in a stored file is never served as the object and is reported by the scrub. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrityTest {
  private NodeFixture fx;
  private MinioClient client;

  @BeforeAll
  void start() throws Exception {
    fx = new NodeFixture();
    client = fx.client(NodeFixture.ALICE);
    client.makeBucket(MakeBucketArgs.builder().bucket("integrity").build());
  }

  @AfterAll
  void stop() throws Exception {
    fx.close();
  }

  private void put(String key, byte[] data) throws Exception {
    client.putObject(
        PutObjectArgs.builder().bucket("integrity").object(key).stream(
                new ByteArrayInputStream(data), data.length, -1)
            .build());
  }

  /** The data file of a key, found through its sidecar (as an operator would). */
  private Path dataFile(String key) throws Exception {
    try (Stream<Path> s = Files.walk(fx.dir.resolve("buckets/integrity/objects"))) {
      for (Path meta : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".meta"))::iterator) {
        var props = new java.util.Properties();
        props.load(Files.newBufferedReader(meta, StandardCharsets.UTF_8));
        if (key.equals(props.getProperty("key"))) {
          return meta.resolveSibling(props.getProperty("dataFile"));
        }
      }
    }
    throw new AssertionError("no sidecar for " + key);
  }

  private static void flipByte(Path file, long offset) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0x01);
    }
  }

  private byte[] get(String key) throws Exception {
    try (InputStream in =
        client.getObject(GetObjectArgs.builder().bucket("integrity").object(key).build())) {
      return in.readAllBytes();
    }
  }

  @Test
  void sidecarRecordsKeySizeAndSha256InPlainText() throws Exception {
    byte[] data = "readable without the node".getBytes(StandardCharsets.UTF_8);
    put("plain/sidecar.txt", data);
    Path file = dataFile("plain/sidecar.txt");
    assertThat(Files.readAllBytes(file)).isEqualTo(data);
    String sidecar = Files.readString(file.resolveSibling("null.meta"));
    assertThat(sidecar)
        .contains("key=plain/sidecar.txt")
        .contains("size=" + data.length)
        .contains("sha256=" + RawS3.sha256Hex(data));
  }

  @Test
  void flippedByteInSmallObjectIsAnErrorNotWrongBytes() throws Exception {
    byte[] data = new byte[4096];
    new Random(1).nextBytes(data);
    put("small", data);
    flipByte(dataFile("small"), 100);
    assertThatThrownBy(() -> get("small"))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.errorResponse().code()).isEqualTo("InternalError"));
  }

  @Test
  void flippedByteInLargeObjectAbortsTheResponseBeforeItCompletes() throws Exception {
    byte[] data = new byte[3 * 1024 * 1024];
    new Random(2).nextBytes(data);
    put("large", data);
    flipByte(dataFile("large"), 2 * 1024 * 1024 + 17);
    byte[] received = null;
    try {
      received = get("large");
    } catch (Exception expected) {
      // the connection is aborted before the last bytes
    }
    assertThat(received).as("corrupt object must not be delivered complete").isNull();
    // a range read of intact bytes still works
    try (InputStream in =
        client.getObject(
            GetObjectArgs.builder()
                .bucket("integrity")
                .object("large")
                .offset(0L)
                .length(1000L)
                .build())) {
      assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOf(data, 1000));
    }
  }

  @Test
  void scrubReportsCorruptObjectsAndMainExitsNonZero() throws Exception {
    put("scrub/ok", "fine".getBytes(StandardCharsets.UTF_8));
    put("scrub/bad", "will rot".getBytes(StandardCharsets.UTF_8));
    flipByte(dataFile("scrub/bad"), 0);
    Scrubber.Report report = new Scrubber(fx.dir).scrub(line -> {});
    assertThat(report.corrupt()).anyMatch(s -> s.startsWith("integrity/scrub/bad "));
    assertThat(report.corrupt()).noneMatch(s -> s.startsWith("integrity/scrub/ok "));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        StorageNodeMain.run(
            new String[] {"scrub", fx.dir.toString()},
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertThat(status).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("CORRUPT integrity/scrub/bad");
  }

  @Test
  void mainRefusesToStartWithoutCredentials() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        StorageNodeMain.run(
            new String[0],
            Map.of("STORAGE_DATA_DIR", fx.dir.toString()),
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("STORAGE_ACCESS_KEY")
        .contains("STORAGE_SECRET_KEY");
  }
}
