package vn.tangthu.storage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3's checksum model ("Checking object integrity"): CRC32, CRC32C, CRC64NVME, SHA-1 and SHA-256 as
 * headers and aws-chunked trailers, verified and returned; multipart uploads with composite and
 * full-object checksums, per part and on completion; {@code partNumber} on GET and HEAD; and
 * GetObjectAttributes. Expected values are computed here with the JDK (CRC32, CRC32C, SHA) or taken
 * from published vectors (CRC64NVME), never with the server's code.
 */
interface ChecksumContract extends ContractContext {
  int PART = 5 * 1024 * 1024;

  private static byte[] data(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static byte[] int32(long v) {
    return ByteBuffer.allocate(4).putInt((int) v).array();
  }

  private static byte[] crc32(byte[] b) {
    CRC32 c = new CRC32();
    c.update(b);
    return int32(c.getValue());
  }

  private static byte[] crc32c(byte[] b) {
    CRC32C c = new CRC32C();
    c.update(b);
    return int32(c.getValue());
  }

  private static byte[] digest(String alg, byte[] b) throws Exception {
    return MessageDigest.getInstance(alg).digest(b);
  }

  private static String expected(ChecksumAlgorithm a, byte[] b) throws Exception {
    return switch (a) {
      case CRC32 -> b64(crc32(b));
      case CRC32_C -> b64(crc32c(b));
      case SHA1 -> b64(digest("SHA-1", b));
      case SHA256 -> b64(digest("SHA-256", b));
      default -> throw new IllegalArgumentException(a.toString());
    };
  }

  /** The SDK computes the checksum and sends it as an aws-chunked trailer. */
  @ParameterizedTest
  @EnumSource(
      value = ChecksumAlgorithm.class,
      names = {"CRC32", "CRC32_C", "SHA1", "SHA256"})
  default void trailerChecksumsAreVerifiedStoredAndReturned(ChecksumAlgorithm a) throws Exception {
    assumeFeature(S3Target.Feature.CHECKSUMS);
    byte[] body = data(200_000, a.ordinal());
    var put =
        aws()
            .putObject(
                r -> r.bucket(bucket()).key("t").checksumAlgorithm(a), RequestBody.fromBytes(body));
    String want = expected(a, body);
    assertThat(
            checksumOf(
                put.checksumCRC32(),
                put.checksumCRC32C(),
                put.checksumSHA1(),
                put.checksumSHA256()))
        .isEqualTo(want);
    HeadObjectResponse head =
        aws().headObject(r -> r.bucket(bucket()).key("t").checksumMode(ChecksumMode.ENABLED));
    assertThat(
            checksumOf(
                head.checksumCRC32(),
                head.checksumCRC32C(),
                head.checksumSHA1(),
                head.checksumSHA256()))
        .isEqualTo(want);
    assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    var got =
        aws().getObjectAsBytes(r -> r.bucket(bucket()).key("t").checksumMode(ChecksumMode.ENABLED));
    assertThat(got.asByteArray()).isEqualTo(body);
  }

  private static String checksumOf(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  @Test
  default void crc64NvmeHeaderIsVerifiedAndReturned() {
    byte[] hello = "Hello, World!\n".getBytes(StandardCharsets.US_ASCII);
    // the value `echo 'Hello, World!' | crc64nvme | base64` prints (a published Go implementation)
    aws()
        .putObject(
            r -> r.bucket(bucket()).key("c").checksumCRC64NVME("SoXXbx67KpE="),
            RequestBody.fromBytes(hello));
    var head =
        aws().headObject(r -> r.bucket(bucket()).key("c").checksumMode(ChecksumMode.ENABLED));
    assertThat(head.checksumCRC64NVME()).isEqualTo("SoXXbx67KpE=");
    assertThatThrownBy(
            () ->
                aws()
                    .putObject(
                        r -> r.bucket(bucket()).key("c2").checksumCRC64NVME("AAAAAAAAAAA="),
                        RequestBody.fromBytes(hello)))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest"));
    assertThat(aws().listObjectsV2(r -> r.bucket(bucket())).contents()).hasSize(1);
  }

  /**
   * CRC-64/NVME bit by bit (reflected polynomial 0x9a6c9329ac4bc9b5, initial value and final XOR
   * all ones), independent of the server's table-driven code; checked against the published vectors
   * below.
   */
  private static long crc64Nvme(byte[] b) {
    long crc = -1L;
    for (byte x : b) {
      crc ^= x & 0xffL;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9a6c9329ac4bc9b5L : crc >>> 1;
      }
    }
    return ~crc;
  }

  private static String crc64NvmeBase64(byte[] b) {
    return b64(ByteBuffer.allocate(8).putLong(crc64Nvme(b)).array());
  }

  /**
   * S3 computes and stores a CRC64NVME (full-object) of every new object whose upload names no
   * checksum ("Checking object integrity"; API_Checksum: "or if the object was uploaded without a
   * checksum (and Amazon S3 added the default checksum, CRC64NVME)"): answered on PUT, on HEAD and
   * GET with checksum mode, kept by a copy, and combined over the parts of a multipart upload.
   * S3Proxy 4.1.0 stores no checksum.
   */
  @Test
  default void objectsUploadedWithoutAChecksumGetTheDefaultCrc64Nvme() throws Exception {
    assumeFeature(S3Target.Feature.CHECKSUMS);
    assertThat(Long.toHexString(crc64Nvme("123456789".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("ae8b14860a799888");
    byte[] hello = "Hello, World!\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(crc64NvmeBase64(hello)).isEqualTo("SoXXbx67KpE=");
    var put = aws().putObject(r -> r.bucket(bucket()).key("d"), RequestBody.fromBytes(hello));
    assertThat(put.checksumCRC64NVME()).isEqualTo("SoXXbx67KpE=");
    assertThat(put.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    var head =
        aws().headObject(r -> r.bucket(bucket()).key("d").checksumMode(ChecksumMode.ENABLED));
    assertThat(head.checksumCRC64NVME()).isEqualTo("SoXXbx67KpE=");
    assertThat(head.checksumCRC32()).isNull();
    assertThat(head.checksumSHA256()).isNull();
    assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    aws()
        .copyObject(
            r ->
                r.sourceBucket(bucket())
                    .sourceKey("d")
                    .destinationBucket(bucket())
                    .destinationKey("d-copy"));
    assertThat(
            aws()
                .headObject(
                    r -> r.bucket(bucket()).key("d-copy").checksumMode(ChecksumMode.ENABLED))
                .checksumCRC64NVME())
        .isEqualTo("SoXXbx67KpE=");

    String id = aws().createMultipartUpload(r -> r.bucket(bucket()).key("mp")).uploadId();
    byte[][] parts = {data(PART, 7), data(1234, 8)};
    List<CompletedPart> done = new ArrayList<>();
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < parts.length; i++) {
      int n = i + 1;
      var up =
          aws()
              .uploadPart(
                  r -> r.bucket(bucket()).key("mp").uploadId(id).partNumber(n),
                  RequestBody.fromBytes(parts[i]));
      done.add(CompletedPart.builder().partNumber(n).eTag(up.eTag()).build());
      all.write(parts[i]);
    }
    aws()
        .completeMultipartUpload(
            r -> r.bucket(bucket()).key("mp").uploadId(id).multipartUpload(m -> m.parts(done)));
    var mp = aws().headObject(r -> r.bucket(bucket()).key("mp").checksumMode(ChecksumMode.ENABLED));
    assertThat(mp.checksumCRC64NVME()).isEqualTo(crc64NvmeBase64(all.toByteArray()));
    assertThat(mp.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
  }

  @Test
  default void wrongHeaderChecksumIsBadDigestAndStoresNothing() throws Exception {
    byte[] body = data(1000, 3);
    String wrong = b64(crc32(data(1000, 4)));
    assertThatThrownBy(
            () ->
                aws()
                    .putObject(
                        r -> r.bucket(bucket()).key("w").checksumCRC32(wrong),
                        RequestBody.fromBytes(body)))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest"));
    assertThat(aws().listObjectsV2(r -> r.bucket(bucket())).contents()).isEmpty();
  }

  /** Uploads two 5 MiB parts and a short one; returns the whole object. */
  private byte[] multipart(
      String key, ChecksumAlgorithm a, ChecksumType type, List<String> partSums) throws Exception {
    String id =
        aws()
            .createMultipartUpload(
                r -> r.bucket(bucket()).key(key).checksumAlgorithm(a).checksumType(type))
            .uploadId();
    byte[][] parts = {data(PART, 1), data(PART, 2), data(1234, 3)};
    List<CompletedPart> done = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      int n = i + 1;
      var up =
          aws()
              .uploadPart(
                  r -> r.bucket(bucket()).key(key).uploadId(id).partNumber(n).checksumAlgorithm(a),
                  RequestBody.fromBytes(parts[i]));
      String sum =
          checksumOf(
              up.checksumCRC32(),
              up.checksumCRC32C(),
              up.checksumSHA1(),
              up.checksumSHA256(),
              up.checksumCRC64NVME());
      partSums.add(sum);
      CompletedPart.Builder p = CompletedPart.builder().partNumber(n).eTag(up.eTag());
      switch (a) {
        case CRC32 -> p.checksumCRC32(sum);
        case CRC32_C -> p.checksumCRC32C(sum);
        case SHA256 -> p.checksumSHA256(sum);
        default -> {}
      }
      done.add(p.build());
    }
    aws()
        .completeMultipartUpload(
            r -> r.bucket(bucket()).key(key).uploadId(id).multipartUpload(m -> m.parts(done)));
    byte[] all = new byte[2 * PART + 1234];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, off, p.length);
      off += p.length;
    }
    return all;
  }

  @Test
  default void compositeMultipartChecksumIsTheChecksumOfPartChecksums() throws Exception {
    assumeFeature(S3Target.Feature.CHECKSUMS);
    List<String> partSums = new ArrayList<>();
    byte[] all = multipart("comp", ChecksumAlgorithm.SHA256, ChecksumType.COMPOSITE, partSums);
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    for (String s : partSums) {
      raw.write(Base64.getDecoder().decode(s));
    }
    String composite = b64(digest("SHA-256", raw.toByteArray())) + "-3";
    var head =
        aws().headObject(r -> r.bucket(bucket()).key("comp").checksumMode(ChecksumMode.ENABLED));
    assertThat(head.checksumSHA256()).isEqualTo(composite);
    assertThat(head.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
    assertThat(head.eTag()).endsWith("-3\"");
    var part2 =
        aws()
            .headObject(
                r ->
                    r.bucket(bucket())
                        .key("comp")
                        .partNumber(2)
                        .checksumMode(ChecksumMode.ENABLED));
    assertThat(part2.contentLength()).isEqualTo(PART);
    assertThat(part2.partsCount()).isEqualTo(3);
    assertThat(part2.checksumSHA256()).isEqualTo(b64(digest("SHA-256", data(PART, 2))));
    var part3 = aws().getObjectAsBytes(r -> r.bucket(bucket()).key("comp").partNumber(3));
    assertThat(part3.asByteArray()).isEqualTo(data(1234, 3));
    assertThat(part3.response().contentRange())
        .isEqualTo("bytes " + 2 * PART + "-" + (all.length - 1) + "/" + all.length);
    assertThat(aws().getObjectAsBytes(r -> r.bucket(bucket()).key("comp")).asByteArray())
        .isEqualTo(all);
  }

  /**
   * S3 answers {@code partNumber=1} of an object not uploaded in parts as a range over all of it:
   * 206 with {@code Content-Range}, and no {@code x-amz-mp-parts-count} (only multipart objects
   * have a parts count).
   */
  @Test
  default void partNumberOneOfASinglePartObjectIsTheWholeObjectAsARange() {
    assumeFeature(S3Target.Feature.PART_NUMBER_READS);
    aws().putObject(r -> r.bucket(bucket()).key("one"), RequestBody.fromString("0123456789"));
    var got = aws().getObjectAsBytes(r -> r.bucket(bucket()).key("one").partNumber(1));
    assertThat(got.asUtf8String()).isEqualTo("0123456789");
    assertThat(got.response().sdkHttpResponse().statusCode()).isEqualTo(206);
    assertThat(got.response().contentRange()).isEqualTo("bytes 0-9/10");
    assertThat(got.response().partsCount()).isNull();
    var head = aws().headObject(r -> r.bucket(bucket()).key("one").partNumber(1));
    assertThat(head.sdkHttpResponse().statusCode()).isEqualTo(206);
    assertThat(head.contentLength()).isEqualTo(10);
    assertThat(head.partsCount()).isNull();
  }

  @Test
  default void fullObjectMultipartCrcIsTheCrcOfTheWholeObject() throws Exception {
    assumeFeature(S3Target.Feature.CHECKSUMS);
    List<String> partSums = new ArrayList<>();
    byte[] all = multipart("full", ChecksumAlgorithm.CRC32_C, ChecksumType.FULL_OBJECT, partSums);
    var head =
        aws().headObject(r -> r.bucket(bucket()).key("full").checksumMode(ChecksumMode.ENABLED));
    assertThat(head.checksumCRC32C()).isEqualTo(b64(crc32c(all)));
    assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    List<String> crc32Parts = new ArrayList<>();
    byte[] again =
        multipart("full32", ChecksumAlgorithm.CRC32, ChecksumType.FULL_OBJECT, crc32Parts);
    var head32 =
        aws().headObject(r -> r.bucket(bucket()).key("full32").checksumMode(ChecksumMode.ENABLED));
    assertThat(head32.checksumCRC32()).isEqualTo(b64(crc32(again)));
  }

  @Test
  default void objectAttributesGiveEtagChecksumSizeAndPagedParts() throws Exception {
    assumeFeature(S3Target.Feature.OBJECT_ATTRIBUTES);
    List<String> partSums = new ArrayList<>();
    byte[] all = multipart("attr", ChecksumAlgorithm.CRC32, ChecksumType.COMPOSITE, partSums);
    var attrs =
        aws()
            .getObjectAttributes(
                r ->
                    r.bucket(bucket())
                        .key("attr")
                        .maxParts(2)
                        .objectAttributes(
                            ObjectAttributes.E_TAG,
                            ObjectAttributes.CHECKSUM,
                            ObjectAttributes.OBJECT_PARTS,
                            ObjectAttributes.STORAGE_CLASS,
                            ObjectAttributes.OBJECT_SIZE));
    assertThat(attrs.objectSize()).isEqualTo(all.length);
    assertThat(attrs.eTag()).endsWith("-3").doesNotContain("\"");
    assertThat(attrs.storageClassAsString()).isEqualTo("STANDARD");
    assertThat(attrs.checksum().checksumCRC32()).endsWith("-3");
    assertThat(attrs.objectParts().totalPartsCount()).isEqualTo(3);
    assertThat(attrs.objectParts().isTruncated()).isTrue();
    assertThat(attrs.objectParts().parts()).hasSize(2);
    assertThat(attrs.objectParts().parts().get(1).checksumCRC32()).isEqualTo(partSums.get(1));
    var rest =
        aws()
            .getObjectAttributes(
                r ->
                    r.bucket(bucket())
                        .key("attr")
                        .partNumberMarker(attrs.objectParts().nextPartNumberMarker())
                        .objectAttributes(ObjectAttributes.OBJECT_PARTS));
    assertThat(rest.objectParts().parts()).hasSize(1);
    assertThat(rest.objectParts().parts().get(0).partNumber()).isEqualTo(3);
    assertThat(rest.objectParts().parts().get(0).size()).isEqualTo(1234);
    aws().putObject(r -> r.bucket(bucket()).key("single"), RequestBody.fromString("x"));
    var single =
        aws()
            .getObjectAttributes(
                r ->
                    r.bucket(bucket())
                        .key("single")
                        .objectAttributes(ObjectAttributes.E_TAG, ObjectAttributes.OBJECT_SIZE));
    assertThat(single.objectSize()).isEqualTo(1);
    assertThat(single.eTag()).isEqualTo("9dd4e461268c8034f5c8564e155c67a6");
  }
}
