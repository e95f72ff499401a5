package vn.tangthu.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.common.collect.HashMultimap;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetBucketVersioningArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.GetObjectResponse;
import io.minio.GetObjectRetentionArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.IsObjectLegalHoldEnabledArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.SetBucketVersioningArgs;
import io.minio.SetObjectLockConfigurationArgs;
import io.minio.SetObjectRetentionArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.Bucket;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import io.minio.messages.ObjectLockConfiguration;
import io.minio.messages.Retention;
import io.minio.messages.RetentionDurationDays;
import io.minio.messages.RetentionMode;
import io.minio.messages.VersioningConfiguration;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * S3 behaviour the archive relies on, through the MinIO Java SDK. Subclasses provide the server
 * (our node, S3Proxy); one server per test class, one fresh bucket per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class S3ContractSuite
    implements ContractContext, CleanupContract, ChecksumContract, BehaviourContract, CorsContract {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  protected MinioClient client;
  protected MinioAsyncClient asyncClient;
  protected software.amazon.awssdk.services.s3.S3Client aws;
  protected String bucket;

  /** The server under test; called once per class. */
  protected abstract S3Target target();

  private S3Target target;

  @Override
  public final S3Target server() {
    if (target == null) {
      target = target();
      client =
          MinioClient.builder()
              .endpoint(target.endpoint().toString())
              .credentials(target.accessKey(), target.secretKey())
              .build();
      asyncClient =
          MinioAsyncClient.builder()
              .endpoint(target.endpoint().toString())
              .credentials(target.accessKey(), target.secretKey())
              .build();
      aws = ContractContext.awsClient(target);
    }
    return target;
  }

  @Override
  public final MinioClient minio() {
    return client;
  }

  @Override
  public final software.amazon.awssdk.services.s3.S3Client aws() {
    return aws;
  }

  @Override
  public final String bucket() {
    return bucket;
  }

  @BeforeEach
  void freshBucket() throws Exception {
    server();
    bucket = "contract-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
  }

  protected static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  protected static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  protected static String md5(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
  }

  protected ObjectWriteResponse put(String key, byte[] data) throws Exception {
    return client.putObject(
        PutObjectArgs.builder().bucket(bucket).object(key).stream(
                new ByteArrayInputStream(data), data.length, -1)
            .build());
  }

  protected byte[] get(String key) throws Exception {
    try (InputStream in =
        client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
      return in.readAllBytes();
    }
  }

  protected static String code(Throwable t) {
    return t instanceof ErrorResponseException e ? e.errorResponse().code() : t.toString();
  }

  protected List<String> keys(ListObjectsArgs args) throws Exception {
    List<String> keys = new ArrayList<>();
    for (Result<Item> r : client.listObjects(args)) {
      keys.add(r.get().objectName());
    }
    return keys;
  }

  @Test
  void bucketLifecycle() throws Exception {
    assertThat(client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();
    assertThat(client.bucketExists(BucketExistsArgs.builder().bucket(bucket + "-none").build()))
        .isFalse();
    assertThat(client.listBuckets().stream().map(Bucket::name)).contains(bucket);
    String other = bucket + "-x";
    client.makeBucket(MakeBucketArgs.builder().bucket(other).build());
    assertThatThrownBy(() -> client.makeBucket(MakeBucketArgs.builder().bucket(other).build()))
        .satisfies(t -> assertThat(code(t)).isIn("BucketAlreadyOwnedByYou", "BucketAlreadyExists"));
    client.removeBucket(RemoveBucketArgs.builder().bucket(other).build());
    assertThat(client.bucketExists(BucketExistsArgs.builder().bucket(other).build())).isFalse();
  }

  @Test
  void deleteBucketRefusedWhenNotEmpty() throws Exception {
    put("a", new byte[] {1});
    assertThatThrownBy(() -> client.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("BucketNotEmpty"));
  }

  @Test
  void putGetRoundTripKeepsBytesTypeAndMetadata() throws Exception {
    byte[] data = random(100_000, 1);
    client.putObject(
        PutObjectArgs.builder().bucket(bucket).object("docs/a.pdf").stream(
                new ByteArrayInputStream(data), data.length, -1)
            .contentType("application/pdf")
            .userMetadata(Map.of("sha256", sha256(data), "title", "Quyet dinh"))
            .build());
    assertThat(get("docs/a.pdf")).isEqualTo(data);
    StatObjectResponse st =
        client.statObject(StatObjectArgs.builder().bucket(bucket).object("docs/a.pdf").build());
    assertThat(st.size()).isEqualTo(data.length);
    assertThat(st.etag()).isEqualTo(md5(data));
    assertThat(st.contentType()).isEqualTo("application/pdf");
    assertThat(st.userMetadata())
        .containsEntry("sha256", sha256(data))
        .containsEntry("title", "Quyet dinh");
  }

  @Test
  void emptyObject() throws Exception {
    put("empty", new byte[0]);
    assertThat(get("empty")).isEmpty();
  }

  @Test
  void missingObjectAndBucketAreNoSuchErrors() throws Exception {
    assertThatThrownBy(() -> get("nope"))
        .satisfies(t -> assertThat(code(t)).isEqualTo("NoSuchKey"));
    assertThatThrownBy(
            () ->
                client.getObject(
                    GetObjectArgs.builder().bucket(bucket + "-none").object("x").build()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("NoSuchBucket"));
  }

  @Test
  void rangeReads() throws Exception {
    byte[] data = random(10_000, 2);
    put("r", data);
    try (GetObjectResponse in =
        client.getObject(
            GetObjectArgs.builder().bucket(bucket).object("r").offset(100L).length(50L).build())) {
      assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 100, 150));
    }
    try (GetObjectResponse in =
        client.getObject(
            GetObjectArgs.builder().bucket(bucket).object("r").offset(9_990L).build())) {
      assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 9_990, 10_000));
    }
    assertThatThrownBy(
            () ->
                client
                    .getObject(
                        GetObjectArgs.builder().bucket(bucket).object("r").offset(20_000L).build())
                    .readAllBytes())
        .satisfies(t -> assertThat(code(t)).isEqualTo("InvalidRange"));
  }

  @Test
  void overwriteReplacesContent() throws Exception {
    put("k", "one".getBytes(StandardCharsets.UTF_8));
    put("k", "two".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(get("k"), StandardCharsets.UTF_8)).isEqualTo("two");
  }

  @Test
  void deleteRemovesObject() throws Exception {
    put("gone", new byte[] {1, 2});
    client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object("gone").build());
    assertThatThrownBy(() -> get("gone"))
        .satisfies(t -> assertThat(code(t)).isEqualTo("NoSuchKey"));
    client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object("gone").build());
  }

  @Test
  void listingIsOrderedWithPrefixDelimiterAndPaging() throws Exception {
    List<String> all = List.of("a/b", "a/c/d", "a-b", "a.b", "aa", "b/x/y", "c!", "z");
    for (String k : all) {
      put(k, k.getBytes(StandardCharsets.UTF_8));
    }
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(java.util.Comparator.naturalOrder());
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).recursive(true).build()))
        .isEqualTo(sorted);
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).recursive(true).maxKeys(2).build()))
        .isEqualTo(sorted);
    // the SDK yields a page's objects before its common prefixes
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).recursive(false).build()))
        .containsExactly("a-b", "a.b", "aa", "c!", "z", "a/", "b/");
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).recursive(false).maxKeys(1).build()))
        .containsExactly("a-b", "a.b", "a/", "aa", "b/", "c!", "z");
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).prefix("a/").recursive(false).build()))
        .containsExactly("a/b", "a/c/");
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).prefix("a/").recursive(true).build()))
        .containsExactly("a/b", "a/c/d");
    assertThat(
            keys(
                ListObjectsArgs.builder().bucket(bucket).startAfter("a/b").recursive(true).build()))
        .isEqualTo(sorted.subList(sorted.indexOf("a/b") + 1, sorted.size()));
    assertThat(
            keys(
                ListObjectsArgs.builder()
                    .bucket(bucket)
                    .recursive(true)
                    .useApiVersion1(true)
                    .maxKeys(3)
                    .build()))
        .isEqualTo(sorted);
  }

  @Test
  void keysThatArePrefixesOfOtherKeys() throws Exception {
    assumeFeature(S3Target.Feature.KEY_IS_ALSO_PREFIX);
    List<String> all = List.of("a", "a/", "a/b", "a/b/c", "a0", "b", "b/");
    for (String k : all) {
      put(k, k.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).recursive(true).build()))
        .isEqualTo(all);
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).recursive(false).maxKeys(1).build()))
        .containsExactly("a", "a/", "a0", "b", "b/");
    for (String k : all) {
      assertThat(get(k)).isEqualTo(k.getBytes(StandardCharsets.UTF_8));
    }
    client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object("a/b").build());
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).prefix("a/").recursive(true).build()))
        .containsExactly("a/", "a/b/c");
  }

  @Test
  void listingPagesThroughManyKeys() throws Exception {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String k = String.format("p/%03d/%s", i % 7, i);
      put(k, new byte[] {(byte) i});
      expected.add(k);
    }
    expected.sort(java.util.Comparator.naturalOrder());
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).recursive(true).maxKeys(17).build()))
        .isEqualTo(expected);
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).prefix("p/").maxKeys(3).build()))
        .hasSize(7);
  }

  @Test
  void awkwardKeysRoundTrip() throws Exception {
    List<String> awkward =
        List.of(
            "..x/..y",
            ".hidden",
            "%2F%",
            "100% sure",
            "sp ace/tab\tx",
            "Tàng Thư/văn bản.pdf",
            "emoji-😀",
            "q?x=1&y=2",
            "double/-/slash",
            "+plus+",
            "~tilde",
            "#hash",
            "x".repeat(300) + "/" + "ü".repeat(200),
            "long/" + "s".repeat(1000));
    for (String k : awkward) {
      put(k, k.getBytes(StandardCharsets.UTF_8));
    }
    for (String k : awkward) {
      assertThat(get(k)).as(k).isEqualTo(k.getBytes(StandardCharsets.UTF_8));
    }
    List<String> sorted = new ArrayList<>(awkward);
    sorted.sort(
        (x, y) ->
            java.util.Arrays.compareUnsigned(
                x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).recursive(true).build()))
        .isEqualTo(sorted);
  }

  @Test
  void multipartUploadOfUnknownLengthStream() throws Exception {
    byte[] data = random(12 * 1024 * 1024 + 12345, 3);
    ObjectWriteResponse w =
        client.putObject(
            PutObjectArgs.builder().bucket(bucket).object("big").stream(
                    new ByteArrayInputStream(data), -1, 5L * 1024 * 1024)
                .build());
    assertThat(sha256(get("big"))).isEqualTo(sha256(data));
    MessageDigest etag = MessageDigest.getInstance("MD5");
    for (int off = 0; off < data.length; off += 5 * 1024 * 1024) {
      etag.update(
          MessageDigest.getInstance("MD5")
              .digest(
                  java.util.Arrays.copyOfRange(
                      data, off, Math.min(data.length, off + 5 * 1024 * 1024))));
    }
    String expected = HexFormat.of().formatHex(etag.digest()) + "-3";
    assertThat(w.etag().replace("\"", "")).isEqualTo(expected);
    assertThat(
            client.statObject(StatObjectArgs.builder().bucket(bucket).object("big").build()).etag())
        .isEqualTo(expected);
  }

  @Test
  void multipartLowLevelListAndAbort() throws Exception {
    String id =
        asyncClient
            .createMultipartUploadAsync(bucket, null, "mp", HashMultimap.create(), null)
            .get()
            .result()
            .uploadId();
    byte[] part = random(1000, 4);
    asyncClient.uploadPartAsync(bucket, null, "mp", part, part.length, id, 1, null, null).get();
    var parts =
        asyncClient
            .listPartsAsync(bucket, null, "mp", 1000, 0, id, null, null)
            .get()
            .result()
            .partList();
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).etag().replace("\"", "")).isEqualTo(md5(part));
    var uploads =
        asyncClient
            .listMultipartUploadsAsync(bucket, null, null, null, null, 1000, null, null, null, null)
            .get()
            .result()
            .uploads();
    assertThat(uploads).extracting(u -> u.uploadId()).contains(id);
    asyncClient.abortMultipartUploadAsync(bucket, null, "mp", id, null, null).get();
    assumeFeature(S3Target.Feature.STRICT_UPLOAD_IDS);
    assertThatThrownBy(
            () -> asyncClient.listPartsAsync(bucket, null, "mp", 1000, 0, id, null, null).get())
        .satisfies(t -> assertThat(code(t.getCause())).isEqualTo("NoSuchUpload"));
  }

  @Test
  void multipartCompleteWithWrongEtagIsInvalidPart() throws Exception {
    String id =
        asyncClient
            .createMultipartUploadAsync(bucket, null, "bad", HashMultimap.create(), null)
            .get()
            .result()
            .uploadId();
    byte[] part = random(1000, 5);
    asyncClient.uploadPartAsync(bucket, null, "bad", part, part.length, id, 1, null, null).get();
    io.minio.messages.Part[] parts = {new io.minio.messages.Part(1, "\"" + "0".repeat(32) + "\"")};
    assertThatThrownBy(
            () ->
                asyncClient
                    .completeMultipartUploadAsync(bucket, null, "bad", id, parts, null, null)
                    .get())
        .satisfies(t -> assertThat(code(t.getCause())).isEqualTo("InvalidPart"));
  }

  @Test
  void copyObjectKeepsBytesAndMetadata() throws Exception {
    byte[] data = random(5000, 6);
    client.putObject(
        PutObjectArgs.builder().bucket(bucket).object("src").stream(
                new ByteArrayInputStream(data), data.length, -1)
            .contentType("text/plain")
            .userMetadata(Map.of("origin", "x"))
            .build());
    client.copyObject(
        CopyObjectArgs.builder()
            .bucket(bucket)
            .object("dst")
            .source(CopySource.builder().bucket(bucket).object("src").build())
            .build());
    assertThat(get("dst")).isEqualTo(data);
    StatObjectResponse st =
        client.statObject(StatObjectArgs.builder().bucket(bucket).object("dst").build());
    assertThat(st.contentType()).isEqualTo("text/plain");
    assertThat(st.userMetadata()).containsEntry("origin", "x");
  }

  @Test
  void multiDeleteRemovesEveryKey() throws Exception {
    for (int i = 0; i < 5; i++) {
      put("m/" + i, new byte[] {(byte) i});
    }
    List<DeleteObject> del = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      del.add(new DeleteObject("m/" + i));
    }
    for (Result<DeleteError> r :
        client.removeObjects(RemoveObjectsArgs.builder().bucket(bucket).objects(del).build())) {
      throw new AssertionError("delete error " + r.get().code());
    }
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())).isEmpty();
  }

  @Test
  void presignedGetWorksAndWrongSignatureFails() throws Exception {
    put("pre", "hello".getBytes(StandardCharsets.UTF_8));
    String url =
        client.getPresignedObjectUrl(
            GetPresignedObjectUrlArgs.builder()
                .method(Method.GET)
                .bucket(bucket)
                .object("pre")
                .expiry(60)
                .build());
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("hello");
    char last = url.charAt(url.indexOf("X-Amz-Signature=") + 16 + 63);
    String tampered =
        url.replace("X-Amz-Signature=", "X-Amz-Signature=")
                .substring(0, url.indexOf("X-Amz-Signature=") + 16 + 63)
            + (last == '0' ? '1' : '0')
            + url.substring(url.indexOf("X-Amz-Signature=") + 16 + 64);
    HttpResponse<String> bad =
        http.send(
            HttpRequest.newBuilder(URI.create(tampered)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(403);
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatch() throws Exception {
    MinioClient wrong =
        MinioClient.builder()
            .endpoint(server().endpoint().toString())
            .credentials(server().accessKey(), server().secretKey() + "x")
            .region("us-east-1")
            .build();
    assertThatThrownBy(
            () -> wrong.statObject(StatObjectArgs.builder().bucket(bucket).object("x").build()))
        .satisfies(t -> assertThat(code(t)).isIn("SignatureDoesNotMatch", "AccessDenied"));
    assertThatThrownBy(() -> wrong.listBuckets())
        .satisfies(t -> assertThat(code(t)).isEqualTo("SignatureDoesNotMatch"));
  }

  @Test
  void unknownAccessKeyIsRefused() throws Exception {
    MinioClient wrong =
        MinioClient.builder()
            .endpoint(server().endpoint().toString())
            .credentials("nobody-here", "whatever-secret")
            .region("us-east-1")
            .build();
    assertThatThrownBy(() -> wrong.listBuckets())
        .satisfies(t -> assertThat(code(t)).isEqualTo("InvalidAccessKeyId"));
  }

  protected String lockedBucket() throws Exception {
    String b = bucket + "-lock";
    client.makeBucket(MakeBucketArgs.builder().bucket(b).objectLock(true).build());
    return b;
  }

  protected ObjectWriteResponse put(String b, String key, byte[] data) throws Exception {
    return client.putObject(
        PutObjectArgs.builder().bucket(b).object(key).stream(
                new ByteArrayInputStream(data), data.length, -1)
            .build());
  }

  @Test
  void versioningKeepsOldVersionsAndDeleteMarkers() throws Exception {
    assumeLockAndVersioning();
    client.setBucketVersioning(
        SetBucketVersioningArgs.builder()
            .bucket(bucket)
            .config(new VersioningConfiguration(VersioningConfiguration.Status.ENABLED, null))
            .build());
    assertThat(
            client
                .getBucketVersioning(GetBucketVersioningArgs.builder().bucket(bucket).build())
                .status())
        .isEqualTo(VersioningConfiguration.Status.ENABLED);
    String v1 = put("doc", "one".getBytes(StandardCharsets.UTF_8)).versionId();
    String v2 = put("doc", "two".getBytes(StandardCharsets.UTF_8)).versionId();
    assertThat(v1).isNotNull().isNotEqualTo(v2);
    client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object("doc").build());
    assertThatThrownBy(() -> get("doc")).satisfies(t -> assertThat(code(t)).isEqualTo("NoSuchKey"));
    try (InputStream in =
        client.getObject(
            GetObjectArgs.builder().bucket(bucket).object("doc").versionId(v1).build())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("one");
    }
    List<Item> versions = new ArrayList<>();
    for (Result<Item> r :
        client.listObjects(
            ListObjectsArgs.builder().bucket(bucket).includeVersions(true).build())) {
      versions.add(r.get());
    }
    assertThat(versions).hasSize(3);
    // the SDK yields a page's versions before its delete markers
    Item marker = versions.stream().filter(Item::isDeleteMarker).findFirst().orElseThrow();
    assertThat(marker.isLatest()).isTrue();
    assertThat(versions)
        .filteredOn(i -> !i.isDeleteMarker())
        .extracting(Item::versionId)
        .containsExactly(v2, v1);
    assertThat(versions)
        .filteredOn(i -> !i.isDeleteMarker())
        .extracting(Item::isLatest)
        .containsOnly(false);
    assertThat(keys(ListObjectsArgs.builder().bucket(bucket).build())).isEmpty();
    // removing the delete marker brings v2 back
    client.removeObject(
        RemoveObjectArgs.builder()
            .bucket(bucket)
            .object("doc")
            .versionId(marker.versionId())
            .build());
    assertThat(new String(get("doc"), StandardCharsets.UTF_8)).isEqualTo("two");
    client.removeObject(
        RemoveObjectArgs.builder().bucket(bucket).object("doc").versionId(v2).build());
    assertThat(new String(get("doc"), StandardCharsets.UTF_8)).isEqualTo("one");
    StatObjectResponse st =
        client.statObject(
            StatObjectArgs.builder().bucket(bucket).object("doc").versionId(v1).build());
    assertThat(st.versionId()).isEqualTo(v1);
  }

  @Test
  void suspendedVersioningOverwritesNullVersion() throws Exception {
    assumeLockAndVersioning();
    put("s", "zero".getBytes(StandardCharsets.UTF_8));
    client.setBucketVersioning(
        SetBucketVersioningArgs.builder()
            .bucket(bucket)
            .config(new VersioningConfiguration(VersioningConfiguration.Status.ENABLED, null))
            .build());
    String v1 = put("s", "one".getBytes(StandardCharsets.UTF_8)).versionId();
    client.setBucketVersioning(
        SetBucketVersioningArgs.builder()
            .bucket(bucket)
            .config(new VersioningConfiguration(VersioningConfiguration.Status.SUSPENDED, null))
            .build());
    put("s", "two".getBytes(StandardCharsets.UTF_8));
    put("s", "three".getBytes(StandardCharsets.UTF_8));
    List<String> ids = new ArrayList<>();
    for (Result<Item> r :
        client.listObjects(
            ListObjectsArgs.builder().bucket(bucket).includeVersions(true).build())) {
      ids.add(r.get().versionId());
    }
    assertThat(ids).containsExactly("null", v1);
    assertThat(new String(get("s"), StandardCharsets.UTF_8)).isEqualTo("three");
  }

  @Test
  void objectLockBucketHasVersioningAndDefaultRetention() throws Exception {
    assumeLockAndVersioning();
    String b = lockedBucket();
    assertThat(
            client
                .getBucketVersioning(GetBucketVersioningArgs.builder().bucket(b).build())
                .status())
        .isEqualTo(VersioningConfiguration.Status.ENABLED);
    client.setObjectLockConfiguration(
        SetObjectLockConfigurationArgs.builder()
            .bucket(b)
            .config(
                new ObjectLockConfiguration(RetentionMode.GOVERNANCE, new RetentionDurationDays(1)))
            .build());
    ObjectLockConfiguration cfg =
        client.getObjectLockConfiguration(
            GetObjectLockConfigurationArgs.builder().bucket(b).build());
    assertThat(cfg.mode()).isEqualTo(RetentionMode.GOVERNANCE);
    assertThat(cfg.duration().duration()).isEqualTo(1);
    String v = put(b, "d", new byte[] {1}).versionId();
    Retention r =
        client.getObjectRetention(
            GetObjectRetentionArgs.builder().bucket(b).object("d").versionId(v).build());
    assertThat(r.mode()).isEqualTo(RetentionMode.GOVERNANCE);
    assertThat(r.retainUntilDate()).isAfter(ZonedDateTime.now().plusHours(23));
    assertThatThrownBy(
            () ->
                client.removeObject(
                    RemoveObjectArgs.builder().bucket(b).object("d").versionId(v).build()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
    client.removeObject(
        RemoveObjectArgs.builder()
            .bucket(b)
            .object("d")
            .versionId(v)
            .bypassGovernanceMode(true)
            .build());
    assertThatThrownBy(
            () ->
                client.statObject(
                    StatObjectArgs.builder().bucket(b).object("d").versionId(v).build()))
        .satisfies(t -> assertThat(code(t)).isIn("NoSuchVersion", "NoSuchKey"));
  }

  @Test
  void complianceRetentionRefusesDeletionUntilItExpires() throws Exception {
    assumeLockAndVersioning();
    String b = lockedBucket();
    ZonedDateTime until = ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(3).withNano(0);
    byte[] data = "law says keep".getBytes(StandardCharsets.UTF_8);
    String v =
        client
            .putObject(
                PutObjectArgs.builder().bucket(b).object("c").stream(
                        new ByteArrayInputStream(data), data.length, -1)
                    .retention(new Retention(RetentionMode.COMPLIANCE, until))
                    .build())
            .versionId();
    StatObjectResponse st =
        client.statObject(StatObjectArgs.builder().bucket(b).object("c").build());
    assertThat(st.retentionMode()).isEqualTo(RetentionMode.COMPLIANCE);
    assertThatThrownBy(
            () ->
                client.removeObject(
                    RemoveObjectArgs.builder()
                        .bucket(b)
                        .object("c")
                        .versionId(v)
                        .bypassGovernanceMode(true)
                        .build()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
    // cannot be shortened, even with bypass
    assertThatThrownBy(
            () ->
                client.setObjectRetention(
                    SetObjectRetentionArgs.builder()
                        .bucket(b)
                        .object("c")
                        .versionId(v)
                        .config(new Retention(RetentionMode.COMPLIANCE, until.minusSeconds(1)))
                        .bypassGovernanceMode(true)
                        .build()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
    assertThatThrownBy(
            () ->
                client.setObjectRetention(
                    SetObjectRetentionArgs.builder()
                        .bucket(b)
                        .object("c")
                        .versionId(v)
                        .config(new Retention(RetentionMode.GOVERNANCE, until.plusDays(1)))
                        .bypassGovernanceMode(true)
                        .build()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
    // a plain delete only adds a delete marker: the version survives
    client.removeObject(RemoveObjectArgs.builder().bucket(b).object("c").build());
    try (InputStream in =
        client.getObject(GetObjectArgs.builder().bucket(b).object("c").versionId(v).build())) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
    // extension is allowed
    ZonedDateTime later = until.plusSeconds(1);
    client.setObjectRetention(
        SetObjectRetentionArgs.builder()
            .bucket(b)
            .object("c")
            .versionId(v)
            .config(new Retention(RetentionMode.COMPLIANCE, later))
            .build());
    while (ZonedDateTime.now().isBefore(later.plusNanos(300_000_000))) {
      Thread.sleep(200);
    }
    client.removeObject(RemoveObjectArgs.builder().bucket(b).object("c").versionId(v).build());
  }

  @Test
  void governanceRetentionNeedsBypassToShorten() throws Exception {
    assumeLockAndVersioning();
    String b = lockedBucket();
    String v = put(b, "g", new byte[] {7}).versionId();
    ZonedDateTime until = ZonedDateTime.now(java.time.ZoneOffset.UTC).plusDays(2).withNano(0);
    client.setObjectRetention(
        SetObjectRetentionArgs.builder()
            .bucket(b)
            .object("g")
            .versionId(v)
            .config(new Retention(RetentionMode.GOVERNANCE, until))
            .build());
    assertThatThrownBy(
            () ->
                client.setObjectRetention(
                    SetObjectRetentionArgs.builder()
                        .bucket(b)
                        .object("g")
                        .versionId(v)
                        .config(new Retention(RetentionMode.GOVERNANCE, until.minusDays(1)))
                        .build()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
    client.setObjectRetention(
        SetObjectRetentionArgs.builder()
            .bucket(b)
            .object("g")
            .versionId(v)
            .config(new Retention(RetentionMode.GOVERNANCE, until.minusDays(1)))
            .bypassGovernanceMode(true)
            .build());
    assertThat(
            client
                .getObjectRetention(
                    GetObjectRetentionArgs.builder().bucket(b).object("g").versionId(v).build())
                .retainUntilDate()
                .toInstant())
        .isEqualTo(until.minusDays(1).toInstant());
  }

  @Test
  void legalHoldBlocksDeletionUntilReleased() throws Exception {
    assumeLockAndVersioning();
    String b = lockedBucket();
    String v = put(b, "h", new byte[] {9}).versionId();
    client.enableObjectLegalHold(
        EnableObjectLegalHoldArgs.builder().bucket(b).object("h").versionId(v).build());
    assertThat(
            client.isObjectLegalHoldEnabled(
                IsObjectLegalHoldEnabledArgs.builder().bucket(b).object("h").versionId(v).build()))
        .isTrue();
    assertThatThrownBy(
            () ->
                client.removeObject(
                    RemoveObjectArgs.builder()
                        .bucket(b)
                        .object("h")
                        .versionId(v)
                        .bypassGovernanceMode(true)
                        .build()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
    client.disableObjectLegalHold(
        DisableObjectLegalHoldArgs.builder().bucket(b).object("h").versionId(v).build());
    client.removeObject(RemoveObjectArgs.builder().bucket(b).object("h").versionId(v).build());
  }

  @Test
  void legalHoldOnPutHeader() throws Exception {
    assumeLockAndVersioning();
    String b = lockedBucket();
    String v =
        client
            .putObject(
                PutObjectArgs.builder().bucket(b).object("lh").stream(
                        new ByteArrayInputStream(new byte[] {1}), 1, -1)
                    .legalHold(true)
                    .build())
            .versionId();
    assertThat(
            client
                .statObject(StatObjectArgs.builder().bucket(b).object("lh").build())
                .legalHold()
                .status())
        .isTrue();
    assertThatThrownBy(
            () ->
                client.removeObject(
                    RemoveObjectArgs.builder().bucket(b).object("lh").versionId(v).build()))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
  }

  @Test
  void lockedObjectsInMultiDeleteAreReportedAsErrors() throws Exception {
    assumeLockAndVersioning();
    String b = lockedBucket();
    String v =
        client
            .putObject(
                PutObjectArgs.builder().bucket(b).object("m").stream(
                        new ByteArrayInputStream(new byte[] {1}), 1, -1)
                    .legalHold(true)
                    .build())
            .versionId();
    List<String> codes = new ArrayList<>();
    for (Result<DeleteError> r :
        client.removeObjects(
            RemoveObjectsArgs.builder()
                .bucket(b)
                .objects(List.of(new DeleteObject("m", v)))
                .build())) {
      codes.add(r.get().code());
    }
    assertThat(codes).containsExactly("AccessDenied");
  }

  protected void assumeLockAndVersioning() {
    assumeFeature(S3Target.Feature.VERSIONING_AND_LOCK);
  }

  @Override
  public void assumeFeature(S3Target.Feature feature) {
    assumeThat(server().features()).as("server under test lacks " + feature).contains(feature);
  }
}
