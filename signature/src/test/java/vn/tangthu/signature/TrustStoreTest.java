package vn.tangthu.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTest {
  @TempDir Path dir;

  @Test
  void loadsPemAndDerCertificatesAndCrlsAndListsUnreadableFiles() throws Exception {
    Path pki = SignatureCorpus.signatures().resolve("pki");
    Path anchors = Files.createDirectories(dir.resolve("anchors"));
    Path crls = Files.createDirectories(dir.resolve("crls"));
    for (String f :
        new String[] {
          "DSS-2039/ca.pem", "belgiumrs2.crt", "EE-GovCA2018.pem.crt", "citizen_ca.cer"
        }) {
      Files.copy(pki.resolve(f), anchors.resolve(Path.of(f).getFileName()));
    }
    Files.writeString(anchors.resolve("readme.txt"), "not a certificate");
    for (String f : new String[] {"DSS-2039/crl.der", "belgium2.pem.crl", "EE-GovCA2018.crl"}) {
      Files.copy(pki.resolve(f), crls.resolve(Path.of(f).getFileName()));
    }

    TrustStore store = TrustStore.load(anchors, crls);

    assertThat(store.anchors()).hasSize(4);
    assertThat(store.crls()).hasSize(3);
    assertThat(store.problems()).singleElement().asString().contains("readme.txt");
    assertThat(TrustStore.load(dir.resolve("missing"), null).anchors()).isEmpty();
  }

  @Test
  void ownPkiLoadedFromDirectoriesWithDerCrlRevokes() throws Exception {
    TestPki pki = new TestPki("Dir Test");
    Instant signedAt = Instant.parse("2026-03-01T08:00:00Z");
    byte[] signed = TestPdfs.sign(TestPdfs.newPdf("Van ban 7"), pki, signedAt, null);
    Path pdf = Files.write(dir.resolve("signed.pdf"), signed);
    Path anchors = Files.createDirectories(dir.resolve("anchors"));
    Path crls = Files.createDirectories(dir.resolve("crls"));
    Files.writeString(
        anchors.resolve("root.pem"),
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder().encodeToString(pki.root.cert().getEncoded())
            + "\n-----END CERTIFICATE-----\n");
    Clock now = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    assertThat(new SignatureVerifier(TrustStore.load(anchors, crls), now).verifyPdf(pdf).status())
        .isEqualTo(SignatureStatus.VALID);

    Files.write(
        crls.resolve("issuing-ca.crl"),
        pki.crlRevokingSigner(
                Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"))
            .getEncoded());
    SignatureReport revoked =
        new SignatureVerifier(TrustStore.load(anchors, crls), now).verifyPdf(pdf);
    assertThat(revoked.status()).isEqualTo(SignatureStatus.INDETERMINATE);
    assertThat(revoked.signatures().get(0).trust()).isEqualTo(Trust.UNTRUSTED);
    assertThat(revoked.signatures().get(0).messageVi()).contains("thu hồi");
  }
}
