package vn.tangthu.archive.storage;

import io.minio.ListObjectsArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Removes every version of an object (data versions and delete markers), so that no byte of it
 * remains in a versioned bucket. Idempotent: purging a key with no versions does nothing.
 * Thread-safe.
 */
public final class ObjectPurge {

  private final ObjectStore store;

  public ObjectPurge(ObjectStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The version ids of {@code key} (exact key, delete markers included), newest first as listed.
   *
   * @throws StorageException when the listing fails
   */
  public List<String> versions(String bucket, String key) {
    try {
      List<String> ids = new ArrayList<>();
      Iterable<Result<Item>> listing =
          store
              .client()
              .listObjects(
                  ListObjectsArgs.builder()
                      .bucket(bucket)
                      .prefix(key)
                      .recursive(true)
                      .includeVersions(true)
                      .build());
      for (Result<Item> r : listing) {
        Item item = r.get();
        if (item.objectName().equals(key)) {
          ids.add(item.versionId() == null ? "null" : item.versionId());
        }
      }
      return ids;
    } catch (ErrorResponseException e) {
      if ("NoSuchBucket".equals(e.errorResponse().code())) {
        return List.of();
      }
      throw new StorageException("Listing versions of " + bucket + "/" + key + " failed", e);
    } catch (Exception e) {
      throw new StorageException("Listing versions of " + bucket + "/" + key + " failed", e);
    }
  }

  /**
   * Deletes every version of {@code key}; returns how many were deleted.
   *
   * @throws StorageException when a version cannot be deleted (e.g. under legal hold or unexpired
   *     retention); versions deleted before the failure stay deleted
   */
  public int purge(String bucket, String key) {
    List<String> versions = versions(bucket, key);
    for (String versionId : versions) {
      try {
        store
            .client()
            .removeObject(
                RemoveObjectArgs.builder().bucket(bucket).object(key).versionId(versionId).build());
      } catch (Exception e) {
        throw new StorageException(
            "Deleting version " + versionId + " of " + bucket + "/" + key + " failed: " + e, e);
      }
    }
    return versions.size();
  }
}
