package vn.tangthu.archive.storage;

import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.util.ArrayList;
import java.util.List;

/** Test access to the storage node over the MinIO SDK, independent of the archive's own classes. */
public final class StorageProbe {
  private final ObjectStore store;

  public StorageProbe(ObjectStore store) {
    this.store = store;
  }

  /** Every version (delete markers included) of exactly {@code key}. */
  public List<String> versions(String bucket, String key) throws Exception {
    List<String> out = new ArrayList<>();
    for (Result<Item> r :
        store
            .client()
            .listObjects(
                ListObjectsArgs.builder()
                    .bucket(bucket)
                    .prefix(key)
                    .recursive(true)
                    .includeVersions(true)
                    .build())) {
      Item i = r.get();
      if (i.objectName().equals(key)) {
        out.add(i.versionId());
      }
    }
    return out;
  }

  /**
   * How many versions (delete markers included) the bucket holds, leaving out keys that start with
   * {@code except} (null: none).
   */
  public int countVersions(String bucket, String except) throws Exception {
    int n = 0;
    for (Result<Item> r :
        store
            .client()
            .listObjects(
                ListObjectsArgs.builder()
                    .bucket(bucket)
                    .recursive(true)
                    .includeVersions(true)
                    .build())) {
      if (except == null || !r.get().objectName().startsWith(except)) {
        n++;
      }
    }
    return n;
  }

  /** Puts an S3 legal hold on the current version (so storage refuses to delete it). */
  public void legalHold(String bucket, String key, boolean on) throws Exception {
    if (on) {
      store
          .client()
          .enableObjectLegalHold(
              EnableObjectLegalHoldArgs.builder().bucket(bucket).object(key).build());
    } else {
      store
          .client()
          .disableObjectLegalHold(
              DisableObjectLegalHoldArgs.builder().bucket(bucket).object(key).build());
    }
  }
}
