package vn.tangthu.archive.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The archive's only way to storage: S3 through the MinIO SDK, so the embedded storage node, a
 * standalone node and a MinIO cluster are interchangeable. Thread-safe. Every failure of the
 * backend is a {@link StorageException}; a missing object is {@link ObjectNotFoundException}.
 *
 * <p>{@link #close()} shuts the SDK's HTTP client down (its dispatcher threads are not daemons: an
 * unclosed store keeps a command's JVM alive for a minute after its work is done).
 */
public final class ObjectStore implements AutoCloseable {

  private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchBucket", "NoSuchVersion");

  private final MinioClient client;

  public ObjectStore(String endpoint, String region, String accessKey, String secretKey) {
    this.client =
        MinioClient.builder()
            .endpoint(endpoint)
            .region(region)
            .credentials(accessKey, secretKey)
            .build();
  }

  /** Creates the bucket unless it exists; with Object Lock when asked (and supported). */
  public void ensureBucket(String bucket, boolean objectLock) {
    call(
        () -> {
          if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            client.makeBucket(
                MakeBucketArgs.builder().bucket(bucket).objectLock(objectLock).build());
          }
          return null;
        },
        bucket,
        "");
  }

  /**
   * Stores a local file; returns when the backend acknowledged it durably, with the version id the
   * backend gave the new version (null on an unversioned bucket).
   */
  public String put(
      String bucket, String key, Path file, String contentType, Map<String, String> userMetadata) {
    return call(
        () -> {
          long size = Files.size(file);
          try (InputStream in = Files.newInputStream(file)) {
            return client
                .putObject(
                    PutObjectArgs.builder().bucket(bucket).object(key).stream(in, size, -1)
                        .contentType(contentType)
                        .userMetadata(userMetadata)
                        .build())
                .versionId();
          }
        },
        bucket,
        key);
  }

  /**
   * Stores a stream of unknown length as a multipart upload of {@code partSize}-byte parts (at
   * least 5 MiB; the SDK holds about two parts in memory at a time), so an object of any size up to
   * 10,000 parts is written without being held whole anywhere. Returns the new version id (null on
   * an unversioned bucket) once the backend acknowledged the whole object.
   */
  public String putStream(
      String bucket, String key, InputStream in, String contentType, long partSize) {
    return call(
        () ->
            client
                .putObject(
                    PutObjectArgs.builder().bucket(bucket).object(key).stream(in, -1, partSize)
                        .contentType(contentType)
                        .build())
                .versionId(),
        bucket,
        key);
  }

  /** Stores a small object held in memory. */
  public void put(String bucket, String key, byte[] bytes, String contentType) {
    call(
        () -> {
          client.putObject(
              PutObjectArgs.builder().bucket(bucket).object(key).stream(
                      new ByteArrayInputStream(bytes), bytes.length, -1)
                  .contentType(contentType)
                  .build());
          return null;
        },
        bucket,
        key);
  }

  /** Streams a whole object; the caller closes the stream. */
  public InputStream get(String bucket, String key) {
    return call(
        () -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()),
        bucket,
        key);
  }

  /** Streams {@code length} bytes from {@code offset}. */
  public InputStream get(String bucket, String key, long offset, long length) {
    if (offset < 0 || length <= 0) {
      throw new IllegalArgumentException("offset must be >= 0 and length > 0");
    }
    return call(
        () ->
            client.getObject(
                GetObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .offset(offset)
                    .length(length)
                    .build()),
        bucket,
        key);
  }

  /** Reads a small object whole. */
  public byte[] read(String bucket, String key) {
    try (InputStream in = get(bucket, key)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new StorageException("Reading " + bucket + "/" + key + " failed", e);
    }
  }

  /** Size, ETag and user metadata of an object, or empty when there is none. */
  public Optional<ObjectInfo> stat(String bucket, String key) {
    try {
      StatObjectResponse r =
          call(
              () -> client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()),
              bucket,
              key);
      return Optional.of(new ObjectInfo(key, r.size(), r.etag(), r.userMetadata()));
    } catch (ObjectNotFoundException e) {
      return Optional.empty();
    }
  }

  /** Removes the current version of an object; no error when it does not exist. */
  public void delete(String bucket, String key) {
    call(
        () -> {
          client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
          return null;
        },
        bucket,
        key);
  }

  /** Keys under {@code prefix} in key order, at most {@code max}, after {@code startAfter}. */
  public List<String> list(String bucket, String prefix, String startAfter, int max) {
    return call(
        () -> {
          List<String> keys = new ArrayList<>();
          ListObjectsArgs.Builder args =
              ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true);
          if (startAfter != null) {
            args.startAfter(startAfter);
          }
          for (Result<Item> r : client.listObjects(args.build())) {
            keys.add(r.get().objectName());
            if (keys.size() >= max) {
              break;
            }
          }
          return keys;
        },
        bucket,
        prefix);
  }

  /**
   * Stops the SDK's HTTP dispatcher and drops its idle connections. Calls in flight finish; the
   * store must not be used afterwards. Idempotent.
   */
  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      throw new StorageException("Closing the S3 client failed: " + e, e);
    }
  }

  /** The SDK client, for storage features this class does not wrap yet. */
  MinioClient client() {
    return client;
  }

  @FunctionalInterface
  private interface S3Call<T> {
    T run() throws Exception;
  }

  private static <T> T call(S3Call<T> call, String bucket, String key) {
    try {
      return call.run();
    } catch (ErrorResponseException e) {
      String code = e.errorResponse().code();
      if (NOT_FOUND.contains(code)) {
        throw new ObjectNotFoundException(bucket, key, code);
      }
      throw new StorageException("S3 refused " + bucket + "/" + key + ": " + code, e);
    } catch (StorageException e) {
      throw e;
    } catch (Exception e) {
      throw new StorageException("S3 call on " + bucket + "/" + key + " failed: " + e, e);
    }
  }
}
