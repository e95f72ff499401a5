package vn.tangthu.archive.health;

import com.codahale.metrics.health.HealthCheck;
import java.util.Optional;

/**
 * {@code retention-lock}: healthy when the originals bucket supports S3 Object Lock, so retention
 * and legal holds are enforced by storage too; unhealthy, with the reason, when the backend was
 * found without it at start-up.
 */
public final class RetentionLockHealthCheck extends HealthCheck {

  private final Optional<String> problem;

  /**
   * @param problem why the backend cannot lock, as detected at start-up; empty when it can
   */
  public RetentionLockHealthCheck(Optional<String> problem) {
    this.problem = problem;
  }

  @Override
  protected Result check() {
    return problem
        .map(
            p ->
                Result.unhealthy(
                    "Storage does not enforce retention (S3 Object Lock unavailable): " + p))
        .orElseGet(() -> Result.healthy("S3 Object Lock available on the originals bucket"));
  }
}
