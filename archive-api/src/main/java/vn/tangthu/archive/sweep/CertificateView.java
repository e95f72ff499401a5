package vn.tangthu.archive.sweep;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/**
 * A signed sweep certificate.
 *
 * @param kind {@code DESTRUCTION} (at execution) or {@code TRANSFER} (at the receipt)
 * @param certificate the certificate itself: exactly the signed canonical JSON
 * @param signature base64 of the DER CMS SignedData over the canonical JSON's UTF-8 bytes (content
 *     embedded), made with the archive key {@code keyId}
 * @param signerCertificate the signer's certificate, PEM (also in {@code GET
 *     /archive/certificates})
 */
public record CertificateView(
    UUID id,
    String kind,
    UUID sweepId,
    @JsonRawValue String certificate,
    String signature,
    String keyId,
    String signerCertificate,
    Instant createdAt) {}
