package vn.tangthu.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Details clients depend on: stored system metadata, listing options, CopyObject's rules, Object
 * Lock validations and version ids of versioned multipart uploads.
 */
interface BehaviourContract extends ContractContext {
  private static String code(Throwable t) {
    return t instanceof S3Exception e ? e.awsErrorDetails().errorCode() : t.toString();
  }

  @Test
  default void systemMetadataIsStoredAndReturnedAsGiven() {
    Instant expires = Instant.parse("2031-02-03T04:05:06Z");
    aws()
        .putObject(
            r ->
                r.bucket(bucket())
                    .key("m")
                    .cacheControl("max-age=600, private")
                    .contentDisposition("attachment; filename*=UTF-8''v%C4%83n%20b%E1%BA%A3n.pdf")
                    .contentEncoding("gzip")
                    .contentLanguage("vi-VN")
                    .expires(expires),
            RequestBody.fromString("x"));
    var head = aws().headObject(r -> r.bucket(bucket()).key("m"));
    assertThat(head.cacheControl()).isEqualTo("max-age=600, private");
    assertThat(head.contentDisposition())
        .isEqualTo("attachment; filename*=UTF-8''v%C4%83n%20b%E1%BA%A3n.pdf");
    assertThat(head.contentEncoding()).isEqualTo("gzip");
    assertThat(head.contentLanguage()).isEqualTo("vi-VN");
    assertThat(head.expires()).isEqualTo(expires);
    aws()
        .copyObject(
            r ->
                r.sourceBucket(bucket())
                    .sourceKey("m")
                    .destinationBucket(bucket())
                    .destinationKey("copy"));
    assertThat(aws().headObject(r -> r.bucket(bucket()).key("copy")).cacheControl())
        .isEqualTo("max-age=600, private");
  }

  @Test
  default void listingOwnerStartAfterAndTokens() {
    for (String k : new String[] {"a", "b/1", "b/2", "c"}) {
      aws().putObject(r -> r.bucket(bucket()).key(k), RequestBody.fromString(k));
    }
    var withOwner = aws().listObjectsV2(r -> r.bucket(bucket()).fetchOwner(true));
    assertThat(withOwner.contents()).allMatch(o -> o.owner() != null && o.owner().id() != null);
    assertThat(aws().listObjectsV2(r -> r.bucket(bucket())).contents())
        .allMatch(o -> o.owner() == null);
    assertThat(aws().listObjects(r -> r.bucket(bucket())).contents())
        .allMatch(o -> o.owner() != null);
    assertThat(aws().listObjectsV2(r -> r.bucket(bucket()).startAfter("b/1")).contents())
        .extracting(S3Object::key)
        .containsExactly("b/2", "c");
    assertThat(aws().listObjectsV2(r -> r.bucket(bucket()).delimiter("")).contents()).hasSize(4);
  }

  @Test
  default void continuationTokenNotIssuedIsRefused() {
    // S3Proxy takes any string as a marker; S3 answers InvalidArgument
    assumeFeature(S3Target.Feature.STRICT_CONTINUATION_TOKENS);
    assertThatThrownBy(
            () -> aws().listObjectsV2(r -> r.bucket(bucket()).continuationToken("!!not-a-token")))
        .satisfies(t -> assertThat(code(t)).isEqualTo("InvalidArgument"));
  }

  @Test
  default void copyOntoItselfNeedsAChange() {
    aws().putObject(r -> r.bucket(bucket()).key("self"), RequestBody.fromString("s"));
    assertThatThrownBy(
            () ->
                aws()
                    .copyObject(
                        r ->
                            r.sourceBucket(bucket())
                                .sourceKey("self")
                                .destinationBucket(bucket())
                                .destinationKey("self")))
        .satisfies(t -> assertThat(code(t)).isEqualTo("InvalidRequest"));
    aws()
        .copyObject(
            r ->
                r.sourceBucket(bucket())
                    .sourceKey("self")
                    .destinationBucket(bucket())
                    .destinationKey("self")
                    .metadataDirective(MetadataDirective.REPLACE)
                    .metadata(java.util.Map.of("note", "changed")));
    assertThat(aws().headObject(r -> r.bucket(bucket()).key("self")).metadata())
        .containsEntry("note", "changed");
  }

