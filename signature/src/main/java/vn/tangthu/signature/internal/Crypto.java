package vn.tangthu.signature.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/** Bouncy Castle helpers bound to one provider instance (never registered globally). */
public final class Crypto {
  private final Provider provider = new BouncyCastleProvider();
  private final DigestCalculatorProvider digests;

  public Crypto() {
    try {
      digests = new JcaDigestCalculatorProviderBuilder().setProvider(provider).build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  public Provider provider() {
    return provider;
  }

  /** A verifier that checks with the key only (no certificate validity check at signing time). */
  public SignerInformationVerifier verifier(PublicKey key) throws OperatorCreationException {
    return new JcaSimpleSignerInfoVerifierBuilder().setProvider(provider).build(key);
  }

  /** A verifier bound to a certificate (as RFC 3161 token validation requires). */
  public SignerInformationVerifier verifier(X509CertificateHolder cert)
      throws OperatorCreationException {
    try {
      return new JcaSimpleSignerInfoVerifierBuilder().setProvider(provider).build(cert);
    } catch (java.security.cert.CertificateException e) {
      throw new OperatorCreationException(e.getMessage(), e);
    }
  }

  public X509Certificate toX509(X509CertificateHolder holder) throws GeneralSecurityException {
    return new JcaX509CertificateConverter().setProvider(provider).getCertificate(holder);
  }

  /** Every certificate of a CMS store that converts, skipping broken ones. */
  public List<X509Certificate> certificates(Store<X509CertificateHolder> store) {
    List<X509Certificate> out = new ArrayList<>();
    if (store == null) {
      return out;
    }
    for (X509CertificateHolder h : store.getMatches(null)) {
      try {
        out.add(toX509(h));
      } catch (GeneralSecurityException | RuntimeException e) {
        // a malformed extra certificate cannot help build a chain
      }
    }
    return out;
  }

  /** Digest of the bytes written to the returned sink. */
  public DigestCalculator digest(ASN1ObjectIdentifier algorithm) throws OperatorCreationException {
    return digests.get(new AlgorithmIdentifier(algorithm));
  }

  public DigestCalculatorProvider digestProvider() {
    return digests;
  }

  public byte[] digest(ASN1ObjectIdentifier algorithm, byte[] data)
      throws OperatorCreationException, IOException {
    DigestCalculator calc = digest(algorithm);
    try (OutputStream out = calc.getOutputStream()) {
      out.write(data);
    }
    return calc.getDigest();
  }

  public byte[] digest(ASN1ObjectIdentifier algorithm, InputStream data)
      throws OperatorCreationException, IOException {
    DigestCalculator calc = digest(algorithm);
    try (OutputStream out = calc.getOutputStream()) {
      data.transferTo(out);
    }
    return calc.getDigest();
  }

  /** The subject's common name, or the whole subject when it has none. */
  public static String commonName(X500Name subject) {
    RDN[] cn = subject.getRDNs(BCStyle.CN);
    if (cn.length > 0 && cn[0].getFirst() != null) {
      return IETFUtils.valueToString(cn[0].getFirst().getValue());
    }
    return subject.toString();
  }

  public static String commonName(X509Certificate cert) {
    return commonName(X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()));
  }

  public static boolean sameBytes(byte[] a, byte[] b) {
    return a != null && b != null && Arrays.equals(a, b);
  }

  /** True when the exception chain says an algorithm is not supported. */
  public static boolean unsupportedAlgorithm(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OperatorCreationException
          || t instanceof java.security.NoSuchAlgorithmException) {
        return true;
      }
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("unknown") && m.contains("algorithm")
          || m.contains("not supported")
          || m.contains("no such algorithm")) {
        return true;
      }
    }
    return false;
  }
}
