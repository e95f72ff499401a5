package vn.tangthu.archive.health;

import com.codahale.metrics.health.HealthCheck;
import java.util.List;
import java.util.UUID;
import vn.tangthu.archive.record.OriginalContent;

/**
 * Unhealthy while any active record's original is known to fail its SHA-256 with no good copy left
 * (found by a download on any node); names up to ten of them.
 */
public final class ContentHealthCheck extends HealthCheck {

  private final OriginalContent content;

  public ContentHealthCheck(OriginalContent content) {
    this.content = content;
  }

  @Override
  protected Result check() {
    List<UUID> faults = content.faults(11);
    if (faults.isEmpty()) {
      return Result.healthy();
    }
    String listed = faults.stream().limit(10).map(UUID::toString).toList().toString();
    return Result.unhealthy(
        (faults.size() > 10 ? "More than 10" : String.valueOf(faults.size()))
            + " original(s) fail their SHA-256 with no good copy left: "
            + listed);
  }
}
