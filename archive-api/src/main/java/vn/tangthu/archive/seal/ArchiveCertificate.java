package vn.tangthu.archive.seal;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.Objects;

/**
 * One published archive certificate (current or retired), as listed by {@code GET
 * /archive/certificates}.
 *
 * @param role what the key is used for
 * @param keyId hex subject key identifier
 * @param pem the certificate, PEM encoded
 * @param validFrom start of validity
 * @param validTo end of validity
 * @param current whether the key is the one in use for its role
 */
public record ArchiveCertificate(
    KeyRole role,
    String keyId,
    String pem,
    @JsonFormat(shape = JsonFormat.Shape.STRING) Instant validFrom,
    @JsonFormat(shape = JsonFormat.Shape.STRING) Instant validTo,
    boolean current) {
  public ArchiveCertificate {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(pem, "pem");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validTo, "validTo");
  }
}
