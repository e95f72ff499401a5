package vn.tangthu.archive.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionLockHealthCheckTest {

  @Test
  void unhealthyWithTheReasonWhenStorageCannotLock() {
    var result =
        new RetentionLockHealthCheck(
                Optional.of("bucket originals does not support S3 Object Lock"))
            .execute();
    assertThat(result.isHealthy()).isFalse();
    assertThat(result.getMessage()).contains("Object Lock").contains("originals");
  }

  @Test
  void healthyWhenStorageLocks() {
    assertThat(new RetentionLockHealthCheck(Optional.empty()).execute().isHealthy()).isTrue();
  }
}
