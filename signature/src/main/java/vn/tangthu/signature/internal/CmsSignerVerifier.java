package vn.tangthu.signature.internal;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.util.Store;
import vn.tangthu.signature.Integrity;
import vn.tangthu.signature.TimestampStatus;
import vn.tangthu.signature.Trust;
import vn.tangthu.signature.TrustStore;

/**
 * Verifies every SignerInfo of a CMS SignedData, counter-signatures included: integrity of the
 * signed content, RFC 3161 signature timestamps, claimed signing time and the signer's chain.
 * Thread-safe.
 */
public final class CmsSignerVerifier {
  private static final int MAX_COUNTER_DEPTH = 4;
  private static final ASN1ObjectIdentifier ADBE_REVOCATION =
      new ASN1ObjectIdentifier("1.2.840.113583.1.1.8");

  private final Crypto crypto;
  private final ChainValidator chains;
  private final TimestampChecker timestamps;
  private final ArchiveTimestamps archiveTimestamps;
  private final TrustStore store;
  private final Clock clock;

  public CmsSignerVerifier(
      Crypto crypto,
      ChainValidator chains,
      TimestampChecker timestamps,
      TrustStore store,
      Clock clock) {
    this.crypto = crypto;
    this.chains = chains;
    this.timestamps = timestamps;
    this.archiveTimestamps = new ArchiveTimestamps(crypto, timestamps);
    this.store = store;
    this.clock = clock;
  }

  /**
   * Verifies all signers. When {@code contentAvailable} is false (detached signature without its
   * data) integrity is {@code UNKNOWN}; everything else is still checked.
   */
  public List<SignerOutcome> verifyAll(CMSSignedData sd, boolean contentAvailable) {
    List<SignerOutcome> out = new ArrayList<>();
    Store<X509CertificateHolder> certs = sd.getCertificates();
    List<X509Certificate> pool = crypto.certificates(certs);
    List<X509CRL> crls = embeddedCrls(sd);
    for (SignerInformation si : sd.getSignerInfos().getSigners()) {
      collect(sd, si, certs, pool, crls, contentAvailable, 0, out);
    }
    return out;
  }

  private void collect(
      CMSSignedData sd,
      SignerInformation si,
      Store<X509CertificateHolder> certs,
      List<X509Certificate> pool,
      List<X509CRL> crls,
      boolean content,
      int depth,
      List<SignerOutcome> out) {
    SignerOutcome outcome = verify(si, certs, pool, crls, content || depth > 0, depth > 0);
    out.add(depth == 0 ? withArchiveTimestamps(outcome, sd, si, content) : outcome);
    if (depth >= MAX_COUNTER_DEPTH) {
      return;
    }
    for (SignerInformation counter : si.getCounterSignatures().getSigners()) {
      collect(sd, counter, certs, pool, crls, content, depth + 1, out);
    }
  }

  private SignerOutcome withArchiveTimestamps(
      SignerOutcome o, CMSSignedData sd, SignerInformation si, boolean content) {
    List<TimestampChecker.Result> archive = archiveTimestamps.check(sd, si, content);
    TimestampStatus status = o.timestamp();
    List<Text> why = new ArrayList<>(List.of(o.why()));
    for (TimestampChecker.Result r : archive) {
      if (r.status() == TimestampStatus.INVALID) {
        status = TimestampStatus.INVALID;
        why.add(new Text("Archive timestamp:", "Dấu thời gian lưu trữ:"));
        why.add(r.why());
      } else if (r.status() == TimestampStatus.VALID && status == TimestampStatus.NONE) {
        status = TimestampStatus.VALID;
      }
    }
    return new SignerOutcome(
        o.integrity(), o.trust(), status, o.signer(), o.signingTime(), Text.join(why));
  }

