package vn.tangthu.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.ComposeObjectArgs;
import io.minio.ComposeSource;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** UploadPartCopy through the MinIO SDK's composeObject, and the abandoned-upload sweep. */
class MultipartLifecycleTest {
  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static void put(MinioClient c, String bucket, String key, byte[] data) throws Exception {
    c.putObject(
        PutObjectArgs.builder().bucket(bucket).object(key).stream(
                new ByteArrayInputStream(data), data.length, -1)
            .build());
  }

  private static byte[] get(MinioClient c, String bucket, String key) throws Exception {
    try (InputStream in = c.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
      return in.readAllBytes();
    }
  }

  @Test
  void composeObjectCopiesWholeObjectsAndRangesServerSide() throws Exception {
    try (NodeFixture fx = new NodeFixture()) {
      MinioClient c = fx.client(NodeFixture.ALICE);
      c.makeBucket(MakeBucketArgs.builder().bucket("compose").build());
      byte[] big = random(6 * 1024 * 1024, 1);
      byte[] small = random(1000, 2);
      put(c, "compose", "big", big);
      put(c, "compose", "small", small);
      c.composeObject(
          ComposeObjectArgs.builder()
              .bucket("compose")
              .object("joined")
              .sources(
                  List.of(
                      ComposeSource.builder().bucket("compose").object("big").build(),
                      ComposeSource.builder()
                          .bucket("compose")
                          .object("big")
                          .offset(1024L * 1024)
                          .length(5L * 1024 * 1024)
                          .build(),
                      ComposeSource.builder().bucket("compose").object("small").build()))
              .build());
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      expected.write(big);
      expected.write(big, 1024 * 1024, 5 * 1024 * 1024);
      expected.write(small);
      assertThat(get(c, "compose", "joined")).isEqualTo(expected.toByteArray());
    }
  }

  @Test
  void uploadPartCopyRefusesARangeBeyondTheSource() throws Exception {
    try (NodeFixture fx = new NodeFixture()) {
      MinioClient c = fx.client(NodeFixture.ALICE);
      c.makeBucket(MakeBucketArgs.builder().bucket("ranges").build());
      put(c, "ranges", "src", random(100, 3));
      RawS3 raw = fx.raw(NodeFixture.ALICE);
      String id =
          uploadId(raw.send("POST", "/ranges/dst", "uploads", Map.of(), null, RawS3.EMPTY_SHA));
      HttpResponse<byte[]> r =
          raw.send(
              "PUT",
              "/ranges/dst",
              "partNumber=1&uploadId=" + id,
              Map.of("x-amz-copy-source", "/ranges/src", "x-amz-copy-source-range", "bytes=50-100"),
              null,
              RawS3.EMPTY_SHA);
      assertThat(r.statusCode()).isEqualTo(416);
      assertThat(RawS3.body(r)).contains("<Code>InvalidRange</Code>");
      r =
          raw.send(
              "PUT",
              "/ranges/dst",
              "partNumber=1&uploadId=" + id,
              Map.of("x-amz-copy-source", "/ranges/src", "x-amz-copy-source-range", "50-60"),
              null,
              RawS3.EMPTY_SHA);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(RawS3.body(r)).contains("<Code>InvalidArgument</Code>");
    }
  }

  @Test
  void abandonedUploadsAreAbortedByTheBackgroundSweep() throws Exception {
    Path dir = Files.createTempDirectory("sweep");
    StorageNodeConfig config =
        new StorageNodeConfig(
            dir, "127.0.0.1", 0, List.of(NodeFixture.ALICE), null, Duration.ofSeconds(2));
    try (StorageNode node = StorageNode.start(config)) {
      RawS3 raw = new RawS3(node.endpoint(), "alice-key", "alice-secret-1");
      assertThat(raw.send("PUT", "/sweep", null, Map.of(), null, RawS3.EMPTY_SHA).statusCode())
          .isEqualTo(200);
      uploadId(raw.send("POST", "/sweep/left-behind", "uploads", Map.of(), null, RawS3.EMPTY_SHA));
      Path uploads = dir.resolve("buckets/sweep/uploads");
      assertThat(count(uploads)).isEqualTo(1);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (count(uploads) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(count(uploads)).isZero();
      HttpResponse<byte[]> list =
          raw.send("GET", "/sweep", "uploads", Map.of(), null, RawS3.EMPTY_SHA);
      assertThat(RawS3.body(list)).doesNotContain("<Upload>");
    }
  }

  private static long count(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  private static String uploadId(HttpResponse<byte[]> r) {
    String body = RawS3.body(r);
    assertThat(r.statusCode()).as(body).isEqualTo(200);
    return body.replaceAll("(?s).*<UploadId>([^<]+)</UploadId>.*", "$1");
  }
}
