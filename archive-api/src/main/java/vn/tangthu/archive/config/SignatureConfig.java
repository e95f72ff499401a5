package vn.tangthu.archive.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Signature verification and the archive's own keys ({@code signatures:}). Relative paths are under
 * the data directory. Absent values take the defaults below; bounds are checked at start-up.
 *
 * @param trustAnchors directory of PEM/DER trust anchors (Vietnam's national root, Government CA;
 *     default {@code trust/anchors})
 * @param crls directory of PEM/DER certificate revocation lists (default {@code trust/crls})
 * @param keys directory of the archive's signing and timestamping keys (generated on first start;
 *     default {@code keys})
 * @param organisation the archive's name in its certificates (default {@code Tàng Thư})
 * @param verifyTimeout time the signatures of one upload may take to verify (default 60 s;
 *     positive)
 * @param isolation {@code fork} (default: signatures are parsed in warm child JVMs with their own
 *     heap limit, killed on timeout, so a hostile file cannot hang or exhaust the API) or {@code
 *     in-process}
 * @param verifierHeapMb heap limit in MiB of each verification child JVM (default 256; at least 64)
 * @param verifierProcesses number of warm verification child JVMs (concurrent verifications; 1 to
 *     64, default 1)
 */
public record SignatureConfig(
    @NotBlank String trustAnchors,
    @NotBlank String crls,
    @NotBlank String keys,
    @NotBlank String organisation,
    @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        @JsonDeserialize(using = ConfigDuration.class)
        Duration verifyTimeout,
    @NotNull Isolation isolation,
    @NotNull @Min(64) Integer verifierHeapMb,
    @NotNull @Min(1) @Max(64) Integer verifierProcesses) {

  public SignatureConfig {
    trustAnchors = Absent.or(trustAnchors, "trust/anchors");
    crls = Absent.or(crls, "trust/crls");
    keys = Absent.or(keys, "keys");
    organisation = Absent.or(organisation, "Tàng Thư");
    verifyTimeout = Absent.or(verifyTimeout, Duration.seconds(60));
    isolation = Absent.or(isolation, Isolation.FORK);
    verifierHeapMb = Absent.or(verifierHeapMb, 256);
    verifierProcesses = Absent.or(verifierProcesses, 1);
  }

  /** Every value at its default (the file has no {@code signatures:} block). */
  public static SignatureConfig defaults() {
    return new SignatureConfig(null, null, null, null, null, null, null, null);
  }
}
