package vn.tangthu.archive.seal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A private key with its certificate.
 *
 * @param role what the key is for
 * @param keyId the hex subject key identifier of the certificate
 * @param privateKey the key (never serialised)
 * @param certificate the self-signed certificate published for it
 */
public record SigningIdentity(
    KeyRole role, String keyId, PrivateKey privateKey, X509Certificate certificate) {
  public SigningIdentity {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
  }

  @Override
  public String toString() {
    return "SigningIdentity[" + role + ", " + keyId + "]";
  }
}
