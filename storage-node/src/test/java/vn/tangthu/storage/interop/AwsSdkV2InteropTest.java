package vn.tangthu.storage.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.tangthu.storage.Credentials;
import vn.tangthu.storage.StorageNode;
import vn.tangthu.storage.StorageNodeConfig;

/** The AWS SDK for Java v2 (default settings: aws-chunked uploads with trailing checksums). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsSdkV2InteropTest {
  private static final Credentials C = new Credentials("sdkv2-key", "sdkv2-secret-1");
  private Path dir;
  private StorageNode node;
  private S3Client s3;

  @BeforeAll
  void start() throws IOException {
    dir = Files.createTempDirectory("sdkv2");
    node = StorageNode.start(StorageNodeConfig.loopback(dir, 0, C));
    s3 =
        S3Client.builder()
            .endpointOverride(node.endpoint())
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(C.accessKey(), C.secretKey())))
            .build();
  }

  @AfterAll
  void stop() throws IOException {
    s3.close();
    node.close();
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void defaultPutGetWithChecksums() {
    s3.createBucket(b -> b.bucket("v2std"));
    byte[] data = random(300_000, 1);
    var put =
        s3.putObject(
            b -> b.bucket("v2std").key("doc.bin").checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
            RequestBody.fromBytes(data));
    assertThat(put.checksumCRC32C()).isNotBlank();
    ResponseBytes<GetObjectResponse> got =
        s3.getObjectAsBytes(
            b -> b.bucket("v2std").key("doc.bin").checksumMode(ChecksumMode.ENABLED));
    assertThat(got.asByteArray()).isEqualTo(data);
    assertThat(got.response().checksumCRC32C()).isEqualTo(put.checksumCRC32C());
    s3.putObject(b -> b.bucket("v2std").key("plain.txt"), RequestBody.fromString("hello"));
    assertThat(s3.getObjectAsBytes(b -> b.bucket("v2std").key("plain.txt")).asUtf8String())
        .isEqualTo("hello");
    assertThat(s3.listObjectsV2(b -> b.bucket("v2std")).contents())
        .extracting(o -> o.key())
        .containsExactly("doc.bin", "plain.txt");
  }

  @Test
  void multipartAndCopyAndMultiDelete() {
    s3.createBucket(b -> b.bucket("v2mp"));
    byte[] p1 = random(5 * 1024 * 1024, 2);
    byte[] p2 = random(1234, 3);
    String id = s3.createMultipartUpload(b -> b.bucket("v2mp").key("mp")).uploadId();
    String e1 =
        s3.uploadPart(
                b -> b.bucket("v2mp").key("mp").uploadId(id).partNumber(1),
                RequestBody.fromBytes(p1))
            .eTag();
    String e2 =
        s3.uploadPart(
                b -> b.bucket("v2mp").key("mp").uploadId(id).partNumber(2),
                RequestBody.fromBytes(p2))
            .eTag();
    assertThat(s3.listParts(b -> b.bucket("v2mp").key("mp").uploadId(id)).parts()).hasSize(2);
    var done =
        s3.completeMultipartUpload(
            b ->
                b.bucket("v2mp")
                    .key("mp")
                    .uploadId(id)
                    .multipartUpload(
                        m ->
                            m.parts(
                                CompletedPart.builder().partNumber(1).eTag(e1).build(),
                                CompletedPart.builder().partNumber(2).eTag(e2).build())));
    assertThat(done.eTag()).endsWith("-2\"");
    byte[] all = new byte[p1.length + p2.length];
    System.arraycopy(p1, 0, all, 0, p1.length);
    System.arraycopy(p2, 0, all, p1.length, p2.length);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("v2mp").key("mp")).asByteArray()).isEqualTo(all);
    s3.copyObject(
        b ->
            b.sourceBucket("v2mp")
                .sourceKey("mp")
                .destinationBucket("v2mp")
                .destinationKey("copy"));
    assertThat(s3.headObject(b -> b.bucket("v2mp").key("copy")).contentLength())
        .isEqualTo(all.length);
    var del =
        s3.deleteObjects(
            b -> b.bucket("v2mp").delete(d -> d.objects(o -> o.key("mp"), o -> o.key("copy"))));
    assertThat(del.deleted()).hasSize(2);
    assertThat(s3.listObjectsV2(b -> b.bucket("v2mp")).contents()).isEmpty();
  }

  @Test
  void uploadPartCopyWithSourceRanges() {
    s3.createBucket(b -> b.bucket("v2upc"));
    byte[] src = random(6 * 1024 * 1024, 5);
    s3.putObject(b -> b.bucket("v2upc").key("src"), RequestBody.fromBytes(src));
    String id = s3.createMultipartUpload(b -> b.bucket("v2upc").key("dst")).uploadId();
    var first =
        s3.uploadPartCopy(
            b ->
                b.sourceBucket("v2upc")
                    .sourceKey("src")
                    .destinationBucket("v2upc")
                    .destinationKey("dst")
                    .uploadId(id)
                    .partNumber(1)
                    .copySourceRange("bytes=0-5242879"));
    var second =
        s3.uploadPartCopy(
            b ->
                b.sourceBucket("v2upc")
                    .sourceKey("src")
                    .destinationBucket("v2upc")
                    .destinationKey("dst")
                    .uploadId(id)
                    .partNumber(2)
                    .copySourceRange("bytes=6000000-6291455"));
    s3.completeMultipartUpload(
        b ->
            b.bucket("v2upc")
                .key("dst")
                .uploadId(id)
                .multipartUpload(
                    m ->
                        m.parts(
                            CompletedPart.builder()
                                .partNumber(1)
                                .eTag(first.copyPartResult().eTag())
                                .build(),
                            CompletedPart.builder()
                                .partNumber(2)
                                .eTag(second.copyPartResult().eTag())
                                .build())));
    byte[] expected = new byte[5242880 + (6291456 - 6000000)];
    System.arraycopy(src, 0, expected, 0, 5242880);
    System.arraycopy(src, 6000000, expected, 5242880, 6291456 - 6000000);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("v2upc").key("dst")).asByteArray())
        .isEqualTo(expected);
  }

  @Test
  void objectLockCalls() {
    s3.createBucket(b -> b.bucket("v2lock").objectLockEnabledForBucket(true));
    var put =
        s3.putObject(
            b ->
                b.bucket("v2lock")
                    .key("k")
                    .objectLockMode(
                        software.amazon.awssdk.services.s3.model.ObjectLockMode.COMPLIANCE)
                    .objectLockRetainUntilDate(Instant.now().plusSeconds(3600)),
            RequestBody.fromString("kept"));
    String v = put.versionId();
    assertThat(
            s3.getObjectRetention(b -> b.bucket("v2lock").key("k").versionId(v)).retention().mode())
        .isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
    s3.putObjectLegalHold(
        b ->
            b.bucket("v2lock")
                .key("k")
                .versionId(v)
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
    assertThat(
            s3.getObjectLegalHold(b -> b.bucket("v2lock").key("k").versionId(v))
                .legalHold()
                .status())
        .isEqualTo(ObjectLockLegalHoldStatus.ON);
    assertThatThrownBy(
            () ->
                s3.deleteObject(
                    b -> b.bucket("v2lock").key("k").versionId(v).bypassGovernanceRetention(true)))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    List<String> versions = new ArrayList<>();
    s3.listObjectVersions(b -> b.bucket("v2lock"))
        .versions()
        .forEach(o -> versions.add(o.versionId()));
    assertThat(versions).containsExactly(v);
  }
}
