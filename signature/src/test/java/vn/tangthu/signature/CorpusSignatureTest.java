package vn.tangthu.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared signature corpus with the expectations of its README (see {@code
 * signature/corpus-expectations.tsv}). No trust anchors are configured, so nothing is VALID.
 */
class CorpusSignatureTest {
  private static final SignatureVerifier VERIFIER = verifier();

  /**
   * Trusts only {@code cades/signCert.cer}: the README says DSS validates {@code
   * no-key-info-cert.pkcs7} with it as trust anchor (the CMS itself carries no certificate).
   */
  private static SignatureVerifier verifier() {
    try (var in =
        java.nio.file.Files.newInputStream(
            SignatureCorpus.signatures().resolve("cades/signCert.cer"))) {
      var cert =
          (java.security.cert.X509Certificate)
              java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
      return new SignatureVerifier(
          TrustStore.of(List.of(cert), List.of()),
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<SignatureCorpus.Expectation> corpus() throws Exception {
    return SignatureCorpus.expectations().stream();
  }

  /** Verifies by file type; null when the verifier refused the file with the typed exception. */
  static SignatureReport verify(SignatureCorpus.Expectation e) throws Exception {
    Path file = SignatureCorpus.signatures().resolve(e.file());
    Optional<Path> content =
        "-".equals(e.detached())
            ? Optional.empty()
            : Optional.of(SignatureCorpus.signatures().resolve(e.detached()));
    String name = e.file().toLowerCase(java.util.Locale.ROOT);
    try {
      if (name.endsWith(".pdf")) {
        return VERIFIER.verifyPdf(file);
      }
      if (name.endsWith(".docx") || name.endsWith(".xlsx") || name.endsWith(".pptx")) {
        return VERIFIER.verifyOoxml(file);
      }
      return VERIFIER.verifyCms(file, content);
    } catch (SignatureFormatException refused) {
      return null;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void reportsTheReadmeExpectation(SignatureCorpus.Expectation e) throws Exception {
    long t0 = System.nanoTime();
    SignatureReport report = verify(e);
    System.out.printf(
        "CORPUS %-70s %-8s %5dms %s%n",
        e.file(), e.expected(), (System.nanoTime() - t0) / 1_000_000, describe(report));
    switch (e.expected()) {
      case "intact" -> {
        assertThat(report).as("intact files are readable").isNotNull();
        assertThat(report.signatures()).isNotEmpty();
        assertThat(report.signatures())
            .allSatisfy(s -> assertThat(s.integrity()).as(s.message()).isEqualTo(Integrity.INTACT));
      }
      case "broken" -> {
        if (report != null) {
          assertThat(report.status()).isEqualTo(SignatureStatus.INVALID);
        }
      }
      default -> {
        // "unknown": only that nothing crashes
      }
    }
    if (e.alteredAfterSigning()) {
      assertThat(report.status()).isNotEqualTo(SignatureStatus.VALID);
      assertThat(report.signatures())
          .anySatisfy(s -> assertThat(s.changesAfter()).isEqualTo(ChangesAfter.DISALLOWED));
    }
  }

  static String describe(SignatureReport r) {
    if (r == null) {
      return "REFUSED";
    }
    StringBuilder b = new StringBuilder(r.status().toString());
    List<SignatureCheck> s = r.signatures();
    for (SignatureCheck c : s) {
      b.append(" | ")
          .append(c.kind())
          .append(' ')
          .append(c.integrity())
          .append(' ')
          .append(c.trust())
          .append(" ts=")
          .append(c.timestamp())
          .append(" whole=")
          .append(c.coversWholeDocument())
          .append(' ')
          .append(c.changesAfter())
          .append(" [")
          .append(c.signer())
          .append(" @ ")
          .append(c.signingTime())
          .append("] ")
          .append(c.message());
    }
    return b.toString();
  }
}
