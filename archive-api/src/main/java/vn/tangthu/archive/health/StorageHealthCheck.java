package vn.tangthu.archive.health;

import com.codahale.metrics.health.HealthCheck;
import vn.tangthu.archive.storage.ObjectStore;

/** Healthy when the originals bucket answers over S3. */
public final class StorageHealthCheck extends HealthCheck {

  private final ObjectStore store;
  private final String bucket;

  public StorageHealthCheck(ObjectStore store, String bucket) {
    this.store = store;
    this.bucket = bucket;
  }

  @Override
  protected Result check() {
    store.list(bucket, "originals/", null, 1);
    return Result.healthy();
  }
}
