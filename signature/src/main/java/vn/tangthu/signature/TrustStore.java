package vn.tangthu.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Trust anchors (root or intermediate CA certificates the operator trusts, e.g. Vietnam's national
 * root CA and the Government CA) and certificate revocation lists. Immutable and thread-safe.
 *
 * <p>OCSP is not queried: revocation is checked only against the configured CRLs, so verification
 * never waits on the network.
 */
public final class TrustStore {
  private final List<X509Certificate> anchors;
  private final List<X509CRL> crls;
  private final List<String> problems;

  private TrustStore(List<X509Certificate> anchors, List<X509CRL> crls, List<String> problems) {
    this.anchors = List.copyOf(anchors);
    this.crls = List.copyOf(crls);
    this.problems = List.copyOf(problems);
  }

  /** A trust store with the given anchors and CRLs. */
  public static TrustStore of(Collection<X509Certificate> anchors, Collection<X509CRL> crls) {
    return new TrustStore(List.copyOf(anchors), List.copyOf(crls), List.of());
  }

  /** A trust store that trusts nobody: every chain is reported {@code UNTRUSTED}. */
  public static TrustStore empty() {
    return of(List.of(), List.of());
  }

  /**
   * Loads every certificate file (PEM or DER, several PEM blocks allowed) found directly in {@code
   * anchorsDir} and every CRL file (PEM or DER) in {@code crlDir}. Either directory may be absent.
   * Unreadable files are skipped and listed in {@link #problems()}.
   *
   * @throws IOException if a directory exists but cannot be listed
   */
  public static TrustStore load(Path anchorsDir, Path crlDir) throws IOException {
    List<X509Certificate> certs = new ArrayList<>();
    List<X509CRL> crls = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    CertificateFactory factory = x509Factory();
    for (Path file : files(anchorsDir)) {
      try {
        for (Certificate c : factory.generateCertificates(new ByteArrayInputStream(read(file)))) {
          certs.add((X509Certificate) c);
        }
      } catch (CertificateException | IOException e) {
        problems.add(file + ": not a certificate (" + e.getMessage() + ")");
      }
    }
    for (Path file : files(crlDir)) {
      try {
        for (CRL c : factory.generateCRLs(new ByteArrayInputStream(read(file)))) {
          crls.add((X509CRL) c);
        }
      } catch (CRLException | IOException e) {
        problems.add(file + ": not a CRL (" + e.getMessage() + ")");
      }
    }
    return new TrustStore(certs, crls, problems);
  }

  /** The trusted certificates. */
  public List<X509Certificate> anchors() {
    return anchors;
  }

  /**
   * The configured CRLs (not yet checked: a CRL is used only if its issuer's signature verifies).
   */
  public List<X509CRL> crls() {
    return crls;
  }

  /** Files that could not be loaded, with the reason; empty for stores built in code. */
  public List<String> problems() {
    return problems;
  }

  private static List<Path> files(Path dir) throws IOException {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static byte[] read(Path file) throws IOException {
    if (Files.size(file) > 64L * 1024 * 1024) {
      throw new IOException("larger than 64 MiB");
    }
    return Files.readAllBytes(file);
  }

  private static CertificateFactory x509Factory() {
    try {
      return CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
    }
  }
}
