package vn.tangthu.archive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.codahale.metrics.health.HealthCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Downloads of an original whose stored bytes were damaged (one byte flipped in the storage node's
 * file of the object version) when no good copy exists: up to 64 MiB the download answers 502
 * {@code CONTENT_CORRUPT} before sending a byte; beyond, the response starts and is aborted, never
 * completed; either way the {@code content} health check turns red, and back to green once the
 * bytes are restored and read again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorruptContentIT {

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private String admin;

  @BeforeAll
  void start() throws Exception {
    archive = RunningArchive.start(dataDir);
    admin = archive.adminToken();
    HttpResponse<String> r =
        archive.postJson("agencies", admin, "{\"code\":\"BN\",\"name\":\"UBND tỉnh Bắc Ninh\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  @Test
  void aCorruptOriginalUpTo64MiBAnswers502BeforeAnyByteAndTheHealthCheckTurnsRed()
      throws Exception {
    byte[] bytes = randomBytes(100_000, 1);
    String id = ingest(bytes, "van-ban.bin");
    assertThat(downloadAll(id)).isEqualTo(bytes);
    assertThat(content().isHealthy()).isTrue();

    Path stored = storedFile(bytes);
    flip(stored, 54_321);
    HttpResponse<InputStream> r = archive.download("records/" + id + "/content", admin);
    String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(r.statusCode()).as(body).isEqualTo(502);
    assertThat(RunningArchive.JSON.readTree(body).get("code").asText())
        .isEqualTo("CONTENT_CORRUPT");
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    HealthCheck.Result red = content();
    assertThat(red.isHealthy()).isFalse();
    assertThat(red.getMessage()).contains(id);

    flip(stored, 54_321); // restored from elsewhere by an operator
    assertThat(downloadAll(id)).isEqualTo(bytes);
    assertThat(content().isHealthy()).as("green once it reads well again").isTrue();
  }

  @Test
  void aLargerCorruptOriginalHasItsDownloadAbortedNeverCompleted() throws Exception {
    int size = 64 * 1024 * 1024 + 300_001;
    byte[] bytes = randomBytes(size, 2);
    String id = ingest(bytes, "ban-ve.bin");
    Path stored = storedFile(bytes);
    flip(stored, size / 2);

    HttpResponse<InputStream> r = archive.download("records/" + id + "/content", admin);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(size);
    long received = 0;
    try (InputStream in = r.body()) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        received += n;
      }
      fail("the corrupt download completed normally after " + received + " bytes");
    } catch (IOException expected) {
      assertThat(received).as("bytes received before the abort").isLessThan(size);
    }
    HealthCheck.Result red = content();
    assertThat(red.isHealthy()).isFalse();
    assertThat(red.getMessage()).contains(id);

    flip(stored, size / 2);
    assertThat(downloadAll(id)).isEqualTo(bytes);
    // a large original is cleared once its last byte is sent and checked, after the client may
    // already hold every byte
    assertThat(greenWithin(java.time.Duration.ofSeconds(30))).isTrue();
  }

  private boolean greenWithin(java.time.Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!content().isHealthy()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  private HealthCheck.Result content() {
    return archive.environment().healthChecks().runHealthCheck("content");
  }

  private String ingest(byte[] bytes, String fileName) throws Exception {
    Multipart body =
        new Multipart()
            .json(
                "metadata",
                "{\"agencyCode\":\"BN\",\"subject\":\"Bản gốc bị hỏng\",\"typeName\":\"Quyết"
                    + " định\",\"accessLevel\":\"INTERNAL\"}")
            .bytes("file", bytes, fileName);
    HttpResponse<String> r = archive.upload("records", admin, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningArchive.json(r).get("id").asText();
  }

  private byte[] downloadAll(String id) throws Exception {
    HttpResponse<InputStream> r = archive.download("records/" + id + "/content", admin);
    try (InputStream in = r.body()) {
      byte[] out = in.readAllBytes();
      assertThat(r.statusCode()).as(new String(out, StandardCharsets.UTF_8)).isEqualTo(200);
      return out;
    }
  }

  /** The storage node's file holding exactly these bytes (one object version) in the bucket. */
  private Path storedFile(byte[] bytes) throws IOException {
    Path bucket =
        dataDir
            .resolve("objects")
            .resolve("buckets")
            .resolve(archive.configuration().getStorage().originalsBucket());
    List<Path> found;
    try (Stream<Path> files = Files.walk(bucket)) {
      found =
          files
              .filter(p -> p.getFileName().toString().endsWith(".bin"))
              .filter(p -> sizeIs(p, bytes.length))
              .filter(p -> sameBytes(p, bytes))
              .toList();
    }
    assertThat(found).as("the stored object version: " + found).hasSize(1);
    return found.get(0);
  }

  private static boolean sizeIs(Path p, long size) {
    try {
      return Files.size(p) == size;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean sameBytes(Path p, byte[] bytes) {
    try {
      return Arrays.equals(Files.readAllBytes(p), bytes);
    } catch (IOException e) {
      return false;
    }
  }

  private static void flip(Path file, long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0x01);
    }
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }
}
