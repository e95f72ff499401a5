package vn.tangthu.archive.seal;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The contract's ingest {@code receipt}: base64 of a CMS SignedData with the content embedded,
 * signed with the archive key over the UTF-8 bytes of {@code
 * {"id":"…","sha256":"…","createdAt":"…"}} (those keys, that order, no spaces). Thread-safe.
 */
public final class Receipts {
  private final ArchiveKeys keys;
  private final Clock clock;
  private final Provider provider = new BouncyCastleProvider();

  public Receipts(ArchiveKeys keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The exact signed payload. {@code createdAt} is written as ISO-8601 UTC ({@link
   * Instant#toString}).
   */
  public static String payload(String id, String sha256, Instant createdAt) {
    Objects.requireNonNull(createdAt, "createdAt");
    return "{\"id\":"
        + json(Objects.requireNonNull(id, "id"))
        + ",\"sha256\":"
        + json(Objects.requireNonNull(sha256, "sha256"))
        + ",\"createdAt\":"
        + json(createdAt.toString())
        + "}";
  }

  /**
   * Signs a receipt with the current archive key.
   *
   * @return base64 (standard alphabet, no line breaks) of the DER CMS SignedData
   */
  public String sign(String id, String sha256, Instant createdAt) {
    byte[] content = payload(id, sha256, createdAt).getBytes(StandardCharsets.UTF_8);
    SigningIdentity who = keys.archive();
    try {
      CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
      ASN1EncodableVector attrs = new ASN1EncodableVector();
      attrs.add(
          new Attribute(
              CMSAttributes.signingTime,
              new DERSet(new Time(java.util.Date.from(clock.instant())))));
      gen.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder().setProvider(provider).build())
              .setSignedAttributeGenerator(
                  new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)))
              .build(
                  new JcaContentSignerBuilder("SHA256withECDSA")
                      .setProvider(provider)
                      .build(who.privateKey()),
                  who.certificate()));
      gen.addCertificates(new JcaCertStore(List.of(who.certificate())));
      CMSSignedData signed = gen.generate(new CMSProcessableByteArray(content), true);
      return Base64.getEncoder().encodeToString(signed.getEncoded("DER"));
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign a receipt", e);
    }
  }

  /**
   * Verifies a receipt against a list of published archive certificates (for instance the
   * certificates of {@code GET /archive/certificates}). Never throws for bad input.
   */
  public static ReceiptCheck verify(String receipt, Collection<X509Certificate> published) {
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
      try {
        if (!si.getSID().match(new X509CertificateHolder(cert.getEncoded()))) {
          continue;
        }
        boolean ok =
            si.verify(
                new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(new BouncyCastleProvider())
                    .build(cert.getPublicKey()));
        return ok
            ? new ReceiptCheck(true, payload, ArchiveKeys.keyId(cert), null)
            : new ReceiptCheck(
                false, payload, ArchiveKeys.keyId(cert), "the signature does not verify");
      } catch (Exception e) {
        return new ReceiptCheck(
            false, payload, ArchiveKeys.keyId(cert), "the signature does not verify");
      }
    }
    return new ReceiptCheck(false, payload, null, "not signed by a published archive certificate");
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
