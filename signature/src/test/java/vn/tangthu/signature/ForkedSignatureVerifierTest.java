package vn.tangthu.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tangthu.child.ForkSettings;

/**
 * Verification in a child JVM answers exactly as in this JVM (over the whole signature corpus and
 * with our own PKI), reuses its warm child, and cuts a slow input off at the time limit, replacing
 * the child.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForkedSignatureVerifierTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path dir;
  private TestPki pki;
  private TrustStore trust;
  private SignatureVerifier inProcess;
  private ForkedSignatureVerifier forked;

  @BeforeAll
  void start() throws Exception {
    pki = new TestPki("Forked Test");
    var cf = java.security.cert.CertificateFactory.getInstance("X.509");
    java.security.cert.X509Certificate corpusAnchor;
    try (var in =
        Files.newInputStream(SignatureCorpus.signatures().resolve("cades/signCert.cer"))) {
      corpusAnchor = (java.security.cert.X509Certificate) cf.generateCertificate(in);
    }
    trust = TrustStore.of(List.of(corpusAnchor, pki.root.cert()), List.of());
    inProcess = new SignatureVerifier(trust, CLOCK);
    forked =
        new ForkedSignatureVerifier(
            trust, CLOCK, ForkSettings.fromThisJvm(1, 256), Duration.ofSeconds(60));
  }

  @AfterAll
  void stop() {
    forked.close();
  }

  /** Every third file of the corpus (the whole corpus runs in this JVM in CorpusSignatureTest). */
  static Stream<SignatureCorpus.Expectation> corpus() throws Exception {
    List<SignatureCorpus.Expectation> all = SignatureCorpus.expectations();
    return java.util.stream.IntStream.range(0, all.size())
        .filter(i -> i % 3 == 0)
        .mapToObj(all::get);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void answersExactlyAsInThisJvm(SignatureCorpus.Expectation e) throws Exception {
    Path file = SignatureCorpus.signatures().resolve(e.file());
    Optional<Path> content =
        "-".equals(e.detached())
            ? Optional.empty()
            : Optional.of(SignatureCorpus.signatures().resolve(e.detached()));
    assertThat(outcome(forked, file, content)).isEqualTo(outcome(inProcess, file, content));
  }

  @Test
  void trustAnchorsReachTheChildAndItStaysWarm() throws Exception {
    Path signed = dir.resolve("signed.pdf");
    Files.write(
        signed,
        TestPdfs.sign(
            TestPdfs.newPdf("Quyet dinh"),
            pki,
            Instant.parse("2025-12-01T00:00:00Z"),
            Instant.parse("2025-12-01T00:00:05Z")));
    List<Long> before = forked.childPids();
    SignatureReport r = forked.verifyPdf(signed);
    assertThat(r.status()).isEqualTo(SignatureStatus.VALID);
    assertThat(r).isEqualTo(inProcess.verifyPdf(signed));
    long t0 = System.nanoTime();
    forked.verifyPdf(signed);
    System.out.printf("warm child: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertThat(forked.childPids()).isEqualTo(before);
  }

  @Test
  void slowInputIsCutOffAtTheLimitAndTheChildReplaced() throws Exception {
    Path heavy = dir.resolve("heavy.pdf");
    Files.write(heavy, heavyPdf());
    Path small = dir.resolve("small.pdf");
    Files.write(small, TestPdfs.newPdf("nho"));
    // verifying it takes seconds; a 2 s limit let it through once on an idle machine
    Duration limit = Duration.ofSeconds(1);
    try (ForkedSignatureVerifier limited =
        new ForkedSignatureVerifier(trust, CLOCK, ForkSettings.fromThisJvm(1, 128), limit)) {
      assertThat(limited.verifyPdf(small).status()).isEqualTo(SignatureStatus.NOT_SIGNED);
      List<Long> first = limited.childPids();
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> limited.verifyPdf(heavy))
          .isInstanceOf(SignatureLimitException.class)
          .hasMessageContaining("took longer")
          .satisfies(e -> assertThat(((SignatureLimitException) e).messageVi()).isNotBlank());
      long cutMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf(
          "heavy PDF (%d bytes) cut off after %d ms (limit %d ms)%n",
          Files.size(heavy), cutMs, limit.toMillis());
      assertThat(limited.childPids()).hasSize(1).doesNotContainAnyElementsOf(first);
      assertThat(limited.verifyPdf(small).status()).isEqualTo(SignatureStatus.NOT_SIGNED);
      assertThat(cutMs).isLessThan(limit.toMillis() + 5_000);
    }
  }

  /** A signed PDF with a very large page tree and several incremental updates after it. */
  private byte[] heavyPdf() throws Exception {
    byte[] pdf;
    try (PDDocument doc = new PDDocument()) {
      for (int i = 0; i < 30_000; i++) {
        doc.addPage(new PDPage());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      pdf = out.toByteArray();
    }
    pdf = TestPdfs.sign(pdf, pki, Instant.parse("2025-12-01T00:00:00Z"), null);
    for (int i = 0; i < 2; i++) {
      pdf = TestPdfs.addPage(pdf);
    }
    return pdf;
  }

  private static Object outcome(SignatureVerification v, Path file, Optional<Path> content) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    try {
      if (name.endsWith(".pdf")) {
        return v.verifyPdf(file);
      }
      if (name.endsWith(".docx") || name.endsWith(".xlsx") || name.endsWith(".pptx")) {
        return v.verifyOoxml(file);
      }
      return v.verifyCms(file, content);
    } catch (SignatureFormatException refused) {
      return "refused: " + refused.getMessage() + " / " + refused.messageVi();
    } catch (Exception other) {
      return "failed: " + other;
    }
  }
}
