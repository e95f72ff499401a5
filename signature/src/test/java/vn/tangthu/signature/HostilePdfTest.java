package vn.tangthu.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PDF of the extraction-robustness corpus (damaged, encrypted, huge page trees): the verifier
 * answers with a report or the typed exception, never an unchecked exception, and quickly.
 */
class HostilePdfTest {
  private static final SignatureVerifier VERIFIER =
      new SignatureVerifier(
          TrustStore.empty(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  static Stream<Path> pdfs() throws Exception {
    Path formats = SignatureCorpus.root().resolve("formats");
    try (Stream<Path> files = Files.walk(formats)) {
      return files
          .filter(p -> p.toString().toLowerCase().endsWith(".pdf"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pdfs")
  void neverCrashesNorHangs(Path pdf) throws Exception {
    long t0 = System.nanoTime();
    try {
      SignatureReport r = VERIFIER.verifyPdf(pdf);
      assertThat(r.status()).isNotNull();
    } catch (SignatureFormatException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      assertThat(refused.messageVi()).isNotBlank();
    }
    assertThat((System.nanoTime() - t0) / 1_000_000).as("milliseconds").isLessThan(20_000);
  }
}
