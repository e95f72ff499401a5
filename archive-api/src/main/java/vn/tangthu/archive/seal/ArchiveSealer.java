package vn.tangthu.archive.seal;

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
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The archive's seal over bytes: a DER CMS SignedData with the content embedded, SHA256withECDSA by
 * the current archive key, a signing-time attribute from the injected clock and the signer's
 * certificate included. Receipts and retention certificates are both sealed this way. Thread-safe.
 */
public final class ArchiveSealer {

  /** A seal and the identity that made it. */
  public record Seal(byte[] cms, SigningIdentity signer) {}

  private final ArchiveKeys keys;
  private final Clock clock;
  private final Provider provider = new BouncyCastleProvider();

  public ArchiveSealer(ArchiveKeys keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Seals {@code content} with the current archive key.
   *
   * @throws IllegalStateException when the key cannot sign
   */
  public Seal seal(byte[] content) {
    SigningIdentity who = keys.archive();
    try {
      ASN1EncodableVector attrs = new ASN1EncodableVector();
      attrs.add(
          new Attribute(
              CMSAttributes.signingTime,
              new DERSet(new Time(java.util.Date.from(clock.instant())))));
      CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
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
      return new Seal(
          gen.generate(new CMSProcessableByteArray(content), true).getEncoded("DER"), who);
    } catch (Exception e) {
      throw new IllegalStateException("cannot seal with the archive key", e);
    }
  }
}