  @Test
  default void copySourceConditions() {
    String etag =
        aws().putObject(r -> r.bucket(bucket()).key("src"), RequestBody.fromString("1")).eTag();
    aws()
        .copyObject(
            r ->
                r.sourceBucket(bucket())
                    .sourceKey("src")
                    .destinationBucket(bucket())
                    .destinationKey("ok")
                    .copySourceIfMatch(etag));
    assertThatThrownBy(
            () ->
                aws()
                    .copyObject(
                        r ->
                            r.sourceBucket(bucket())
                                .sourceKey("src")
                                .destinationBucket(bucket())
                                .destinationKey("no")
                                .copySourceIfNoneMatch(etag)))
        .satisfies(t -> assertThat(code(t)).isEqualTo("PreconditionFailed"));
    assertThatThrownBy(
            () ->
                aws()
                    .copyObject(
                        r ->
                            r.sourceBucket(bucket())
                                .sourceKey("src")
                                .destinationBucket(bucket())
                                .destinationKey("no")
                                .copySourceIfModifiedSince(Instant.now().plus(1, ChronoUnit.DAYS))))
        .satisfies(t -> assertThat(code(t)).isEqualTo("PreconditionFailed"));
  }

  @Test
  default void versionedSourcesAndMultipartVersionIds() {
    assumeFeature(S3Target.Feature.VERSIONING_AND_LOCK);
    aws()
        .putBucketVersioning(
            r ->
                r.bucket(bucket())
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    String v1 =
        aws()
            .putObject(r -> r.bucket(bucket()).key("v"), RequestBody.fromString("one"))
            .versionId();
    aws().putObject(r -> r.bucket(bucket()).key("v"), RequestBody.fromString("two"));
    var copy =
        aws()
            .copyObject(
                r ->
                    r.sourceBucket(bucket())
                        .sourceKey("v")
                        .sourceVersionId(v1)
                        .destinationBucket(bucket())
                        .destinationKey("v"));
    assertThat(copy.copySourceVersionId()).isEqualTo(v1);
    assertThat(aws().getObjectAsBytes(r -> r.bucket(bucket()).key("v")).asUtf8String())
        .isEqualTo("one");
    String id = aws().createMultipartUpload(r -> r.bucket(bucket()).key("mp")).uploadId();
    String etag =
        aws()
            .uploadPart(
                r -> r.bucket(bucket()).key("mp").uploadId(id).partNumber(1),
                RequestBody.fromString("part"))
            .eTag();
    var done =
        aws()
            .completeMultipartUpload(
                r ->
                    r.bucket(bucket())
                        .key("mp")
                        .uploadId(id)
                        .multipartUpload(
                            m ->
                                m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
    assertThat(done.versionId()).isNotBlank().isNotEqualTo("null");
    assertThat(aws().headObject(r -> r.bucket(bucket()).key("mp")).versionId())
        .isEqualTo(done.versionId());
  }

  @Test
  default void objectLockValidations() {
    assumeFeature(S3Target.Feature.VERSIONING_AND_LOCK);
    aws()
        .putBucketVersioning(
            r ->
                r.bucket(bucket())
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    aws()
        .putObjectLockConfiguration(
            r ->
                r.bucket(bucket())
                    .objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)));
    assertThat(
            aws()
                .getObjectLockConfiguration(r -> r.bucket(bucket()))
                .objectLockConfiguration()
                .objectLockEnabled())
        .isEqualTo(ObjectLockEnabled.ENABLED);
    assertThatThrownBy(
            () ->
                aws()
                    .putObjectLockConfiguration(
                        r ->
                            r.bucket(bucket())
                                .objectLockConfiguration(
                                    c ->
                                        c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                                            .rule(
                                                x ->
                                                    x.defaultRetention(
                                                        d ->
                                                            d.mode("GOVERNANCE")
                                                                .days(1)
                                                                .years(1))))))
        .satisfies(t -> assertThat(code(t)).isEqualTo("MalformedXML"));
    Instant until = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    aws()
        .putObject(
            r ->
                r.bucket(bucket())
                    .key("g")
                    .objectLockMode("GOVERNANCE")
                    .objectLockRetainUntilDate(until),
            RequestBody.fromString("g"));
    assertThatThrownBy(
            () ->
                aws()
                    .putObjectRetention(
                        r ->
                            r.bucket(bucket())
                                .key("g")
                                .retention(
                                    x ->
                                        x.mode(ObjectLockRetentionMode.COMPLIANCE)
                                            .retainUntilDate(until))))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
    aws()
        .putObjectRetention(
            r ->
                r.bucket(bucket())
                    .key("g")
                    .bypassGovernanceRetention(true)
                    .retention(
                        x -> x.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until)));
    assertThatThrownBy(
            () ->
                aws()
                    .putObjectRetention(
                        r ->
                            r.bucket(bucket())
                                .key("g")
                                .bypassGovernanceRetention(true)
                                .retention(
                                    x ->
                                        x.mode(ObjectLockRetentionMode.GOVERNANCE)
                                            .retainUntilDate(until))))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
  }
}
