package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * Import jobs ({@code POST /imports}).
 *
 * @param parallelism items of one job stored at once on this node (default 2: the API keeps the
 *     other processors for its own requests)
 * @param lease how long a node's claim on a job lasts without renewal; another node takes the job
 *     over once it lapses (renewed every third of it)
 * @param pollInterval how often an idle node looks for a job to run
 * @param partMb part size of a package's multipart upload to S3 (5 to 512 MiB; the SDK holds about
 *     two parts in memory per upload, and a package may have at most 10,000 parts)
 * @param uploadsAtOnce packages received at once on this node; more wait for a turn
 */
public record ImportConfig(
    int parallelism, Duration lease, Duration pollInterval, int partMb, int uploadsAtOnce) {

  @JsonCreator
  public static ImportConfig of(
      @JsonProperty("parallelism") Integer parallelism,
      @JsonProperty("lease") String lease,
      @JsonProperty("pollInterval") String pollInterval,
      @JsonProperty("partMb") Integer partMb,
      @JsonProperty("uploadsAtOnce") Integer uploadsAtOnce) {
    return new ImportConfig(
        parallelism == null ? 2 : parallelism,
        duration(lease, Duration.ofSeconds(60)),
        duration(pollInterval, Duration.ofSeconds(5)),
        partMb == null ? 8 : partMb,
        uploadsAtOnce == null ? 2 : uploadsAtOnce);
  }

  public ImportConfig {
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("imports.parallelism must be between 1 and 64");
    }
    if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
      throw new IllegalArgumentException("imports.lease must be at least 3 seconds");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("imports.pollInterval must be positive");
    }
    if (partMb < 5 || partMb > 512) {
      throw new IllegalArgumentException("imports.partMb must be between 5 and 512");
    }
    if (uploadsAtOnce < 1 || uploadsAtOnce > 64) {
      throw new IllegalArgumentException("imports.uploadsAtOnce must be between 1 and 64");
    }
  }

  public static ImportConfig defaults() {
    return of(null, null, null, null, null);
  }

  /** The largest package a multipart upload of this part size can hold. */
  public long maxPackageBytes() {
    return partMb * 1024L * 1024 * 10_000;
  }

  private static Duration duration(String value, Duration fallback) {
    return value == null || value.isBlank() ? fallback : Duration.parse(value);
  }
}
