package vn.tangthu.archive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.RemoveObjectArgs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.storage.Credentials;
import vn.tangthu.storage.StorageNode;
import vn.tangthu.storage.StorageNodeConfig;

/**
 * Object Lock through {@link ObjectLocks} against the storage node over the MinIO SDK: a COMPLIANCE
 * retain-until a few seconds ahead keeps the version from being deleted until then and cannot be
 * shortened; a legal hold keeps it while on; buckets without Object Lock are reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectLocksIT {

  private static final String LOCKED = "locked-bucket";
  private static final String PLAIN = "plain-bucket";

  @TempDir static Path tmp;
  private StorageNode node;
  private ObjectStore store;
  private ObjectLocks locks;

  @BeforeAll
  void start() throws Exception {
    Credentials c = new Credentials("lock-key", "lock-secret-123456");
    node = StorageNode.start(StorageNodeConfig.loopback(tmp.resolve("node"), 0, c));
    store = new ObjectStore(node.endpoint().toString(), "us-east-1", c.accessKey(), c.secretKey());
    store.ensureBucket(LOCKED, true);
    store.ensureBucket(PLAIN, false);
    locks = new ObjectLocks(store);
  }

  @AfterAll
  void stop() {
    node.close();
  }

  private String put(String bucket, String key) throws Exception {
    Path file = tmp.resolve(key.replace('/', '_'));
    Files.write(file, ("bytes of " + key).getBytes(StandardCharsets.UTF_8));
    return store.put(bucket, key, file, "text/plain", Map.of());
  }

  private void deleteVersion(String key, String version) throws Exception {
    store
        .client()
        .removeObject(
            RemoveObjectArgs.builder().bucket(LOCKED).object(key).versionId(version).build());
  }

  /** The S3 error code deleting the version gets, or null when it was deleted. */
  private String deleteRefusal(String key, String version) throws Exception {
    try {
      deleteVersion(key, version);
      return null;
    } catch (io.minio.errors.ErrorResponseException e) {
      return e.errorResponse().code();
    }
  }

  @Test
  void bucketsWithoutObjectLockAreReported() {
    assertThat(locks.problem(LOCKED)).isEmpty();
    assertThat(locks.problem(PLAIN)).hasValueSatisfying(p -> assertThat(p).contains(PLAIN));
  }

  @Test
  void putReturnsTheVersionIdOnALockedBucket() throws Exception {
    assertThat(put(LOCKED, "originals/v/one")).isNotBlank();
  }

  @Test
  void complianceRetentionKeepsTheVersionUntilItsDateAndOnlyGrows() throws Exception {
    String key = "originals/r/one";
    String version = put(LOCKED, key);
    Instant until = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
    locks.retainUntil(LOCKED, key, version, until);
    assertThat(locks.current(LOCKED, key, version).retainUntil()).contains(until);
    assertThat(deleteRefusal(key, version)).isEqualTo("AccessDenied");
    assertThatThrownBy(() -> locks.retainUntil(LOCKED, key, version, until.minusSeconds(2)))
        .isInstanceOf(StorageException.class);
    Instant later = until.plusSeconds(1);
    locks.retainUntil(LOCKED, key, version, later);
    assertThat(locks.current(LOCKED, key, version).retainUntil()).contains(later);
    while (Instant.now().isBefore(later.plusMillis(300))) {
      Thread.sleep(200);
    }
    deleteVersion(key, version);
    assertThat(store.stat(LOCKED, key)).isEmpty();
  }

  @Test
  void legalHoldKeepsTheVersionWhileOn() throws Exception {
    String key = "originals/h/one";
    String version = put(LOCKED, key);
    locks.legalHold(LOCKED, key, version, true);
    assertThat(locks.current(LOCKED, key, version).legalHold()).isTrue();
    assertThat(deleteRefusal(key, version)).isEqualTo("AccessDenied");
    locks.legalHold(LOCKED, key, version, false);
    assertThat(locks.current(LOCKED, key, version))
        .isEqualTo(new ObjectLocks.Lock(java.util.Optional.empty(), false));
    deleteVersion(key, version);
  }
}
