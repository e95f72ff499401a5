package vn.tangthu.archive.imports;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One row of {@code import_jobs}.
 *
 * @param agencyCode whose staff see the job: the {@code agencyCode} of the options, else the
 *     creator's agency; null only for an ADMIN without one
 * @param packageKey the package's object in {@code packageBucket}, null once removed
 * @param options the {@code options} part as received (canonical JSON)
 * @param leaseToken raised by every claim: the fencing token of the node running the job
 */
public record ImportJob(
    UUID id,
    String status,
    String format,
    String agencyCode,
    String createdBy,
    long createdById,
    UUID createdToken,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String packageName,
    String packageBucket,
    String packageKey,
    long bytes,
    String sha256,
    String options,
    int total,
    String failureCode,
    String failureMessage,
    String idempotencyKey,
    String fingerprint,
    String leaseOwner,
    long leaseToken,
    Instant leaseExpiresAt) {

  public static final String QUEUED = "QUEUED";
  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";
  public static final String CANCELLED = "CANCELLED";

  static final Set<String> FINISHED = Set.of(DONE, FAILED, CANCELLED);

  boolean finished() {
    return FINISHED.contains(status);
  }
}
