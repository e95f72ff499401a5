package vn.tangthu.archive.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * Signature verification and the archive's own keys. Relative paths are under the data directory.
 *
 * @param trustAnchors directory of PEM/DER trust anchors (Vietnam's national root, Government CA)
 * @param crls directory of PEM/DER certificate revocation lists
 * @param keys directory of the archive's signing and timestamping keys (generated on first start)
 * @param organisation the archive's name in its certificates
 * @param verifyTimeout time the signatures of one upload may take to verify
 * @param isolation {@code fork} (default: signatures are parsed in warm child JVMs with their own
 *     heap limit, killed on timeout, so a hostile file cannot hang or exhaust the API) or {@code
 *     in-process}
 * @param verifierHeapMb heap limit of each verification child JVM
 * @param verifierProcesses number of warm verification child JVMs (concurrent verifications)
 */
public record SignatureConfig(
    String trustAnchors,
    String crls,
    String keys,
    String organisation,
    Duration verifyTimeout,
    String isolation,
    int verifierHeapMb,
    int verifierProcesses) {

  @JsonCreator
  public static SignatureConfig of(
      @JsonProperty("trustAnchors") String trustAnchors,
      @JsonProperty("crls") String crls,
      @JsonProperty("keys") String keys,
      @JsonProperty("organisation") String organisation,
      @JsonProperty("verifyTimeout") String verifyTimeout,
      @JsonProperty("isolation") String isolation,
      @JsonProperty("verifierHeapMb") Integer verifierHeapMb,
      @JsonProperty("verifierProcesses") Integer verifierProcesses) {
    return new SignatureConfig(
        or(trustAnchors, "trust/anchors"),
        or(crls, "trust/crls"),
        or(keys, "keys"),
        or(organisation, "Tàng Thư"),
        verifyTimeout == null || verifyTimeout.isBlank()
            ? Duration.ofSeconds(60)
            : Duration.parse(verifyTimeout),
        or(isolation, "fork"),
        verifierHeapMb == null ? 256 : verifierHeapMb,
        verifierProcesses == null ? 1 : verifierProcesses);
  }

  public SignatureConfig {
    if (verifyTimeout.isNegative() || verifyTimeout.isZero()) {
      throw new IllegalArgumentException("signatures.verifyTimeout must be positive (ISO-8601)");
    }
    if (!isolation.equals("fork") && !isolation.equals("in-process")) {
      throw new IllegalArgumentException("signatures.isolation must be fork or in-process");
    }
    if (verifierHeapMb < 64) {
      throw new IllegalArgumentException("signatures.verifierHeapMb must be at least 64");
    }
    if (verifierProcesses < 1 || verifierProcesses > 64) {
      throw new IllegalArgumentException("signatures.verifierProcesses must be between 1 and 64");
    }
  }

  public static SignatureConfig defaults() {
    return of(null, null, null, null, null, null, null, null);
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
