package vn.tangthu.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What clients' clean-up depends on: a bucket holding only in-progress multipart uploads can be
 * deleted (S3 discards the uploads), and keys with leading, trailing or only whitespace survive
 * every path unchanged.
 */
interface CleanupContract extends ContractContext {
  List<String> WHITESPACE_KEYS = List.of(" ", "   ", " lead", "trail ", " both ", "tab\t", "a/ b ");

  @Test
  default void deleteBucketWithOnlyInProgressUploadsDiscardsThem() {
    // S3Proxy refuses it (BucketNotEmpty); S3, MinIO and Ceph RGW discard the uploads
    assumeFeature(S3Target.Feature.DELETE_BUCKET_DISCARDS_UPLOADS);
    String b = bucket() + "-mpu";
    aws().createBucket(r -> r.bucket(b));
    String id = aws().createMultipartUpload(r -> r.bucket(b).key("pending")).uploadId();
    aws()
        .uploadPart(
            r -> r.bucket(b).key("pending").uploadId(id).partNumber(1),
            RequestBody.fromBytes(new byte[] {1, 2, 3}));
    aws().deleteBucket(r -> r.bucket(b));
    assertThat(aws().listBuckets().buckets()).noneMatch(x -> x.name().equals(b));
    aws().createBucket(r -> r.bucket(b));
    assertThat(aws().listMultipartUploads(r -> r.bucket(b)).uploads()).isEmpty();
    aws().deleteBucket(r -> r.bucket(b));
  }

  @Test
  default void whitespaceKeysSurvivePutGetListAndDelete() {
    for (String k : WHITESPACE_KEYS) {
      aws().putObject(r -> r.bucket(bucket()).key(k), RequestBody.fromString("[" + k + "]"));
    }
    for (String k : WHITESPACE_KEYS) {
      assertThat(aws().getObjectAsBytes(r -> r.bucket(bucket()).key(k)).asUtf8String())
          .as("'%s'", k)
          .isEqualTo("[" + k + "]");
    }
    List<String> sorted = sortedUtf8(WHITESPACE_KEYS);
    assertThat(aws().listObjectsV2(r -> r.bucket(bucket())).contents())
        .extracting(S3Object::key)
        .isEqualTo(sorted);
    assertThat(aws().listObjects(r -> r.bucket(bucket())).contents())
        .extracting(S3Object::key)
        .isEqualTo(sorted);
    assertThat(aws().listObjectsV2(r -> r.bucket(bucket()).maxKeys(2)).contents())
        .extracting(S3Object::key)
        .isEqualTo(sorted.subList(0, 2));
    List<ObjectIdentifier> ids = new ArrayList<>();
    WHITESPACE_KEYS.forEach(k -> ids.add(ObjectIdentifier.builder().key(k).build()));
    DeleteObjectsResponse deleted =
        aws().deleteObjects(r -> r.bucket(bucket()).delete(Delete.builder().objects(ids).build()));
    assertThat(deleted.errors()).isEmpty();
    assertThat(deleted.deleted())
        .extracting(DeletedObject::key)
        .containsExactlyInAnyOrderElementsOf(WHITESPACE_KEYS);
    assertThat(aws().listObjectsV2(r -> r.bucket(bucket())).contents()).isEmpty();
  }

  @Test
  default void whitespaceKeysSurviveCopyAndMultipart() {
    for (String k : WHITESPACE_KEYS) {
      aws().putObject(r -> r.bucket(bucket()).key(k), RequestBody.fromString("[" + k + "]"));
      aws()
          .copyObject(
              r ->
                  r.sourceBucket(bucket())
                      .sourceKey(k)
                      .destinationBucket(bucket())
                      .destinationKey(k + "copy" + k));
      assertThat(aws().getObjectAsBytes(r -> r.bucket(bucket()).key(k + "copy" + k)).asUtf8String())
          .isEqualTo("[" + k + "]");
      String mk = k + "mp" + k;
      String id = aws().createMultipartUpload(r -> r.bucket(bucket()).key(mk)).uploadId();
      assertThat(aws().listMultipartUploads(r -> r.bucket(bucket())).uploads())
          .anyMatch(u -> u.key().equals(mk));
      String etag =
          aws()
              .uploadPart(
                  r -> r.bucket(bucket()).key(mk).uploadId(id).partNumber(1),
                  RequestBody.fromString(k))
              .eTag();
      aws()
          .completeMultipartUpload(
              r ->
                  r.bucket(bucket())
                      .key(mk)
                      .uploadId(id)
                      .multipartUpload(
                          m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
      assertThat(aws().getObjectAsBytes(r -> r.bucket(bucket()).key(mk)).asUtf8String())
          .isEqualTo(k);
    }
  }

  @Test
  default void whitespaceKeysSurviveVersionListing() {
    assumeFeature(S3Target.Feature.VERSIONING_AND_LOCK);
    aws()
        .putBucketVersioning(
            r ->
                r.bucket(bucket())
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    for (String k : WHITESPACE_KEYS) {
      aws().putObject(r -> r.bucket(bucket()).key(k), RequestBody.fromString(k));
      aws().deleteObject(r -> r.bucket(bucket()).key(k));
    }
    var versions = aws().listObjectVersions(r -> r.bucket(bucket()));
    assertThat(versions.versions()).extracting(v -> v.key()).isEqualTo(sortedUtf8(WHITESPACE_KEYS));
    assertThat(versions.deleteMarkers())
        .extracting(v -> v.key())
        .isEqualTo(sortedUtf8(WHITESPACE_KEYS));
    List<ObjectIdentifier> ids = new ArrayList<>();
    versions
        .versions()
        .forEach(
            v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
    versions
        .deleteMarkers()
        .forEach(
            v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
    var deleted =
        aws().deleteObjects(r -> r.bucket(bucket()).delete(Delete.builder().objects(ids).build()));
    assertThat(deleted.errors()).isEmpty();
    assertThat(aws().listObjectVersions(r -> r.bucket(bucket())).versions()).isEmpty();
  }

  private static List<String> sortedUtf8(List<String> keys) {
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(
        (x, y) ->
            java.util.Arrays.compareUnsigned(
                x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
    return sorted;
  }
}
