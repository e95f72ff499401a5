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
 */
public record SignatureConfig(
    String trustAnchors, String crls, String keys, String organisation, Duration verifyTimeout) {

  @JsonCreator
  public static SignatureConfig of(
      @JsonProperty("trustAnchors") String trustAnchors,
      @JsonProperty("crls") String crls,
      @JsonProperty("keys") String keys,
      @JsonProperty("organisation") String organisation,
      @JsonProperty("verifyTimeout") String verifyTimeout) {
    return new SignatureConfig(
        or(trustAnchors, "trust/anchors"),
        or(crls, "trust/crls"),
        or(keys, "keys"),
        or(organisation, "Tàng Thư"),
        verifyTimeout == null || verifyTimeout.isBlank()
            ? Duration.ofSeconds(60)
            : Duration.parse(verifyTimeout));
  }

  public SignatureConfig {
    if (verifyTimeout.isNegative() || verifyTimeout.isZero()) {
      throw new IllegalArgumentException("signatures.verifyTimeout must be positive (ISO-8601)");
    }
  }

  public static SignatureConfig defaults() {
    return of(null, null, null, null, null);
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
