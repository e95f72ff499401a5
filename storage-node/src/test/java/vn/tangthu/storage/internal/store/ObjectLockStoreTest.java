package vn.tangthu.storage.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.storage.internal.s3.S3Exception;

/** Retention decisions follow the injected clock, not the wall clock. */
class ObjectLockStoreTest {
  @TempDir Path dir;
  private MutableClock clock;
  private DiskStore store;
  private BucketMeta bucket;

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    clock = new MutableClock();
    store = new DiskStore(dir, clock);
    bucket = store.createBucket("locked", "owner", true);
  }

  @AfterEach
  void tearDown() throws Exception {
    store.close();
  }

  private ObjectMeta put(String key, LockState lock) throws Exception {
    StagedBlob blob = store.stage(new ByteArrayInputStream(new byte[] {1, 2, 3}), Set.of());
    return store.put(
        bucket,
        key,
        blob,
        new NewObject("x/y", Map.of(), lock, lock.mode() != null, null),
        Precondition.NONE);
  }

  private static String code(Throwable t) {
    return ((S3Exception) t).code();
  }

  @Test
  void complianceVersionIsDeletableOnlyAfterRetainUntilOnTheInjectedClock() throws Exception {
    ObjectMeta v =
        put("c", new LockState("COMPLIANCE", clock.now.plus(Duration.ofDays(3650)), false));
    assertThatThrownBy(() -> store.delete(bucket, "c", v.versionId(), true))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
    clock.now = clock.now.plus(Duration.ofDays(3650)).minusMillis(1);
    assertThatThrownBy(() -> store.delete(bucket, "c", v.versionId(), false))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
    clock.now = clock.now.plusMillis(1);
    store.delete(bucket, "c", v.versionId(), false);
    assertThat(store.versions("locked", "c")).isEmpty();
  }

  @Test
  void defaultRetentionAppliesFromTheBucketConfiguration() throws Exception {
    store.updateBucket(bucket.withDefaultRetention("COMPLIANCE", 0, 10));
    bucket = store.requireBucket("locked");
    ObjectMeta v = put("d", LockState.NONE);
    assertThat(v.lock().mode()).isEqualTo("COMPLIANCE");
    assertThat(v.lock().retainUntil()).isEqualTo(Instant.parse("2040-01-01T00:00:00Z"));
  }

  @Test
  void legalHoldBlocksEvenAfterRetentionEnds() throws Exception {
    ObjectMeta v = put("h", new LockState("GOVERNANCE", clock.now.plusSeconds(10), true));
    clock.now = clock.now.plusSeconds(60);
    assertThatThrownBy(() -> store.delete(bucket, "h", v.versionId(), true))
        .satisfies(t -> assertThat(code(t)).isEqualTo("AccessDenied"));
    store.updateLock(
        bucket,
        "h",
        v.versionId(),
        m -> m.withLock(new LockState(m.lock().mode(), m.lock().retainUntil(), false)));
    store.delete(bucket, "h", v.versionId(), false);
  }

  @Test
  void deleteWithoutVersionAddsAMarkerAndKeepsTheLockedVersion() throws Exception {
    ObjectMeta v = put("m", new LockState("COMPLIANCE", clock.now.plusSeconds(3600), false));
    DeleteResult r = store.delete(bucket, "m", null, false);
    assertThat(r.deleteMarker()).isTrue();
    assertThat(store.latest("locked", "m").orElseThrow().deleteMarker()).isTrue();
    assertThat(store.version("locked", "m", v.versionId())).isPresent();
  }

  @Test
  void bucketsAreDurableFilesAnOperatorCanRead() throws Exception {
    assertThat(java.nio.file.Files.readString(dir.resolve("buckets/locked/bucket.properties")))
        .contains("objectLock=true")
        .contains("versioning=Enabled")
        .contains("owner=owner");
    store.close();
    try (DiskStore reopened = new DiskStore(dir, clock)) {
      assertThat(reopened.requireBucket("locked").objectLock()).isTrue();
    }
  }
}
