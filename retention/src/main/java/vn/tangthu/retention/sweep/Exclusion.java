package vn.tangthu.retention.sweep;

import java.util.Objects;
import java.util.Optional;

/** A candidate left out of a sweep, with the reason. */
public record Exclusion(String recordId, Optional<String> fileCode, ExclusionReason reason) {
  public Exclusion {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(fileCode, "fileCode");
    Objects.requireNonNull(reason, "reason");
  }
}
