package vn.tangthu.storage.contract;

import io.minio.MinioClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * What every contract test sees: the server under test, a MinIO and an AWS SDK v2 client on it, and
 * the fresh bucket of the running test. The feature contracts are interfaces over this one, so that
 * both servers run every test.
 */
interface ContractContext {
  S3Target server();

  MinioClient minio();

  S3Client aws();

  /** The empty bucket made for the running test. */
  String bucket();

  /** Skips the test (by assumption) when the server lacks {@code feature}. */
  void assumeFeature(S3Target.Feature feature);

  /** Path-style AWS SDK v2 client; checksums only when an operation asks for one. */
  static S3Client awsClient(S3Target target) {
    return S3Client.builder()
        .endpointOverride(target.endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(target.accessKey(), target.secretKey())))
        .build();
  }

  /** A presigner (SigV4 query) for the server under test. */
  static S3Presigner presigner(S3Target target) {
    return S3Presigner.builder()
        .endpointOverride(target.endpoint())
        .region(Region.US_EAST_1)
        .serviceConfiguration(
            software.amazon.awssdk.services.s3.S3Configuration.builder()
                .pathStyleAccessEnabled(true)
                .build())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(target.accessKey(), target.secretKey())))
        .build();
  }
}
