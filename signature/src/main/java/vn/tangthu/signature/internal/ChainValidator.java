package vn.tangthu.signature.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.tangthu.signature.Trust;
import vn.tangthu.signature.TrustStore;

/**
 * Builds a certificate path from a signer certificate to a trust anchor, valid at a given time, and
 * checks every certificate of the path against the configured CRLs. Thread-safe.
 */
public final class ChainValidator {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final TrustStore store;
  private final Crypto crypto;
  private final Set<TrustAnchor> anchors = new HashSet<>();

  public ChainValidator(TrustStore store, Crypto crypto) {
    this.store = store;
    this.crypto = crypto;
    for (X509Certificate c : store.anchors()) {
      anchors.add(new TrustAnchor(c, null));
    }
  }

  /** The outcome: a trust value and why. */
  public record Result(Trust trust, Text why) {}

  /** Validates {@code cert} at {@code at}, using {@code extra} certificates as intermediates. */
  public Result validate(X509Certificate cert, Collection<X509Certificate> extra, Instant at) {
    return validate(cert, extra, at, List.of());
  }

  /**
   * Validates {@code cert} at {@code at}; {@code extraCrls} (for instance those embedded in the
   * signature) are used besides the configured ones, each only if its issuer's signature verifies.
   */
  public Result validate(
      X509Certificate cert,
      Collection<X509Certificate> extra,
      Instant at,
      Collection<X509CRL> extraCrls) {
    if (anchors.isEmpty()) {
      return new Result(
          Trust.UNTRUSTED,
          new Text(
              "No trusted root certificate is configured, so the signer cannot be trusted.",
              "Chưa cấu hình chứng thư số gốc tin cậy nên không thể xác nhận người ký."));
    }
    List<X509Certificate> path;
    try {
      path = buildPath(cert, extra, at);
    } catch (CertPathBuilderException e) {
      return untrustedBecause(e, at);
    } catch (GeneralSecurityException | RuntimeException e) {
      return new Result(
          Trust.UNTRUSTED,
          new Text(
              "The signer's certificate chain could not be checked.",
              "Không kiểm tra được chuỗi chứng thư số của người ký."));
    }
    List<X509CRL> crls = new ArrayList<>(store.crls());
    crls.addAll(extraCrls);
    return checkRevocation(path, at, crls);
  }

  private List<X509Certificate> buildPath(
      X509Certificate cert, Collection<X509Certificate> extra, Instant at)
      throws GeneralSecurityException {
    List<X509Certificate> path = new ArrayList<>();
    for (TrustAnchor a : anchors) {
      if (a.getTrustedCert().equals(cert)) {
        if (!validAt(cert, at)) {
          throw new CertPathBuilderException(new CertificateExpiredException("anchor"));
        }
        path.add(cert);
        return path;
      }
    }
    X509CertSelector target = new X509CertSelector();
    target.setCertificate(cert);
    PKIXBuilderParameters params = params(target);
    List<Certificate> pool = new ArrayList<>(extra);
    pool.add(cert);
    pool.addAll(store.anchors());
    params.addCertStore(
        CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(at));
    params.setMaxPathLength(10);
    PKIXCertPathBuilderResult result =
        (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
    for (Certificate c : result.getCertPath().getCertificates()) {
      path.add((X509Certificate) c);
    }
    path.add(result.getTrustAnchor().getTrustedCert());
    return path;
  }

  private PKIXBuilderParameters params(X509CertSelector target)
      throws InvalidAlgorithmParameterException {
    return new PKIXBuilderParameters(anchors, target);
  }

  private static boolean validAt(X509Certificate cert, Instant at) {
    try {
      cert.checkValidity(Date.from(at));
      return true;
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      return false;
    }
  }

  private Result untrustedBecause(CertPathBuilderException e, Instant at) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException
          || t instanceof CertificateNotYetValidException) {
        return new Result(
            Trust.UNTRUSTED,
            new Text(
                "A certificate of the signer's chain was not valid at the signing time "
                    + DAY.format(at)
                    + ".",
                "Một chứng thư số trong chuỗi của người ký không còn hiệu lực tại thời điểm ký "
                    + DAY.format(at)
                    + "."));
      }
    }
    return new Result(
        Trust.UNTRUSTED,
        new Text(
            "The signer's certificate does not lead to a trusted root certificate.",
            "Chứng thư số của người ký không dẫn tới chứng thư số gốc được tin cậy."));
  }

  private Result checkRevocation(List<X509Certificate> path, Instant at, List<X509CRL> crls) {
    boolean checked = false;
    for (int i = 0; i + 1 < path.size(); i++) {
      X509Certificate cert = path.get(i);
      X509Certificate issuer = path.get(i + 1);
      for (X509CRL crl : crls) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
            || !signedBy(crl, issuer)) {
          continue;
        }
        checked |= i == 0;
        X509CRLEntry entry = crl.getRevokedCertificate(cert);
        if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
          String when = DAY.format(entry.getRevocationDate().toInstant());
          return new Result(
              Trust.UNTRUSTED,
              new Text(
                  "The certificate of \""
                      + Crypto.commonName(cert)
                      + "\" was revoked on "
                      + when
                      + ", before the signing time.",
                  "Chứng thư số của \""
                      + Crypto.commonName(cert)
                      + "\" đã bị thu hồi ngày "
                      + when
                      + ", trước thời điểm ký."));
        }
      }
    }
    Text ok =
        checked
            ? new Text(
                "The signer's certificate chain is trusted and was not revoked at the signing time.",
                "Chuỗi chứng thư số của người ký được tin cậy và chưa bị thu hồi tại thời điểm ký.")
            : new Text(
                "The signer's certificate chain is trusted; no revocation list was available to"
                    + " check it.",
                "Chuỗi chứng thư số của người ký được tin cậy; không có danh sách thu hồi để kiểm"
                    + " tra.");
    return new Result(Trust.TRUSTED, ok);
  }

  private boolean signedBy(X509CRL crl, X509Certificate issuer) {
    try {
      crl.verify(issuer.getPublicKey(), crypto.provider());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
