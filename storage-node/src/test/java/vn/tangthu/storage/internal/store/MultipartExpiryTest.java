package vn.tangthu.storage.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Abandoned multipart uploads expire by age on the injected clock. */
class MultipartExpiryTest {
  @TempDir Path dir;

  @Test
  void uploadsOlderThanTheAgeAreAbortedAndYoungerOnesKept() throws Exception {
    ObjectLockStoreTest.MutableClock clock = new ObjectLockStoreTest.MutableClock();
    try (DiskStore store = new DiskStore(dir, clock)) {
      BucketMeta b = store.createBucket("expiry", "owner", false);
      Multipart multipart = new Multipart(store);
      NewObject attrs = new NewObject(null, Map.of(), null, false, null);
      Multipart.Upload old = multipart.create(b, "old", "owner", attrs);
      clock.now = clock.now.plus(Duration.ofDays(6));
      Multipart.Upload young = multipart.create(b, "young", "owner", attrs);
      clock.now = clock.now.plus(Duration.ofDays(1)).plusMillis(1);
      assertThat(multipart.expire(Duration.ofDays(7))).isEqualTo(1);
      assertThat(multipart.uploads("expiry"))
          .extracting(Multipart.Upload::uploadId)
          .containsExactly(young.uploadId());
      assertThat(multipart.expire(Duration.ofDays(7))).isZero();
      assertThat(old.uploadId()).isNotEqualTo(young.uploadId());
    }
  }
}
