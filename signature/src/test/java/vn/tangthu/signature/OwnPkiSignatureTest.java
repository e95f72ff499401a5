package vn.tangthu.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures made in the test with its own CA and TSA, verified against chosen trust stores. */
class OwnPkiSignatureTest {
  static final Instant SIGNED_AT = Instant.parse("2026-03-01T08:00:00Z");
  static final Instant STAMPED_AT = Instant.parse("2026-03-01T08:00:05Z");
  static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

  static TestPki pki;
  static TestPki stranger;
  static byte[] original;
  static byte[] signed;

  @TempDir Path dir;

  @BeforeAll
  static void makePki() throws Exception {
    pki = new TestPki("Bac Ninh Test");
    stranger = new TestPki("Stranger");
    original = TestPdfs.newPdf("Quyet dinh so 123/QD-UBND");
    signed = TestPdfs.sign(original, pki, SIGNED_AT, STAMPED_AT);
  }

  private static SignatureVerifier trusting(TestPki anchor, X509CRL... crls) {
    return new SignatureVerifier(TrustStore.of(List.of(anchor.root.cert()), List.of(crls)), NOW);
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void trustedChainIsValid() throws Exception {
    SignatureReport r = trusting(pki).verifyPdf(write("signed.pdf", signed));

    assertThat(r.status()).isEqualTo(SignatureStatus.VALID);
    SignatureCheck s = r.signatures().get(0);
    assertThat(s.kind()).isEqualTo(SignatureKind.PADES);
    assertThat(s.integrity()).isEqualTo(Integrity.INTACT);
    assertThat(s.trust()).isEqualTo(Trust.TRUSTED);
    assertThat(s.timestamp()).isEqualTo(TimestampStatus.VALID);
    assertThat(s.coversWholeDocument()).isTrue();
    assertThat(s.changesAfter()).isEqualTo(ChangesAfter.NONE);
    assertThat(s.signer()).isEqualTo("Nguyễn Văn An");
    assertThat(s.signingTime()).as("the timestamp's time is preferred").isEqualTo(STAMPED_AT);
    assertThat(s.messageVi()).isNotBlank();
  }

  @Test
  void unknownRootIsIndeterminate() throws Exception {
    SignatureReport r = trusting(stranger).verifyPdf(write("signed.pdf", signed));

    assertThat(r.status()).isEqualTo(SignatureStatus.INDETERMINATE);
    assertThat(r.signatures().get(0).trust()).isEqualTo(Trust.UNTRUSTED);
    assertThat(r.signatures().get(0).integrity()).isEqualTo(Integrity.INTACT);
  }

  @Test
  void revokedBeforeSigningTimeIsNotValid() throws Exception {
    X509CRL crl =
        pki.crlRevokingSigner(
            Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-02T00:00:00Z"));
    SignatureReport r = trusting(pki, crl).verifyPdf(write("signed.pdf", signed));

    assertThat(r.status()).isNotEqualTo(SignatureStatus.VALID);
    assertThat(r.signatures().get(0).trust()).isEqualTo(Trust.UNTRUSTED);
    assertThat(r.signatures().get(0).message()).contains("revoked");
  }

  @Test
  void revokedAfterSigningTimeStaysValid() throws Exception {
    X509CRL crl =
        pki.crlRevokingSigner(
            Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-04-02T00:00:00Z"));
    SignatureReport r = trusting(pki, crl).verifyPdf(write("signed.pdf", signed));

    assertThat(r.status()).isEqualTo(SignatureStatus.VALID);
  }

  @Test
  void crlEmbeddedInTheSignatureIsUsedWhenItsIssuerSignedIt() throws Exception {
    byte[] content = "Công văn số 9".getBytes(StandardCharsets.UTF_8);
    CMSSignedData sd = pki.sign(content, SIGNED_AT, true);
    X509CRL revoking =
        pki.crlRevokingSigner(
            Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-02T00:00:00Z"));
    X509CRL forged =
        stranger.crlRevokingSigner(
            Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-02T00:00:00Z"));
    CMSSignedData withCrl =
        CMSSignedData.replaceCertificatesAndCRLs(
            sd,
            sd.getCertificates(),
            null,
            new org.bouncycastle.cert.jcajce.JcaCRLStore(List.of(revoking)));
    CMSSignedData withForged =
        CMSSignedData.replaceCertificatesAndCRLs(
            sd,
            sd.getCertificates(),
            null,
            new org.bouncycastle.cert.jcajce.JcaCRLStore(List.of(forged)));

    SignatureReport revoked =
        trusting(pki).verifyCms(write("r.p7m", withCrl.getEncoded()), Optional.empty());
    SignatureReport ignored =
        trusting(pki).verifyCms(write("f.p7m", withForged.getEncoded()), Optional.empty());

    assertThat(revoked.signatures().get(0).trust()).isEqualTo(Trust.UNTRUSTED);
    assertThat(revoked.status()).isEqualTo(SignatureStatus.INDETERMINATE);
    assertThat(ignored.status()).isEqualTo(SignatureStatus.VALID);
  }

  @Test
  void crlFromAnotherIssuerIsIgnored() throws Exception {
    X509CRL foreign =
        stranger.crlRevokingSigner(
            Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-02T00:00:00Z"));
    SignatureReport r = trusting(pki, foreign).verifyPdf(write("signed.pdf", signed));

    assertThat(r.status()).isEqualTo(SignatureStatus.VALID);
  }

  @Test
  void alteredSignedBytesAreInvalid() throws Exception {
    byte[] altered = signed.clone();
    int at = indexOf(altered, "123/QD".getBytes(StandardCharsets.US_ASCII));
    altered[at] = '9';
    SignatureReport r = trusting(pki).verifyPdf(write("altered.pdf", altered));

    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(r.signatures().get(0).integrity()).isEqualTo(Integrity.BROKEN);
  }

  @Test
  void contentAddedAfterSigningIsDisallowed() throws Exception {
    byte[] amended = TestPdfs.appendText(signed, "Added after signing");
    SignatureReport r = trusting(pki).verifyPdf(write("amended.pdf", amended));

    assertThat(r.status()).isEqualTo(SignatureStatus.INDETERMINATE);
    SignatureCheck s = r.signatures().get(0);
    assertThat(s.integrity()).isEqualTo(Integrity.INTACT);
    assertThat(s.coversWholeDocument()).isFalse();
    assertThat(s.changesAfter()).isEqualTo(ChangesAfter.DISALLOWED);
  }

  @Test
  void pageAddedAfterSigningIsDisallowed() throws Exception {
    SignatureReport r = trusting(pki).verifyPdf(write("added-page.pdf", TestPdfs.addPage(signed)));

    assertThat(r.status()).isEqualTo(SignatureStatus.INDETERMINATE);
    assertThat(r.signatures().get(0).changesAfter()).isEqualTo(ChangesAfter.DISALLOWED);
  }

  @Test
  void laterSecondSignatureAndDocumentTimestampAreAllowed() throws Exception {
    byte[] twice = TestPdfs.sign(signed, pki, SIGNED_AT.plusSeconds(3600), null);
    byte[] stamped = TestPdfs.documentTimestamp(twice, pki, SIGNED_AT.plusSeconds(7200));
    SignatureReport r = trusting(pki).verifyPdf(write("twice.pdf", stamped));

    assertThat(r.signatures())
        .extracting(SignatureCheck::kind)
        .containsExactly(SignatureKind.PADES, SignatureKind.PADES, SignatureKind.DOC_TIMESTAMP);
    assertThat(r.signatures())
        .extracting(SignatureCheck::changesAfter)
        .containsExactly(ChangesAfter.ALLOWED, ChangesAfter.ALLOWED, ChangesAfter.NONE);
    assertThat(r.signatures().get(1).signingTime()).isEqualTo(SIGNED_AT.plusSeconds(3600));
    assertThat(r.signatures().get(2).timestamp()).isEqualTo(TimestampStatus.VALID);
    assertThat(r.status()).isEqualTo(SignatureStatus.VALID);
  }

  @Test
  void detachedSignatureOverOtherBytesIsInvalid() throws Exception {
    byte[] content = "Công văn số 45/UBND".getBytes(StandardCharsets.UTF_8);
    CMSSignedData sd = pki.sign(content, SIGNED_AT, false);
    Path p7s = write("doc.p7s", sd.getEncoded());
    SignatureVerifier v = trusting(pki);

    SignatureReport good = v.verifyCms(p7s, Optional.of(write("doc.txt", content)));
    SignatureReport other =
        v.verifyCms(
            p7s,
            Optional.of(
                write("other.txt", "Công văn số 46/UBND".getBytes(StandardCharsets.UTF_8))));
    SignatureReport missing = v.verifyCms(p7s, Optional.empty());

    assertThat(good.status()).isEqualTo(SignatureStatus.VALID);
    assertThat(good.signatures().get(0).kind()).isEqualTo(SignatureKind.CMS_DETACHED);
    assertThat(other.status()).isEqualTo(SignatureStatus.INVALID);
    assertThat(other.signatures().get(0).integrity()).isEqualTo(Integrity.BROKEN);
    assertThat(missing.status()).isEqualTo(SignatureStatus.INDETERMINATE);
    assertThat(missing.signatures().get(0).integrity()).isEqualTo(Integrity.UNKNOWN);
  }

  @Test
  void timestampCopiedFromAnotherSignatureIsInvalid() throws Exception {
    CMSSignedData first =
        pki.signWithTimestamp("A".getBytes(StandardCharsets.UTF_8), SIGNED_AT, STAMPED_AT, true);
    SignerInformation firstSigner = first.getSignerInfos().getSigners().iterator().next();
    TimeStampToken copied =
        new TimeStampToken(
            new CMSSignedData(
                firstSigner
                    .getUnsignedAttributes()
                    .get(
                        org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers
                            .id_aa_signatureTimeStampToken)
                    .getAttrValues()
                    .getObjectAt(0)
                    .toASN1Primitive()
                    .getEncoded()));
    CMSSignedData second =
        TestPki.withTimestamp(
            pki.sign("B".getBytes(StandardCharsets.UTF_8), SIGNED_AT, true), copied);

    SignatureReport good =
        trusting(pki).verifyCms(write("a.p7m", first.getEncoded()), Optional.empty());
    SignatureReport r =
        trusting(pki).verifyCms(write("b.p7m", second.getEncoded()), Optional.empty());

    assertThat(good.status()).isEqualTo(SignatureStatus.VALID);
    assertThat(r.signatures().get(0).integrity()).isEqualTo(Integrity.INTACT);
    assertThat(r.signatures().get(0).timestamp()).isEqualTo(TimestampStatus.INVALID);
    assertThat(r.status()).isEqualTo(SignatureStatus.INVALID);
  }

  @Test
  void envelopingContentIsExtractedAlsoFromPem() throws Exception {
    byte[] content = "Nội dung văn bản".getBytes(StandardCharsets.UTF_8);
    CMSSignedData sd = pki.sign(content, SIGNED_AT, true);
    String pem =
        "-----BEGIN PKCS7-----\n"
            + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(sd.getEncoded())
            + "\n-----END PKCS7-----\n";
    Path p7m = write("doc.p7m", pem.getBytes(StandardCharsets.US_ASCII));
    SignatureVerifier v = trusting(pki);

    SignatureReport r = v.verifyCms(p7m, Optional.empty());
    Path out = dir.resolve("content.bin");

    assertThat(r.status()).isEqualTo(SignatureStatus.VALID);
    assertThat(r.signatures().get(0).kind()).isEqualTo(SignatureKind.CMS_ENVELOPING);
    assertThat(v.extractCmsContent(p7m, out)).isTrue();
    assertThat(Files.readAllBytes(out)).isEqualTo(content);
    assertThat(
            v.extractCmsContent(
                write("d.p7s", pki.sign(content, SIGNED_AT, false).getEncoded()), out))
        .isFalse();
  }

  @Test
  void unsignedPdfIsNotSignedAndGarbageIsRefused() throws Exception {
    SignatureVerifier v = trusting(pki);
    assertThat(v.verifyPdf(write("plain.pdf", original)).status())
        .isEqualTo(SignatureStatus.NOT_SIGNED);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                v.verifyPdf(
                    write("garbage.pdf", "not a pdf at all".getBytes(StandardCharsets.US_ASCII))))
        .isInstanceOf(SignatureFormatException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                v.verifyCms(write("garbage.p7s", new byte[] {0x30, 0x03, 1, 2}), Optional.empty()))
        .isInstanceOf(SignatureFormatException.class);
  }

  @Test
  void truncatedSignedPdfNeverCrashes() throws Exception {
    SignatureVerifier v = trusting(pki);
    for (int cut : new int[] {signed.length - 1, signed.length - 100, signed.length / 2, 40}) {
      byte[] part = java.util.Arrays.copyOf(signed, cut);
      try {
        SignatureReport r = v.verifyPdf(write("cut" + cut + ".pdf", part));
        assertThat(r.status()).isNotEqualTo(SignatureStatus.VALID);
      } catch (SignatureFormatException refused) {
        assertThat(refused.messageVi()).isNotBlank();
      }
    }
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
