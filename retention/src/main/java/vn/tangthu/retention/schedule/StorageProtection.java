package vn.tangthu.retention.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the storage layer must carry for one object: a COMPLIANCE retain-until while {@code
 * eligibleOn} is in the future, and an S3 legal hold when the record is permanent or held.
 *
 * @param retainUntil the COMPLIANCE retain-until, empty when none is due
 * @param legalHold whether an S3 legal hold must be on
 */
public record StorageProtection(Optional<Instant> retainUntil, boolean legalHold) {

  public StorageProtection {
    Objects.requireNonNull(retainUntil, "retainUntil");
  }

  /**
   * The protection due now for a record of {@code eligibility}.
   *
   * @param held whether any legal hold (inspection, lawsuit) covers the record
   * @param clock the time source; "future" means after {@code clock.instant()}
   */
  public static StorageProtection of(Eligibility eligibility, boolean held, Clock clock) {
    Instant now = clock.instant();
    Optional<Instant> until = eligibility.retainUntil().filter(t -> t.isAfter(now));
    return new StorageProtection(until, held || eligibility instanceof Eligibility.Permanent);
  }
}
