package vn.tangthu.archive.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Import jobs ({@code POST /imports}; {@code imports:}). Absent values take the defaults below;
 * bounds are checked at start-up.
 *
 * @param parallelism items of one job stored at once on this node (1 to 64; default 2: the API
 *     keeps the other processors for its own requests)
 * @param lease how long a node's claim on a job lasts without renewal; another node takes the job
 *     over once it lapses (renewed every third of it; default 60 s, at least 3 s)
 * @param pollInterval how often an idle node looks for a job to run (default 5 s; positive)
 * @param partMb part size in MiB of a package's multipart upload to S3 (5 to 512, default 8; the
 *     SDK holds about two parts in memory per upload, and a package may have at most 10,000 parts)
 * @param uploadsAtOnce packages received at once on this node; more wait for a turn (1 to 64,
 *     default 2)
 */
public record ImportConfig(
    @NotNull @Min(1) @Max(64) Integer parallelism,
    @NotNull
        @MinDuration(value = 3, unit = TimeUnit.SECONDS)
        @JsonDeserialize(using = ConfigDuration.class)
        Duration lease,
    @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        @JsonDeserialize(using = ConfigDuration.class)
        Duration pollInterval,
    @NotNull @Min(5) @Max(512) Integer partMb,
    @NotNull @Min(1) @Max(64) Integer uploadsAtOnce) {

  public ImportConfig {
    parallelism = Absent.or(parallelism, 2);
    lease = Absent.or(lease, Duration.seconds(60));
    pollInterval = Absent.or(pollInterval, Duration.seconds(5));
    partMb = Absent.or(partMb, 8);
    uploadsAtOnce = Absent.or(uploadsAtOnce, 2);
  }

  /** Every value at its default (the file has no {@code imports:} block). */
  public static ImportConfig defaults() {
    return new ImportConfig(null, null, null, null, null);
  }

  /** The largest package a multipart upload of this part size can hold. */
  public long maxPackageBytes() {
    return partMb * 1024L * 1024 * 10_000;
  }
}
