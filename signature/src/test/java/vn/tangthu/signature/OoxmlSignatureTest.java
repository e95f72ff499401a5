package vn.tangthu.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OOXML package signatures (the signed Word file of the corpus, intact and tampered). */
class OoxmlSignatureTest {
  private final SignatureVerifier verifier =
      new SignatureVerifier(
          TrustStore.empty(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  @TempDir Path dir;

  private static Path signedDocx() {
    return SignatureCorpus.signatures().resolve("tika/testWORD_signed.docx");
  }

  @Test
  void signedWordFileIsIntactButUntrusted() throws Exception {
    SignatureReport r = verifier.verifyOoxml(signedDocx());

    assertThat(r.status()).isEqualTo(SignatureStatus.INDETERMINATE);
    SignatureCheck s = r.signatures().get(0);
    assertThat(s.kind()).isEqualTo(SignatureKind.OOXML);
    assertThat(s.integrity()).isEqualTo(Integrity.INTACT);
    assertThat(s.trust()).isEqualTo(Trust.UNTRUSTED);
    assertThat(s.signer()).isNotBlank();
    assertThat(s.signingTime()).isBefore(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void signatureCoversEveryPartAndAnAddedPartIsReported() throws Exception {
    // Office leaves the document properties (author, dates) outside its signature.
    SignatureCheck original = verifier.verifyOoxml(signedDocx()).signatures().get(0);
    assertThat(original.coversWholeDocument()).isFalse();
    assertThat(original.message())
        .contains("/docProps/core.xml")
        .doesNotContain("/word/document.xml");

    Path added = dir.resolve("added.docx");
    try (ZipFile in = new ZipFile(signedDocx().toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(added))) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(in.getInputStream(e).readAllBytes());
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry("word/added after signing.xml"));
      out.write("<x>thêm sau khi ký</x>".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    SignatureCheck s = verifier.verifyOoxml(added).signatures().get(0);
    assertThat(s.integrity()).isEqualTo(Integrity.INTACT);
    assertThat(s.coversWholeDocument()).isFalse();
    assertThat(s.message()).contains("/word/added after signing.xml");
    assertThat(s.messageVi()).contains("nằm ngoài phạm vi chữ ký");
  }

  @Test
  void changedDocumentPartBreaksTheSignature() throws Exception {
    Path tampered = dir.resolve("tampered.docx");
    try (ZipFile in = new ZipFile(signedDocx().toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        byte[] bytes = in.getInputStream(e).readAllBytes();
        if (e.getName().equals("word/document.xml")) {
          String xml = new String(bytes, StandardCharsets.UTF_8);
          int t = xml.indexOf("<w:t>") + 5;
          bytes =
              (xml.substring(0, t) + "ĐÃ SỬA " + xml.substring(t)).getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    SignatureReport r = verifier.verifyOoxml(tampered);

    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.signatures().get(0).integrity()).isEqualTo(Integrity.BROKEN);
  }

  @Test
  void unsignedPackageIsNotSignedAndNonZipIsRefused() throws Exception {
    Path plain = dir.resolve("plain.docx");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(plain))) {
      out.putNextEntry(new ZipEntry("[Content_Types].xml"));
      out.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    assertThat(verifier.verifyOoxml(plain).status()).isEqualTo(SignatureStatus.NOT_SIGNED);

    Path garbage = dir.resolve("garbage.docx");
    try (OutputStream o = Files.newOutputStream(garbage)) {
      o.write("not a zip".getBytes(StandardCharsets.US_ASCII));
    }
    assertThatThrownBy(() -> verifier.verifyOoxml(garbage))
        .isInstanceOf(SignatureFormatException.class);
  }
}
