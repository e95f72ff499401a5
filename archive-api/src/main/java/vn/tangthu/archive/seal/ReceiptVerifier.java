package vn.tangthu.archive.seal;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Checks receipts against a set of published archive certificates (for instance those of {@code GET
 * /archive/certificates}); usable by anyone holding only the certificates. Thread-safe.
 */
public final class ReceiptVerifier {
  private final List<X509Certificate> published;
  private final Provider provider = new BouncyCastleProvider();

  public ReceiptVerifier(Collection<X509Certificate> published) {
    this.published = List.copyOf(published);
  }

  /** Verifies a base64 receipt. Never throws for bad input. */
  public ReceiptCheck verify(String receipt) {
    CMSSignedData sd;
    try {
      sd = new CMSSignedData(Base64.getMimeDecoder().decode(receipt));
    } catch (Exception e) {
      return new ReceiptCheck(false, null, null, "not a base64 CMS SignedData");
    }
    if (sd.getSignedContent() == null
        || !(sd.getSignedContent().getContent() instanceof byte[] b)) {
      return new ReceiptCheck(false, null, null, "the receipt carries no content");
    }
    String payload = new String(b, StandardCharsets.UTF_8);
    Collection<SignerInformation> signers = sd.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      return new ReceiptCheck(false, payload, null, "a receipt has exactly one signer");
    }
    SignerInformation si = signers.iterator().next();
    for (X509Certificate cert : published) {
      String keyId = ArchiveKeys.keyId(cert);
      try {
        if (!si.getSID().match(new X509CertificateHolder(cert.getEncoded()))) {
          continue;
        }
        boolean ok =
            si.verify(
                new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(provider)
                    .build(cert.getPublicKey()));
        return ok
            ? new ReceiptCheck(true, payload, keyId, null)
            : new ReceiptCheck(false, payload, keyId, "the signature does not verify");
      } catch (Exception e) {
        return new ReceiptCheck(false, payload, keyId, "the signature does not verify");
      }
    }
    return new ReceiptCheck(false, payload, null, "not signed by a published archive certificate");
  }
}
