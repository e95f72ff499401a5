package vn.tangthu.archive.sweep;

import java.security.Provider;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.tangthu.archive.seal.ArchiveKeys;
import vn.tangthu.archive.seal.SigningIdentity;

/**
 * Signs a certificate's canonical bytes with the archive's current key, the way ingest receipts are
 * signed: a DER CMS SignedData with the content embedded, SHA256withECDSA, a signing-time attribute
 * and the signer's certificate included. Thread-safe.
 */
public final class CertificateSealer {

  /** A signature and the identity that made it. */
  public record Seal(byte[] cms, SigningIdentity signer) {}

  private final ArchiveKeys keys;
  private final Clock clock;
  private final Provider provider = new BouncyCastleProvider();

  public CertificateSealer(ArchiveKeys keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Signs {@code content}.
   *
   * @throws IllegalStateException when the key cannot sign
   */
  public Seal seal(byte[] content) {
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
      return new Seal(signed.getEncoded("DER"), who);
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign a retention certificate", e);
    }
  }

  /** The certificate of the archive key with this key id, if published. */
  public java.util.Optional<SigningIdentity> identity(String keyId) {
    return keys.history(vn.tangthu.archive.seal.KeyRole.ARCHIVE).stream()
        .filter(i -> i.keyId().equals(keyId))
        .findFirst();
  }
}