  /** Verifies one SignerInfo. Never throws. */
  public SignerOutcome verify(
      SignerInformation si,
      Store<X509CertificateHolder> certs,
      List<X509Certificate> pool,
      List<X509CRL> crls,
      boolean contentAvailable,
      boolean counter) {
    X509Certificate cert = signerCertificate(si, certs);
    List<Text> why = new ArrayList<>();
    if (counter) {
      why.add(new Text("Counter-signature.", "Chữ ký xác nhận (ký chồng)."));
    }
    Integrity integrity = integrity(si, cert, contentAvailable, why);
    Instant claimed = claimedSigningTime(si);
    TimestampChecker.Result ts = signatureTimestamp(si);
    TimestampStatus tsStatus = ts == null ? TimestampStatus.NONE : ts.status();
    if (ts != null) {
      why.add(ts.why());
    }
    Instant signingTime = ts != null && ts.trustedTime() ? ts.genTime() : claimed;
    Trust trust = Trust.UNKNOWN;
    if (cert != null) {
      Instant at =
          signingTime == null || signingTime.isAfter(clock.instant())
              ? clock.instant()
              : signingTime;
      List<X509CRL> all = new ArrayList<>(crls);
      all.addAll(adobeRevocationCrls(si));
      ChainValidator.Result r = chains.validate(cert, pool, at, all);
      trust = r.trust();
      why.add(r.why());
    }
    String signer = cert == null ? null : Crypto.commonName(cert);
    return new SignerOutcome(integrity, trust, tsStatus, signer, signingTime, Text.join(why));
  }

  private Integrity integrity(
      SignerInformation si, X509Certificate cert, boolean contentAvailable, List<Text> why) {
    if (cert == null) {
      why.add(
          new Text(
              "The signer's certificate is not included, so the signature cannot be checked.",
              "Không kèm chứng thư số của người ký nên không kiểm tra được chữ ký."));
      return Integrity.UNKNOWN;
    }
    Text malformedFirst = malformed(si);
    if (malformedFirst != null) {
      why.add(malformedFirst);
      return Integrity.BROKEN;
    }
    if (!contentAvailable) {
      why.add(
          new Text(
              "The signed document was not supplied with this separate signature, so it cannot be"
                  + " checked.",
              "Không có tài liệu đã ký đi kèm chữ ký rời này nên không kiểm tra được."));
      return Integrity.UNKNOWN;
    }
    try {
      if (si.verify(crypto.verifier(cert.getPublicKey()))) {
        why.add(
            new Text(
                "The signed content is unchanged since it was signed.",
                "Nội dung đã ký không bị thay đổi kể từ khi ký."));
        return Integrity.INTACT;
      }
      why.add(
          new Text(
              "The signature value does not match: the signature or the signed data was altered.",
              "Giá trị chữ ký không khớp: chữ ký hoặc dữ liệu đã ký bị thay đổi."));
      return Integrity.BROKEN;
    } catch (CMSSignerDigestMismatchException e) {
      why.add(
          new Text(
              "The content was changed after it was signed.",
              "Nội dung đã bị thay đổi sau khi ký."));
      return Integrity.BROKEN;
    } catch (Exception e) {
      if (Crypto.unsupportedAlgorithm(e)) {
        why.add(
            new Text(
                "The signature uses an algorithm this archive cannot check.",
                "Chữ ký dùng thuật toán mà hệ thống chưa kiểm tra được."));
        return Integrity.UNKNOWN;
      }
      why.add(
          new Text(
              "The signature is malformed and cannot be verified.",
              "Chữ ký sai định dạng, không xác minh được."));
      return Integrity.BROKEN;
    }
  }

