package vn.tangthu.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.Bucket;
import io.minio.messages.Item;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Protocol details of our node beyond what the SDK contract suite can express. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageNodeProtocolTest {
  private NodeFixture fx;
  private RawS3 raw;
  private MinioClient alice;

  @BeforeAll
  void start() throws Exception {
    fx = new NodeFixture();
    raw = fx.raw(NodeFixture.ALICE);
    alice = fx.client(NodeFixture.ALICE);
    alice.makeBucket(MakeBucketArgs.builder().bucket("proto").build());
  }

  @AfterAll
  void stop() throws Exception {
    fx.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void dotSegmentsAndEmptySegmentsAreLiteralKeysThatStayInsideTheDataDir() throws Exception {
    List<String> paths =
        List.of(
            "/proto/..",
            "/proto/../x",
            "/proto/a/../b",
            "/proto/./x",
            "/proto/d//s",
            "/proto/t/",
            "/proto/%25/%3F");
    for (String p : paths) {
      assertThat(raw.send("PUT", p, null, Map.of(), bytes(p), null).statusCode())
          .as(p)
          .isEqualTo(200);
    }
    for (String p : paths) {
      HttpResponse<byte[]> r = raw.send("GET", p, null, Map.of(), null, RawS3.EMPTY_SHA);
      assertThat(r.statusCode()).as(p).isEqualTo(200);
      assertThat(RawS3.body(r)).isEqualTo(p);
    }
    List<String> listed = new ArrayList<>();
    for (Result<Item> r :
        alice.listObjects(
            ListObjectsArgs.builder().bucket("proto").prefix("").recursive(true).build())) {
      listed.add(r.get().objectName());
    }
    // Jetty refuses (400) a request path whose dot segments climb above "/": the safe direction
    assertThat(
            raw.send("PUT", "/proto/../../escape", null, Map.of(), bytes("x"), null).statusCode())
        .isEqualTo(400);
    assertThat(listed).contains("..", "../x", "a/../b", "./x", "d//s", "t/", "%/?");
    // (no walk of the shared parent folder: other tests' temporary folders come and go in it)
    assertThat(fx.dir.getParent().resolve("escape")).doesNotExist();
    assertThat(fx.dir.getParent().getParent().resolve("escape")).doesNotExist();
    try (Stream<Path> s = Files.walk(fx.dir)) {
      assertThat(s.allMatch(p -> p.normalize().startsWith(fx.dir))).isTrue();
    }
  }

  @Test
  void signedChunkedUploadIsStoredAndEveryChunkSignatureIsChecked() throws Exception {
    byte[] data = new byte[200_000];
    new Random(7).nextBytes(data);
    Map<String, String> h =
        Map.of(
            "content-encoding",
            "aws-chunked",
            "x-amz-decoded-content-length",
            Integer.toString(data.length));
    RawS3.Signed s =
        raw.sign("PUT", "/proto/chunked", null, h, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
    HttpResponse<byte[]> ok =
        raw.send(
            "PUT", "/proto/chunked", null, s.headers(), RawS3.signedChunks(data, 65536, s, -1));
    assertThat(ok.statusCode()).as(RawS3.body(ok)).isEqualTo(200);
    assertThat(raw.send("GET", "/proto/chunked", null, Map.of(), null, RawS3.EMPTY_SHA).body())
        .isEqualTo(data);

    for (int tampered : new int[] {0, 2, 4}) {
      RawS3.Signed s2 =
          raw.sign("PUT", "/proto/forged", null, h, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
      HttpResponse<byte[]> bad =
          raw.send(
              "PUT",
              "/proto/forged",
              null,
              s2.headers(),
              RawS3.signedChunks(data, 65536, s2, tampered));
      assertThat(bad.statusCode()).as("chunk " + tampered).isEqualTo(403);
      assertThat(RawS3.body(bad)).contains("<Code>SignatureDoesNotMatch</Code>");
    }
    assertThat(
            raw.send("HEAD", "/proto/forged", null, Map.of(), null, RawS3.EMPTY_SHA).statusCode())
        .isEqualTo(404);
  }

  @Test
  void unsignedPayloadWithTrailerChecksumIsVerified() throws Exception {
    byte[] data = bytes("trailer checked ".repeat(5000));
    CRC32 crc = new CRC32();
    crc.update(data);
    String good =
        Base64.getEncoder()
            .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    Map<String, String> h =
        Map.of(
            "content-encoding",
            "aws-chunked",
            "x-amz-decoded-content-length",
            Integer.toString(data.length),
            "x-amz-trailer",
            "x-amz-checksum-crc32",
            "x-amz-sdk-checksum-algorithm",
            "CRC32");
    RawS3.Signed s =
        raw.sign("PUT", "/proto/trailer", null, h, "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
    HttpResponse<byte[]> ok =
        raw.send(
            "PUT",
            "/proto/trailer",
            null,
            s.headers(),
            RawS3.unsignedChunksWithTrailer(data, 8192, "x-amz-checksum-crc32", good));
    assertThat(ok.statusCode()).as(RawS3.body(ok)).isEqualTo(200);
    assertThat(ok.headers().firstValue("x-amz-checksum-crc32")).hasValue(good);
    HttpResponse<byte[]> got =
        raw.send(
            "GET",
            "/proto/trailer",
            null,
            Map.of("x-amz-checksum-mode", "ENABLED"),
            null,
            RawS3.EMPTY_SHA);
    assertThat(got.body()).isEqualTo(data);
    assertThat(got.headers().firstValue("x-amz-checksum-crc32")).hasValue(good);

    RawS3.Signed s2 =
        raw.sign("PUT", "/proto/trailer-bad", null, h, "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
    HttpResponse<byte[]> bad =
        raw.send(
            "PUT",
            "/proto/trailer-bad",
            null,
            s2.headers(),
            RawS3.unsignedChunksWithTrailer(data, 8192, "x-amz-checksum-crc32", "AAAAAA=="));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(RawS3.body(bad)).contains("<Code>BadDigest</Code>");
  }

  @Test
  void payloadThatDoesNotMatchItsSignedHashIsRefused() throws Exception {
    HttpResponse<byte[]> r =
        raw.send(
            "PUT",
            "/proto/sha",
            null,
            Map.of(),
            bytes("actual"),
            RawS3.sha256Hex(bytes("claimed")));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(RawS3.body(r)).contains("XAmzContentSHA256Mismatch");
    assertThat(raw.send("HEAD", "/proto/sha", null, Map.of(), null, RawS3.EMPTY_SHA).statusCode())
        .isEqualTo(404);
  }

  @Test
  void contentMd5AndChecksumHeadersAreVerified() throws Exception {
    byte[] data = bytes("integrity");
    HttpResponse<byte[]> badMd5 =
        raw.send(
            "PUT",
            "/proto/md5",
            null,
            Map.of("content-md5", "1B2M2Y8AsgTpgAmY7PhCfg=="),
            data,
            null);
    assertThat(badMd5.statusCode()).isEqualTo(400);
    assertThat(RawS3.body(badMd5)).contains("<Code>BadDigest</Code>");
    String md5 =
        Base64.getEncoder()
            .encodeToString(java.security.MessageDigest.getInstance("MD5").digest(data));
    assertThat(
            raw.send("PUT", "/proto/md5", null, Map.of("content-md5", md5), data, null)
                .statusCode())
        .isEqualTo(200);

    String sha =
        Base64.getEncoder()
            .encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    HttpResponse<byte[]> badSha =
        raw.send(
            "PUT",
            "/proto/sum",
            null,
            Map.of("x-amz-checksum-sha256", Base64.getEncoder().encodeToString(new byte[32])),
            data,
            null);
    assertThat(RawS3.body(badSha)).contains("<Code>BadDigest</Code>");
    assertThat(
            raw.send("PUT", "/proto/sum", null, Map.of("x-amz-checksum-sha256", sha), data, null)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<byte[]> got =
        raw.send(
            "HEAD",
            "/proto/sum",
            null,
            Map.of("x-amz-checksum-mode", "ENABLED"),
            null,
            RawS3.EMPTY_SHA);
    assertThat(got.headers().firstValue("x-amz-checksum-sha256")).hasValue(sha);
  }

  @Test
  void skewedClockIsRefused() throws Exception {
    raw.now = Instant.now().minusSeconds(20 * 60);
    try {
      HttpResponse<byte[]> r = raw.send("GET", "/", null, Map.of(), null, RawS3.EMPTY_SHA);
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(RawS3.body(r)).contains("<Code>RequestTimeTooSkewed</Code>");
    } finally {
      raw.now = null;
    }
  }

  @Test
  void expiredPresignedUrlIsRefused() throws Exception {
    raw.send("PUT", "/proto/presigned", null, Map.of(), bytes("x"), null);
    String url =
        alice.getPresignedObjectUrl(
            GetPresignedObjectUrlArgs.builder()
                .method(Method.GET)
                .bucket("proto")
                .object("presigned")
                .expiry(1)
                .build());
    Thread.sleep(2100);
    HttpResponse<String> r =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("<Code>AccessDenied</Code>").contains("expired");
  }

  @Test
  void accessKeysOwnTheirBuckets() throws Exception {
    MinioClient bob = fx.client(NodeFixture.BOB);
    bob.makeBucket(MakeBucketArgs.builder().bucket("bobs").build());
    assertThat(bob.listBuckets().stream().map(Bucket::name))
        .contains("bobs")
        .doesNotContain("proto");
    assertThat(alice.listBuckets().stream().map(Bucket::name))
        .contains("proto")
        .doesNotContain("bobs");
    assertThatThrownBy(
            () -> bob.statObject(StatObjectArgs.builder().bucket("proto").object("x").build()))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.errorResponse().code()).isEqualTo("AccessDenied"));
    assertThatThrownBy(() -> alice.makeBucket(MakeBucketArgs.builder().bucket("bobs").build()))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            e -> assertThat(e.errorResponse().code()).isEqualTo("BucketAlreadyExists"));
  }

  @Test
  void healthAndMetricsAnswerWithoutAuthentication() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> h =
        http.send(
            HttpRequest.newBuilder(fx.node.endpoint().resolve("/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(h.statusCode()).isEqualTo(200);
    raw.send("GET", "/proto/none", null, Map.of(), null, RawS3.EMPTY_SHA);
    HttpResponse<String> m =
        http.send(
            HttpRequest.newBuilder(fx.node.endpoint().resolve("/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(m.statusCode()).isEqualTo(200);
    assertThat(m.body())
        .contains("storage_requests_total{operation=\"CreateBucket\"}")
        .contains("storage_errors_total{code=\"NoSuchKey\"}")
        .contains("storage_received_bytes_total")
        .contains("storage_sent_bytes_total");
    HttpResponse<String> anon =
        http.send(
            HttpRequest.newBuilder(fx.node.endpoint().resolve("/proto")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anon.statusCode()).isEqualTo(403);
  }

  @Test
  void errorsAreS3XmlWithCodeMessageResourceAndRequestId() throws Exception {
    HttpResponse<byte[]> r =
        raw.send("GET", "/proto/missing%20key", null, Map.of(), null, RawS3.EMPTY_SHA);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/xml");
    assertThat(RawS3.body(r))
        .matches(
            "(?s)<\\?xml.*<Error><Code>NoSuchKey</Code><Message>[^<]+</Message><Resource>/proto/missing%20key</Resource><RequestId>[0-9A-F]+</RequestId></Error>");
  }

  @Test
  void conditionalReadsAndWrites() throws Exception {
    raw.send("PUT", "/proto/cond", null, Map.of(), bytes("v1"), null);
    HttpResponse<byte[]> head =
        raw.send("HEAD", "/proto/cond", null, Map.of(), null, RawS3.EMPTY_SHA);
    String etag = head.headers().firstValue("etag").orElseThrow();
    String lastModified = head.headers().firstValue("last-modified").orElseThrow();
    assertThat(
            raw.send(
                    "GET",
                    "/proto/cond",
                    null,
                    Map.of("if-none-match", etag),
                    null,
                    RawS3.EMPTY_SHA)
                .statusCode())
        .isEqualTo(304);
    assertThat(
            raw.send(
                    "GET",
                    "/proto/cond",
                    null,
                    Map.of("if-match", "\"nope\""),
                    null,
                    RawS3.EMPTY_SHA)
                .statusCode())
        .isEqualTo(412);
    assertThat(
            raw.send("GET", "/proto/cond", null, Map.of("if-match", etag), null, RawS3.EMPTY_SHA)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            raw.send(
                    "GET",
                    "/proto/cond",
                    null,
                    Map.of("if-modified-since", lastModified),
                    null,
                    RawS3.EMPTY_SHA)
                .statusCode())
        .isEqualTo(304);
    assertThat(
            raw.send(
                    "GET",
                    "/proto/cond",
                    null,
                    Map.of("if-unmodified-since", "Mon, 01 Jan 2001 00:00:00 GMT"),
                    null,
                    RawS3.EMPTY_SHA)
                .statusCode())
        .isEqualTo(412);
    assertThat(
            raw.send("PUT", "/proto/cond", null, Map.of("if-none-match", "*"), bytes("v2"), null)
                .statusCode())
        .isEqualTo(412);
    assertThat(
            raw.send("PUT", "/proto/cond", null, Map.of("if-match", "\"nope\""), bytes("v2"), null)
                .statusCode())
        .isEqualTo(412);
    assertThat(
            raw.send("PUT", "/proto/cond", null, Map.of("if-match", etag), bytes("v2"), null)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            raw.send("PUT", "/proto/cond-new", null, Map.of("if-none-match", "*"), bytes("v"), null)
                .statusCode())
        .isEqualTo(200);
    assertThat(RawS3.body(raw.send("GET", "/proto/cond", null, Map.of(), null, RawS3.EMPTY_SHA)))
        .isEqualTo("v2");
  }

  @Test
  void listObjectsV1AndV2AnswerWithUrlEncoding() throws Exception {
    raw.send("PUT", "/proto/enc/a%20b%2Bc", null, Map.of(), bytes("x"), null);
    HttpResponse<byte[]> r =
        raw.send(
            "GET",
            "/proto",
            "encoding-type=url&list-type=2&prefix=enc%2F",
            Map.of(),
            null,
            RawS3.EMPTY_SHA);
    assertThat(RawS3.body(r))
        .contains("<Key>enc/a%20b%2Bc</Key>")
        .contains("<EncodingType>url</EncodingType>");
    HttpResponse<byte[]> v1 =
        raw.send("GET", "/proto", "delimiter=%2F&prefix=enc", Map.of(), null, RawS3.EMPTY_SHA);
    assertThat(RawS3.body(v1)).contains("<CommonPrefixes><Prefix>enc/</Prefix></CommonPrefixes>");
  }
}
