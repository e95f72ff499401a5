package vn.tangthu.archive.evidence;

import java.math.BigInteger;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import vn.tangthu.archive.seal.ArchiveKeys;
import vn.tangthu.archive.seal.SigningIdentity;

/**
 * The archive's own RFC 3161 timestamp authority, signing with the current timestamp-authority key
 * of {@link ArchiveKeys} (its certificate and ESSCertIDv2 are embedded in every token). Time comes
 * from the injected clock. Thread-safe.
 */
public final class TimestampAuthority {
  /** Policy of the archive's TSA: 2.25 (UUID arc) + a fixed UUID. */
  public static final ASN1ObjectIdentifier POLICY =
      new ASN1ObjectIdentifier("2.25.216934127339181727346262893719513958417");

  private final ArchiveKeys keys;
  private final Clock clock;
  private final Provider provider = new BouncyCastleProvider();
  private final SecureRandom random = new SecureRandom();

  public TimestampAuthority(ArchiveKeys keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Answers an RFC 3161 request (granted, or rejected for an unaccepted digest algorithm).
   *
   * @throws TSPException if the response cannot be produced
   */
  public TimeStampResponse respond(TimeStampRequest request) throws TSPException {
    SigningIdentity tsa = keys.timestampAuthority();
    Date now = Date.from(clock.instant());
    try {
      DigestCalculator certDigest =
          new JcaDigestCalculatorProviderBuilder()
              .setProvider(provider)
              .build()
              .get(
                  new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                      NISTObjectIdentifiers.id_sha256));
      TimeStampTokenGenerator gen =
          new TimeStampTokenGenerator(
              new JcaSimpleSignerInfoGeneratorBuilder()
                  .setProvider(provider)
                  .setSignedAttributeGenerator(signingTime(now))
                  .build("SHA256withECDSA", tsa.privateKey(), tsa.certificate()),
              certDigest,
              POLICY);
      gen.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
      TimeStampResponseGenerator responder =
          new TimeStampResponseGenerator(gen, TSPAlgorithms.ALLOWED);
      BigInteger serial;
      synchronized (random) {
        serial = new BigInteger(96, random);
      }
      return responder.generate(request, serial, now);
    } catch (TSPException e) {
      throw e;
    } catch (Exception e) {
      throw new TSPException("cannot issue a timestamp: " + e.getMessage(), e);
    }
  }

  /** The CMS signing time from the injected clock (Bouncy Castle would take the system's). */
  private static DefaultSignedAttributeTableGenerator signingTime(Date now) {
    return new DefaultSignedAttributeTableGenerator(
        new AttributeTable(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(now)))));
  }

  /**
   * Timestamps a digest.
   *
   * @param algorithm the digest algorithm, e.g. {@link NISTObjectIdentifiers#id_sha256}
   * @return the token
   * @throws TSPException if the token cannot be produced
   */
  public TimeStampToken timestamp(ASN1ObjectIdentifier algorithm, byte[] digest)
      throws TSPException {
    TimeStampRequestGenerator req = new TimeStampRequestGenerator();
    req.setCertReq(true);
    TimeStampResponse resp = respond(req.generate(algorithm, digest));
    if (resp.getTimeStampToken() == null) {
      throw new TSPException("timestamp refused: " + resp.getStatusString());
    }
    return resp.getTimeStampToken();
  }
}
