package vn.tangthu.archive.seal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The archive's signing key and its timestamp authority's key, each with a self-signed certificate
 * (EC P-256, SHA256withECDSA, valid ten years), kept as PEM files in one directory: {@code
 * archive-0001.key.pem}, {@code archive-0001.crt.pem}, {@code tsa-0001.key.pem}, ... Generated on
 * first start, reloaded afterwards; {@link #rotate} adds a new generation and keeps the old
 * certificates (and keys, so that old tokens can still be renewed).
 *
 * <p>Thread-safe. Private key files are written owner-readable only where the file system supports
 * POSIX permissions.
 */
public final class ArchiveKeys {
  private static final Pattern FILE = Pattern.compile("(archive|tsa)-(\\d{4})\\.crt\\.pem");
  private static final Duration VALIDITY = Duration.ofDays(3653);

  private final Path dir;
  private final Clock clock;
  private final String organisation;
  private final Provider provider = new BouncyCastleProvider();
  private volatile List<Generation> generations;

  private record Generation(KeyRole role, int number, SigningIdentity identity) {}

  private ArchiveKeys(Path dir, Clock clock, String organisation) {
    this.dir = dir;
    this.clock = clock;
    this.organisation = organisation;
  }

  /**
   * Loads the keys under {@code dir}, generating any that is missing.
   *
   * @param organisation the organisation name put in the certificates' subject (e.g. the province's
   *     archive)
   * @throws IOException if the directory cannot be read or written, or a key file is damaged
   */
  public static ArchiveKeys loadOrCreate(Path dir, Clock clock, String organisation)
      throws IOException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(organisation, "organisation");
    ArchiveKeys keys = new ArchiveKeys(dir, clock, organisation);
    Files.createDirectories(dir);
    synchronized (keys) {
      keys.generations = keys.load();
      for (KeyRole role : KeyRole.values()) {
        if (keys.latest(role) == null) {
          keys.generate(role, 1);
        }
      }
      keys.generations = keys.load();
    }
    return keys;
  }

  /** The key currently used to sign receipts. */
  public SigningIdentity archive() {
    return latest(KeyRole.ARCHIVE).identity();
  }

  /** The key currently used by the timestamp authority. */
  public SigningIdentity timestampAuthority() {
    return latest(KeyRole.TIMESTAMP_AUTHORITY).identity();
  }

  /** Every key of a role, oldest first, the current one last. */
  public List<SigningIdentity> history(KeyRole role) {
    return generations.stream().filter(g -> g.role() == role).map(Generation::identity).toList();
  }

  /**
   * Generates a new key and certificate for {@code role}; the old ones stay published.
   *
   * @return the new identity
   * @throws IOException if the files cannot be written
   */
  public synchronized SigningIdentity rotate(KeyRole role) throws IOException {
    generate(role, latest(role).number() + 1);
    generations = load();
    return latest(role).identity();
  }

  /** The published list: every certificate of both roles, oldest first. */
  public ArchiveCertificates certificates() {
    List<ArchiveCertificate> out = new ArrayList<>();
    for (Generation g : generations) {
      X509Certificate c = g.identity().certificate();
      out.add(
          new ArchiveCertificate(
              g.role(),
              g.identity().keyId(),
              pem(c),
              c.getNotBefore().toInstant(),
              c.getNotAfter().toInstant(),
              g == latest(g.role())));
    }
    return new ArchiveCertificates(out);
  }

  /** Every certificate (both roles, all generations). */
  public List<X509Certificate> allCertificates() {
    return generations.stream().map(g -> g.identity().certificate()).toList();
  }

  private Generation latest(KeyRole role) {
    Generation best = null;
    for (Generation g : generations) {
      if (g.role() == role && (best == null || g.number() > best.number())) {
        best = g;
      }
    }
    return best;
  }

  private List<Generation> load() throws IOException {
    List<Generation> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path crt : files.sorted().toList()) {
        Matcher m = FILE.matcher(crt.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        KeyRole role = "tsa".equals(m.group(1)) ? KeyRole.TIMESTAMP_AUTHORITY : KeyRole.ARCHIVE;
        int number = Integer.parseInt(m.group(2));
        Path key = dir.resolve(m.group(1) + "-" + m.group(2) + ".key.pem");
        X509Certificate cert = readCertificate(crt);
        out.add(
            new Generation(
                role, number, new SigningIdentity(role, keyId(cert), readKey(key), cert)));
      }
    }
    out.sort(
        Comparator.comparing((Generation g) -> g.identity().certificate().getNotBefore())
            .thenComparing(g -> g.role())
            .thenComparingInt(Generation::number));
    return List.copyOf(out);
  }

  private void generate(KeyRole role, int number) throws IOException {
    String base =
        (role == KeyRole.ARCHIVE ? "archive" : "tsa") + "-" + String.format("%04d", number);
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC", provider);
      gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = gen.generateKeyPair();
      X509Certificate cert = selfSigned(role, number, pair);
      Path key = dir.resolve(base + ".key.pem");
      writeNew(key, pemOf(pair.getPrivate()), true);
      writeNew(dir.resolve(base + ".crt.pem"), pem(cert), false);
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IOException("cannot generate the " + role + " key", e);
    }
  }

  private X509Certificate selfSigned(KeyRole role, int number, KeyPair pair)
      throws GeneralSecurityException,
          IOException,
          org.bouncycastle.operator.OperatorCreationException {
    Instant now = clock.instant();
    String cn =
        (role == KeyRole.ARCHIVE ? "Archive seal" : "Archive timestamp authority") + " " + number;
    X500Name name = new X500Name("CN=" + escape(cn) + ",O=" + escape(organisation) + ",C=VN");
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(64, new SecureRandom()).setBit(63),
            java.util.Date.from(now.minus(Duration.ofMinutes(5))),
            java.util.Date.from(now.plus(VALIDITY)),
            name,
            pair.getPublic());
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    b.addExtension(
        Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    if (role == KeyRole.TIMESTAMP_AUTHORITY) {
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(
          Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    } else {
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    }
    X509CertificateHolder holder =
        b.build(
            new JcaContentSignerBuilder("SHA256withECDSA")
                .setProvider(provider)
                .build(pair.getPrivate()));
    return new JcaX509CertificateConverter().setProvider(provider).getCertificate(holder);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace(",", "\\,").replace("+", "\\+").replace("=", "\\=");
  }

  /** Hex subject key identifier (from the extension, else computed from the key). */
  static String keyId(X509Certificate cert) {
    byte[] ext = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    byte[] id;
    if (ext != null) {
      id =
          SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets())
              .getKeyIdentifier();
    } else {
      try {
        id =
            new JcaX509ExtensionUtils()
                .createSubjectKeyIdentifier(cert.getPublicKey())
                .getKeyIdentifier();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return HexFormat.of().formatHex(id);
  }

  static String pem(Object value) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static String pemOf(PrivateKey key) {
    try {
      return pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeNew(Path file, String text, boolean secret) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp);
    if (secret) {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
    }
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private X509Certificate readCertificate(Path file) throws IOException {
    try (PEMParser p =
        new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
      Object o = p.readObject();
      if (!(o instanceof X509CertificateHolder h)) {
        throw new IOException(file + " is not a PEM certificate");
      }
      return new JcaX509CertificateConverter().setProvider(provider).getCertificate(h);
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " is not a valid certificate", e);
    }
  }

  private PrivateKey readKey(Path file) throws IOException {
    try (PEMParser p =
        new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
      Object o = p.readObject();
      if (!(o instanceof PrivateKeyInfo info)) {
        throw new IOException(file + " is not an unencrypted PKCS#8 PEM key");
      }
      return new JcaPEMKeyConverter().setProvider(provider).getPrivateKey(info);
    }
  }
}
