package vn.tangthu.archive.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.ArchiveTimeStampChain;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStamp;
import org.bouncycastle.tsp.ers.ERSArchiveTimeStampGenerator;
import org.bouncycastle.tsp.ers.ERSByteData;
import org.bouncycastle.tsp.ers.ERSData;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.bouncycastle.tsp.ers.ERSEvidenceRecordGenerator;
import vn.tangthu.archive.seal.ArchiveKeys;
import vn.tangthu.archive.seal.KeyRole;
import vn.tangthu.archive.seal.SigningIdentity;

/**
 * RFC 4998 evidence records (Bouncy Castle {@code org.bouncycastle.tsp.ers}) timestamped by the
 * archive's {@link TimestampAuthority}. A batch's hash tree has one leaf per record (the SHA-256 of
 * its bytes) plus, optionally, the audit chain head; its root is timestamped once and each record
 * gets its own evidence record (the reduced hash tree and the timestamp).
 *
 * <p>Renewal: {@link #renewTimestamp} adds a timestamp over the previous one (before the TSA
 * certificate expires); {@link #renewHash} re-hashes the record with a new digest algorithm and
 * starts a new chain. Both keep the earlier timestamps, so old evidence remains verifiable.
 * Thread-safe.
 */
public final class EvidenceRecords {
  private final TimestampAuthority tsa;
  private final ArchiveKeys keys;
  private final Clock clock;
  private final DigestCalculatorProvider digests;
  private final java.security.Provider provider = new BouncyCastleProvider();