  /** Structural faults that make a SignerInfo invalid whatever the content. */
  private static Text malformed(SignerInformation si) {
    String digestName =
        new DefaultAlgorithmNameFinder()
            .getAlgorithmName(new ASN1ObjectIdentifier(si.getDigestAlgOID()));
    if (digestName.toUpperCase(java.util.Locale.ROOT).contains("WITH")) {
      return new Text(
          "The signature declares an invalid digest algorithm (" + digestName + ").",
          "Chữ ký khai báo thuật toán băm không hợp lệ (" + digestName + ").");
    }
    ASN1Set signed = si.toASN1Structure().getAuthenticatedAttributes();
    if (signed != null) {
      Set<ASN1ObjectIdentifier> seen = new HashSet<>();
      for (int i = 0; i < signed.size(); i++) {
        Attribute a = Attribute.getInstance(signed.getObjectAt(i));
        boolean singleValued =
            a.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_contentType)
                || a.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_messageDigest)
                || a.getAttrType().equals(PKCSObjectIdentifiers.pkcs_9_at_signingTime);
        if (singleValued && (!seen.add(a.getAttrType()) || a.getAttrValues().size() != 1)) {
          return new Text(
              "The signature is malformed: a signed attribute is repeated.",
              "Chữ ký sai định dạng: một thuộc tính được ký bị lặp lại.");
        }
      }
    }
    return null;
  }

  /** CRLs in the SignedData's crls field (unverified here; the chain validator checks them). */
  private List<X509CRL> embeddedCrls(CMSSignedData sd) {
    List<X509CRL> out = new ArrayList<>();
    try {
      for (X509CRLHolder h : sd.getCRLs().getMatches(null)) {
        out.add(new JcaX509CRLConverter().setProvider(crypto.provider()).getCRL(h));
      }
    } catch (Exception | LinkageError e) {
      // unreadable embedded revocation data is simply not used
    }
    return out;
  }

  /** CRLs of the adbe-revocationInfoArchival signed attribute (PDF signatures, PAdES-LT style). */
  private List<X509CRL> adobeRevocationCrls(SignerInformation si) {
    List<X509CRL> out = new ArrayList<>();
    AttributeTable signed = si.getSignedAttributes();
    Attribute a = signed == null ? null : signed.get(ADBE_REVOCATION);
    if (a == null || a.getAttrValues().size() == 0) {
      return out;
    }
    try {
      ASN1Sequence info = ASN1Sequence.getInstance(a.getAttrValues().getObjectAt(0));
      for (ASN1Encodable e : info) {
        ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(e);
        if (tagged.getTagNo() != 0) {
          continue;
        }
        for (ASN1Encodable crl : ASN1Sequence.getInstance(tagged.getExplicitBaseObject())) {
          out.add(
              new JcaX509CRLConverter()
                  .setProvider(crypto.provider())
                  .getCRL(new X509CRLHolder(CertificateList.getInstance(crl))));
        }
      }
    } catch (Exception e) {
      // unreadable revocation data is simply not used
    }
    return out;
  }

  private X509Certificate signerCertificate(
      SignerInformation si, Store<X509CertificateHolder> certs) {
    try {
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> found = certs.getMatches(si.getSID());
      if (!found.isEmpty()) {
        return crypto.toX509(found.iterator().next());
      }
      for (X509Certificate anchor : store.anchors()) {
        if (si.getSID().match(new X509CertificateHolder(anchor.getEncoded()))) {
          return anchor;
        }
      }
    } catch (Exception e) {
      return null;
    }
    return null;
  }

  private static Instant claimedSigningTime(SignerInformation si) {
    AttributeTable signed = si.getSignedAttributes();
    if (signed == null) {
      return null;
    }
    Attribute a = signed.get(PKCSObjectIdentifiers.pkcs_9_at_signingTime);
    if (a == null || a.getAttrValues().size() == 0) {
      return null;
    }
    try {
      return Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private TimestampChecker.Result signatureTimestamp(SignerInformation si) {
    AttributeTable unsigned = si.getUnsignedAttributes();
    if (unsigned == null) {
      return null;
    }
    TimestampChecker.Result best = null;
    org.bouncycastle.asn1.ASN1EncodableVector all =
        unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    for (int i = 0; i < all.size(); i++) {
      Attribute a = Attribute.getInstance(all.get(i));
      for (ASN1Encodable value : a.getAttrValues().toArray()) {
        TimestampChecker.Result r;
        try {
          byte[] der = value.toASN1Primitive().getEncoded();
          r = timestamps.check(der, alg -> crypto.digest(alg, si.getSignature()));
        } catch (Exception e) {
          r = timestamps.check(new byte[0], alg -> new byte[0]);
        }
        best = worse(best, r);
      }
    }
    return best;
  }

  /** Keeps INVALID over anything; among others prefers a trusted, then valid result. */
  private static TimestampChecker.Result worse(
      TimestampChecker.Result a, TimestampChecker.Result b) {
    if (a == null) {
      return b;
    }
    if (a.status() == TimestampStatus.INVALID) {
      return a;
    }
    if (b.status() == TimestampStatus.INVALID) {
      return b;
    }
    if (a.trustedTime()) {
      return a;
    }
    return b.trustedTime() || a.status() != TimestampStatus.VALID ? b : a;
  }
}
