package vn.tangthu.archive.storage;

import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.GetObjectRetentionArgs;
import io.minio.IsObjectLegalHoldEnabledArgs;
import io.minio.MinioClient;
import io.minio.SetObjectRetentionArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.ObjectLockConfiguration;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * S3 Object Lock on single object versions: COMPLIANCE retain-until dates (which the backend only
 * ever lets grow) and legal holds. A {@code null} version id means the current version. Every
 * backend failure is a {@link StorageException}. Thread-safe.
 */
public final class ObjectLocks {

  /** The lock an object version carries now. */
  public record Lock(Optional<Instant> retainUntil, boolean legalHold) {}

  private final MinioClient client;

  public ObjectLocks(ObjectStore store) {
    this.client = store.client();
  }

  /**
   * Why {@code bucket} cannot carry Object Lock, or empty when it can (the bucket exists with
   * Object Lock enabled).
   */
  public Optional<String> problem(String bucket) {
    try {
      ObjectLockConfiguration c =
          client.getObjectLockConfiguration(
              GetObjectLockConfigurationArgs.builder().bucket(bucket).build());
      return c == null
          ? Optional.of("bucket " + bucket + " has no Object Lock configuration")
          : Optional.empty();
    } catch (ErrorResponseException e) {
      return Optional.of(
          "bucket "
              + bucket
              + " does not support S3 Object Lock ("
              + e.errorResponse().code()
              + "); retention is enforced by the archive only, not by storage");
    } catch (Exception e) {
      return Optional.of("Object Lock check on bucket " + bucket + " failed: " + e);
    }
  }

  /** Sets a COMPLIANCE retain-until; the backend refuses to shorten an existing one. */
  public void retainUntil(String bucket, String key, String versionId, Instant until) {
    run(
        () ->
            client.setObjectRetention(
                SetObjectRetentionArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .versionId(versionId)
                    .config(new Retention(RetentionMode.COMPLIANCE, until.atZone(ZoneOffset.UTC)))
                    .build()),
        bucket,
        key);
  }

  /** Turns the S3 legal hold of a version on or off. */
  public void legalHold(String bucket, String key, String versionId, boolean on) {
    run(
        () -> {
          if (on) {
            client.enableObjectLegalHold(
                EnableObjectLegalHoldArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .versionId(versionId)
                    .build());
          } else {
            client.disableObjectLegalHold(
                DisableObjectLegalHoldArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .versionId(versionId)
                    .build());
          }
        },
        bucket,
        key);
  }

  /** The lock the version carries now, as the backend reports it. */
  public Lock current(String bucket, String key, String versionId) {
    Optional<Instant> until = Optional.empty();
    try {
      Retention r =
          client.getObjectRetention(
              GetObjectRetentionArgs.builder()
                  .bucket(bucket)
                  .object(key)
                  .versionId(versionId)
                  .build());
      if (r != null && r.retainUntilDate() != null) {
        until = Optional.of(r.retainUntilDate().toInstant());
      }
    } catch (ErrorResponseException e) {
      if (!"NoSuchObjectLockConfiguration".equals(e.errorResponse().code())) {
        throw new StorageException(
            "S3 refused retention of " + bucket + "/" + key + ": " + e.errorResponse().code(), e);
      }
    } catch (Exception e) {
      throw new StorageException("Reading retention of " + bucket + "/" + key + " failed", e);
    }
    boolean[] hold = new boolean[1];
    run(
        () ->
            hold[0] =
                client.isObjectLegalHoldEnabled(
                    IsObjectLegalHoldEnabledArgs.builder()
                        .bucket(bucket)
                        .object(key)
                        .versionId(versionId)
                        .build()),
        bucket,
        key);
    return new Lock(until, hold[0]);
  }

  @FunctionalInterface
  private interface S3Call {
    void run() throws Exception;
  }

  private static void run(S3Call call, String bucket, String key) {
    try {
      call.run();
    } catch (ErrorResponseException e) {
      throw new StorageException(
          "S3 refused lock change on " + bucket + "/" + key + ": " + e.errorResponse().code(), e);
    } catch (Exception e) {
      throw new StorageException("Lock change on " + bucket + "/" + key + " failed: " + e, e);
    }
  }
}