  public EvidenceRecords(TimestampAuthority tsa, ArchiveKeys keys, Clock clock) {
    this.tsa = Objects.requireNonNull(tsa, "tsa");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(provider).build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The most records {@link #seal} takes at once. Bouncy Castle builds a tree's sorted node lists
   * as linked lists indexed by position, so its cost grows with the cube of the leaves: 4,000
   * leaves take 44 s of CPU, 10,000 about 11 minutes; 512 leaves in descending order (see {@link
   * Leaves}) a tenth of a second.
   */
  public static final int MAX_BATCH = 512;

  /**
   * Builds and timestamps the hash tree of a batch. Records with the same bytes share one leaf.
   *
   * @param items the records, at most {@link #MAX_BATCH} (at least one item or an audit head)
   * @param auditHead the audit chain head bytes, or null
   * @throws IllegalArgumentException for more than {@link #MAX_BATCH} items, or nothing to seal
   * @throws EvidenceException if the timestamp cannot be obtained or the tree cannot be built
   */
  public EvidenceBatch seal(List<EvidenceItem> items, byte[] auditHead) throws EvidenceException {
    if (items.isEmpty() && auditHead == null) {
      throw new IllegalArgumentException("nothing to seal");
    }
    if (items.size() > MAX_BATCH) {
      throw new IllegalArgumentException("at most " + MAX_BATCH + " records are sealed at once");
    }
    try {
      DigestCalculator sha256 = digest(NISTObjectIdentifiers.id_sha256);
      Leaves leaves = Leaves.of(items, auditHead, sha256);
      ERSArchiveTimeStampGenerator gen = new ERSArchiveTimeStampGenerator(sha256);
      gen.addAllData(leaves.data());
      TimeStampRequestGenerator reqGen = new TimeStampRequestGenerator();
      reqGen.setCertReq(true);
      TimeStampResponse resp = tsa.respond(gen.generateTimeStampRequest(reqGen));
      List<ERSArchiveTimeStamp> stamps = gen.generateArchiveTimeStamps(resp);
      Date at = resp.getTimeStampToken().getTimeStampInfo().getGenTime();
      ERSEvidenceRecordGenerator erGen = new ERSEvidenceRecordGenerator(digests);
      byte[][] evidence = new byte[leaves.data().size()][];
      for (int i = 0; i < evidence.length; i++) {
        evidence[i] = erGen.generate(find(stamps, leaves.data().get(i), i, at)).getEncoded();
      }
      Map<String, byte[]> out = new HashMap<>();
      for (int i = 0; i < items.size(); i++) {
        out.put(items.get(i).recordId(), evidence[leaves.ofItem()[i]]);
      }
      byte[] headEvidence = auditHead == null ? null : evidence[leaves.ofHead()];
      byte[] root = resp.getTimeStampToken().getTimeStampInfo().getMessageImprintDigest();
      return new EvidenceBatch(at.toInstant(), HexFormat.of().formatHex(root), out, headEvidence);
    } catch (Exception e) {
      throw new EvidenceException("cannot build the evidence records: " + e.getMessage(), e);
    }
  }

  private static ERSArchiveTimeStamp find(
      List<ERSArchiveTimeStamp> stamps, ERSData leaf, int hint, Date at) throws Exception {
    if (hint < stamps.size() && stamps.get(hint).isContaining(leaf, at)) {
      return stamps.get(hint);
    }
    for (ERSArchiveTimeStamp s : stamps) {
      if (s.isContaining(leaf, at)) {
        return s;
      }
    }
    throw new EvidenceException("no archive timestamp covers a leaf", null);
  }

  /** Checks record bytes given in memory. */
  public EvidenceCheck verify(byte[] evidenceRecord, byte[] recordBytes) {
    return verify(evidenceRecord, new ERSByteData(recordBytes));
  }

  /**
   * Checks record bytes read from a stream (read once, to its end, in one pass computing every
   * digest the evidence record uses; memory use does not grow with the record).
   *
   * @throws IOException if the stream fails
   */
  public EvidenceCheck verify(byte[] evidenceRecord, InputStream recordBytes) throws IOException {
    return verify(evidenceRecord, RecordDigests.of(recordBytes, algorithms(evidenceRecord)));
  }

  /**
   * Checks record bytes known by their digests; {@code digests} must hold every algorithm of {@link
   * #algorithms}.
   */
  public EvidenceCheck verify(byte[] evidenceRecord, RecordDigests digests) {
    return verify(evidenceRecord, new KnownDigests(digests));
  }

  /**
   * The digest algorithms of an evidence record's hash trees (SHA-256 first, then any used by a
   * hash-tree renewal); empty when it cannot be read.
   */
  public Set<ASN1ObjectIdentifier> algorithms(byte[] evidenceRecord) {
    Set<ASN1ObjectIdentifier> out = new LinkedHashSet<>();
    try {
      EvidenceRecord er = EvidenceRecord.getInstance(evidenceRecord);
      for (AlgorithmIdentifier a : er.getDigestAlgorithms()) {
        out.add(a.getAlgorithm());
      }
      for (ArchiveTimeStampChain chain :
          er.getArchiveTimeStampSequence().getArchiveTimeStampChains()) {
        for (ArchiveTimeStamp ats : chain.getArchiveTimestamps()) {
          out.add(ats.getDigestAlgorithmIdentifier().getAlgorithm());
        }
      }
    } catch (RuntimeException e) {
      return Set.of();
    }
    return out;
  }

  /**
   * When the certificate that signed the record's newest timestamp expires, if it is one of the
   * archive's timestamp-authority certificates.
   */
  public Optional<Instant> newestTimestampExpiry(byte[] evidenceRecord) {
    try {
      ERSEvidenceRecord er = new ERSEvidenceRecord(evidenceRecord, digests);
      List<TimeStampToken> tokens = tokens(er);
      TimeStampToken last = tokens.get(tokens.size() - 1);
      for (SigningIdentity id : keys.history(KeyRole.TIMESTAMP_AUTHORITY)) {
        X509CertificateHolder holder = new X509CertificateHolder(id.certificate().getEncoded());
        if (last.getSID().match(holder)) {
          return Optional.of(id.certificate().getNotAfter().toInstant());
        }
      }
    } catch (Exception e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private EvidenceCheck verify(byte[] evidenceRecord, ERSData data) {
    ERSEvidenceRecord er;
    try {
      er = new ERSEvidenceRecord(evidenceRecord, digests);
    } catch (Exception e) {
      return new EvidenceCheck(false, null, "not a readable evidence record");
    }
    List<TimeStampToken> tokens;
    try {
      tokens = tokens(er);
    } catch (Exception e) {
      return new EvidenceCheck(false, null, "the evidence record's timestamps cannot be read");
    }
    Instant first = tokens.get(0).getTimeStampInfo().getGenTime().toInstant();
    try {
      er.validatePresent(data, Date.from(clock.instant()));
    } catch (Exception e) {
      return new EvidenceCheck(false, first, "the bytes are not the ones the evidence protects");
    }
    List<X509Certificate> tsaCerts =
        keys.history(KeyRole.TIMESTAMP_AUTHORITY).stream()
            .map(SigningIdentity::certificate)
            .toList();
    for (TimeStampToken token : tokens) {
      String problem = checkToken(token, tsaCerts);
      if (problem != null) {
        return new EvidenceCheck(false, first, problem);
      }
    }
    return new EvidenceCheck(true, first, null);
  }

  private String checkToken(TimeStampToken token, List<X509Certificate> tsaCerts) {
    for (X509Certificate cert : tsaCerts) {
      try {
        X509CertificateHolder holder = new X509CertificateHolder(cert.getEncoded());
        if (!token.getSID().match(holder)) {
          continue;
        }
        token.validate(
            new JcaSimpleSignerInfoVerifierBuilder().setProvider(provider).build(holder));
        return null;
      } catch (Exception e) {
        return "a timestamp of the evidence record is not valid (" + e.getMessage() + ")";
      }
    }
    return "a timestamp was not issued by the archive's timestamp authority";
  }

  private static List<TimeStampToken> tokens(ERSEvidenceRecord er) throws Exception {
    List<TimeStampToken> out = new ArrayList<>();
    for (ArchiveTimeStampChain chain :
        er.toASN1Structure().getArchiveTimeStampSequence().getArchiveTimeStampChains()) {
      for (ArchiveTimeStamp ats : chain.getArchiveTimestamps()) {
        out.add(new TimeStampToken(new CMSSignedData(ats.getTimeStamp().getEncoded())));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no timestamp");
    }
    return out;
  }

  /**
   * Timestamp renewal (RFC 4998 5.2): a new timestamp over the last one, same digest algorithm.
   *
   * @throws EvidenceException if the record is unreadable or the TSA fails
   */
  public byte[] renewTimestamp(byte[] evidenceRecord) throws EvidenceException {
    try {
      ERSEvidenceRecord er = new ERSEvidenceRecord(evidenceRecord, digests);
      TimeStampRequestGenerator reqGen = new TimeStampRequestGenerator();
      reqGen.setCertReq(true);
      TimeStampResponse resp = tsa.respond(er.generateTimeStampRenewalRequest(reqGen));
      return er.renewTimeStamp(resp).getEncoded();
    } catch (Exception e) {
      throw new EvidenceException("cannot renew the timestamp: " + e.getMessage(), e);
    }
  }

  /**
   * Hash-tree renewal (RFC 4998 5.3): re-hashes the record with {@code algorithm} (e.g. {@link
   * NISTObjectIdentifiers#id_sha512}) together with the previous chains, and timestamps that.
   *
   * @throws EvidenceException if the record is unreadable, the bytes do not match or the TSA fails
   */
  public byte[] renewHash(byte[] evidenceRecord, byte[] recordBytes, ASN1ObjectIdentifier algorithm)
      throws EvidenceException {
    Set<ASN1ObjectIdentifier> algorithms = new LinkedHashSet<>(algorithms(evidenceRecord));
    algorithms.add(algorithm);
    return renewHash(evidenceRecord, RecordDigests.of(recordBytes, algorithms), algorithm);
  }

  /**
   * Hash-tree renewal from the record's digests, which must hold every algorithm of {@link
   * #algorithms} and {@code algorithm}.
   *
   * @throws EvidenceException if the record is unreadable, the bytes do not match or the TSA fails
   */
  public byte[] renewHash(
      byte[] evidenceRecord, RecordDigests recordDigests, ASN1ObjectIdentifier algorithm)
      throws EvidenceException {
    if (recordDigests.get(algorithm) == null) {
      throw new IllegalArgumentException("the digests lack " + RecordDigests.name(algorithm));
    }
    EvidenceCheck before = verify(evidenceRecord, recordDigests);
    if (!before.valid()) {
      throw new EvidenceException("the current evidence does not verify: " + before.reason(), null);
    }
    try {
      ERSEvidenceRecord er = new ERSEvidenceRecord(evidenceRecord, digests);
      ERSData data = new KnownDigests(recordDigests);
      TimeStampRequestGenerator reqGen = new TimeStampRequestGenerator();
      reqGen.setCertReq(true);
      TimeStampResponse resp =
          tsa.respond(er.generateHashRenewalRequest(digest(algorithm), data, reqGen));
      return er.renewHash(digest(algorithm), data, resp).getEncoded();
    } catch (Exception e) {
      throw new EvidenceException("cannot renew the hash tree: " + e.getMessage(), e);
    }
  }

  private DigestCalculator digest(ASN1ObjectIdentifier algorithm) throws OperatorCreationException {
    return digests.get(new AlgorithmIdentifier(algorithm));
  }

  /**
   * Record bytes known by their digests (RFC 4998: with previous chains, the leaf is h(h(data) ||
   * h(previous chains)), as Bouncy Castle's {@code ERSByteData} computes it).
   */
  static final class KnownDigests implements ERSData {
    private final RecordDigests digests;
    private final byte[] sha256Only;

    KnownDigests(RecordDigests digests) {
      this.digests = digests;
      this.sha256Only = null;
    }

    private KnownDigests(byte[] sha256) {
      this.digests = null;
      this.sha256Only = sha256.clone();
    }

    /** A leaf whose SHA-256 is already known (the archive stores it with the record). */
    static KnownDigests sha256(byte[] sha256) {
      return new KnownDigests(sha256);
    }

    @Override
    public byte[] getHash(DigestCalculator calculator, byte[] previousChainsHash) {
      ASN1ObjectIdentifier algorithm = calculator.getAlgorithmIdentifier().getAlgorithm();
      byte[] hash;
      if (digests != null) {
        hash = digests.get(algorithm);
      } else {
        hash = NISTObjectIdentifiers.id_sha256.equals(algorithm) ? sha256Only.clone() : null;
      }
      if (hash == null) {
        throw new IllegalStateException(
            "the record's " + RecordDigests.name(algorithm) + " digest was not computed");
      }
      if (previousChainsHash == null) {
        return hash;
      }
      try (OutputStream out = calculator.getOutputStream()) {
        out.write(hash);
        out.write(previousChainsHash);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return calculator.getDigest();
    }
  }
}
