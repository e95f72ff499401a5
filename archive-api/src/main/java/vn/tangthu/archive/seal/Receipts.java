package vn.tangthu.archive.seal;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
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
   * Verifies a receipt against this archive's published certificates, old ones included. Never
   * throws for bad input.
   */
  public ReceiptCheck verify(String receipt) {
    return new ReceiptVerifier(
            keys.history(KeyRole.ARCHIVE).stream().map(SigningIdentity::certificate).toList())
        .verify(receipt);
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
