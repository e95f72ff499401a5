package vn.tangthu.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A throw-away PKI for tests: root CA, intermediate CA, signer, timestamp authority (EC P-256),
 * CRLs, CMS signatures with optional RFC 3161 signature timestamps.
 *
 * <p>Public for archive-api's tests, which use it through this module's test jar.
 */
public final class TestPki {
  static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2030-01-01T00:00:00Z");

  private static final Provider BC = new BouncyCastleProvider();
  private static final AtomicLong SERIAL = new AtomicLong(1000);

  /** A key pair and its certificate. */
  public record Entity(KeyPair keys, X509Certificate cert) {}

  public final Entity root;
  final Entity intermediate;
  final Entity signer;
  final Entity tsa;

  public TestPki(String name) throws Exception {
    root = issue("CN=" + name + " Root CA", null, Role.CA);
    intermediate = issue("CN=" + name + " Issuing CA", root, Role.CA);
    signer = issue("CN=Nguyễn Văn An,O=UBND tỉnh Bắc Ninh,C=VN", intermediate, Role.SIGNER);
    tsa = issue("CN=" + name + " TSA", root, Role.TSA);
  }

  enum Role {
    CA,
    SIGNER,
    TSA
  }

  static Entity issue(String subject, Entity issuer, Role role) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
    g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    KeyPair kp = g.generateKeyPair();
    X500Name name = new X500Name(subject);
    X500Name issuerName =
        issuer == null
            ? name
            : JcaX509CertificateHolder.class
                .cast(new JcaX509CertificateHolder(issuer.cert()))
                .getSubject();
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            issuerName,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(NOT_BEFORE),
            Date.from(NOT_AFTER),
            name,
            kp.getPublic());
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    b.addExtension(
        Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
    if (issuer != null) {
      b.addExtension(
          Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer.cert()));
    }
    switch (role) {
      case CA -> {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      }
      case SIGNER ->
          b.addExtension(
              Extension.keyUsage,
              true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      case TSA -> {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(
            Extension.extendedKeyUsage,
            true,
            new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
      }
    }
    java.security.PrivateKey signingKey =
        issuer == null ? kp.getPrivate() : issuer.keys().getPrivate();
    X509Certificate cert =
        new JcaX509CertificateConverter()
            .setProvider(BC)
            .getCertificate(
                b.build(
                    new JcaContentSignerBuilder("SHA256withECDSA")
                        .setProvider(BC)
                        .build(signingKey)));
    return new Entity(kp, cert);
  }

  /** A CRL of the intermediate CA revoking the signer at {@code revokedAt}. */
  X509CRL crlRevokingSigner(Instant revokedAt, Instant thisUpdate) throws Exception {
    X509v2CRLBuilder b =
        new X509v2CRLBuilder(
            new JcaX509CertificateHolder(intermediate.cert()).getSubject(), Date.from(thisUpdate));
    b.setNextUpdate(Date.from(thisUpdate.plusSeconds(86400L * 365)));
    b.addCRLEntry(signer.cert().getSerialNumber(), Date.from(revokedAt), CRLReason.keyCompromise);
    return new JcaX509CRLConverter()
        .setProvider(BC)
        .getCRL(
            b.build(
                new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(BC)
                    .build(intermediate.keys().getPrivate())));
  }

  List<X509Certificate> chain() {
    return List.of(signer.cert(), intermediate.cert(), root.cert());
  }

  /** A detached (or enveloping) CMS signature by the signer, claimed signing time {@code at}. */
  CMSSignedData sign(byte[] content, Instant at, boolean encapsulate) throws Exception {
    CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
    ASN1EncodableVector attrs = new ASN1EncodableVector();
    attrs.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(at)))));
    gen.addSignerInfoGenerator(
        new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
            .setSignedAttributeGenerator(
                new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)))
            .build(
                new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(BC)
                    .build(signer.keys().getPrivate()),
                signer.cert()));
    gen.addCertificates(
        new JcaCertStore(new ArrayList<>(List.of(signer.cert(), intermediate.cert()))));
    return gen.generate(new CMSProcessableByteArray(content), encapsulate);
  }

  /** An RFC 3161 token from the test TSA over SHA-256 of {@code data}, issued at {@code at}. */
  TimeStampToken timestamp(byte[] data, Instant at) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
    TimeStampTokenGenerator gen =
        new TimeStampTokenGenerator(
            new JcaSimpleSignerInfoGeneratorBuilder()
                .setProvider(BC)
                .build("SHA256withECDSA", tsa.keys().getPrivate(), tsa.cert()),
            new JcaDigestCalculatorProviderBuilder()
                .setProvider(BC)
                .build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
            new ASN1ObjectIdentifier("1.2.3.4.1"));
    gen.addCertificates(new JcaCertStore(List.of(tsa.cert())));
    TimeStampRequestGenerator req = new TimeStampRequestGenerator();
    req.setCertReq(true);
    return new TimeStampResponseGenerator(gen, TSPAlgorithms.ALLOWED)
        .generate(
            req.generate(TSPAlgorithms.SHA256, digest),
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(at))
        .getTimeStampToken();
  }

  /** Adds {@code token} as the signature-timestamp unsigned attribute of every signer. */
  static CMSSignedData withTimestamp(CMSSignedData sd, TimeStampToken token) throws Exception {
    List<SignerInformation> out = new ArrayList<>();
    for (SignerInformation si : sd.getSignerInfos().getSigners()) {
      ASN1EncodableVector v = new ASN1EncodableVector();
      v.add(
          new Attribute(
              PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
              new DERSet(token.toCMSSignedData().toASN1Structure())));
      out.add(SignerInformation.replaceUnsignedAttributes(si, new AttributeTable(v)));
    }
    return CMSSignedData.replaceSigners(sd, new SignerInformationStore(out));
  }

  /** Signs and timestamps the signature value (a CAdES-T style signature). */
  CMSSignedData signWithTimestamp(byte[] content, Instant at, Instant tsTime, boolean encapsulate)
      throws Exception {
    CMSSignedData sd = sign(content, at, encapsulate);
    SignerInformation si = sd.getSignerInfos().getSigners().iterator().next();
    return withTimestamp(sd, timestamp(si.getSignature(), tsTime));
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}
