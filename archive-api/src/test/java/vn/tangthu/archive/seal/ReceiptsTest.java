package vn.tangthu.archive.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void payloadIsExactlyTheContractJson() {
    assertThat(Receipts.payload("r1", "ab", Instant.parse("2026-11-26T10:00:00Z")))
        .isEqualTo("{\"id\":\"r1\",\"sha256\":\"ab\",\"createdAt\":\"2026-11-26T10:00:00Z\"}");
  }

  @Test
  void receiptVerifiesWithThePublishedArchiveCertificate() throws Exception {
    ArchiveKeys keys = ArchiveKeys.loadOrCreate(dir, CLOCK, "Lưu trữ tỉnh Bắc Ninh");
    String sha = "a".repeat(64);
    String receipt =
        new Receipts(keys, CLOCK).sign("rec-1", sha, Instant.parse("2026-11-26T09:59:00Z"));

    List<X509Certificate> published = parsePublished(keys.certificates(), KeyRole.ARCHIVE);
    ReceiptCheck check = new ReceiptVerifier(published).verify(receipt);

    assertThat(check.valid()).isTrue();
    assertThat(check.keyId()).isEqualTo(keys.archive().keyId());
    assertThat(check.payload())
        .isEqualTo(
            "{\"id\":\"rec-1\",\"sha256\":\"" + sha + "\",\"createdAt\":\"2026-11-26T09:59:00Z\"}");
  }

  @Test
  void tamperedReceiptOrForeignCertificateIsRejected() throws Exception {
    ArchiveKeys keys = ArchiveKeys.loadOrCreate(dir.resolve("a"), CLOCK, "A");
    ArchiveKeys other = ArchiveKeys.loadOrCreate(dir.resolve("b"), CLOCK, "B");
    String receipt = new Receipts(keys, CLOCK).sign("rec-1", "b".repeat(64), CLOCK.instant());

    assertThat(new ReceiptVerifier(List.of(other.archive().certificate())).verify(receipt).valid())
        .isFalse();
    assertThat(new Receipts(keys, CLOCK).verify(receipt).valid()).isTrue();

    byte[] der = Base64.getDecoder().decode(receipt);
    byte[] payload = "rec-1".getBytes(StandardCharsets.UTF_8);
    int at = indexOf(der, payload);
    der[at + 4] = '2';
    String tampered = Base64.getEncoder().encodeToString(der);
    assertThat(new Receipts(keys, CLOCK).verify(tampered).valid()).isFalse();
    assertThat(new Receipts(keys, CLOCK).verify("not base64 !").valid()).isFalse();
  }

  @Test
  void keysSurviveRestartAndRotationKeepsHistory() throws Exception {
    ArchiveKeys first = ArchiveKeys.loadOrCreate(dir, CLOCK, "A");
    String oldReceipt = new Receipts(first, CLOCK).sign("r", "c".repeat(64), CLOCK.instant());
    ArchiveKeys reloaded = ArchiveKeys.loadOrCreate(dir, CLOCK, "A");
    assertThat(reloaded.archive().keyId()).isEqualTo(first.archive().keyId());
    assertThat(reloaded.timestampAuthority().keyId()).isEqualTo(first.timestampAuthority().keyId());

    SigningIdentity rotated = reloaded.rotate(KeyRole.ARCHIVE);
    assertThat(rotated.keyId()).isNotEqualTo(first.archive().keyId());
    ArchiveCertificates listed = ArchiveKeys.loadOrCreate(dir, CLOCK, "A").certificates();
    assertThat(listed.certificates()).hasSize(3);
    assertThat(listed.certificates())
        .filteredOn(c -> c.role() == KeyRole.ARCHIVE)
        .extracting(ArchiveCertificate::current)
        .containsExactlyInAnyOrder(true, false);
    assertThat(listed.certificates())
        .allSatisfy(c -> assertThat(c.validTo()).isAfter(c.validFrom()));

    ReceiptCheck old =
        new ReceiptVerifier(parsePublished(listed, KeyRole.ARCHIVE)).verify(oldReceipt);
    assertThat(new Receipts(reloaded, CLOCK).verify(oldReceipt).valid()).isTrue();
    assertThat(old.valid()).isTrue();
    assertThat(old.keyId()).isEqualTo(first.archive().keyId());
  }

  static List<X509Certificate> parsePublished(ArchiveCertificates list, KeyRole role)
      throws Exception {
    CertificateFactory f = CertificateFactory.getInstance("X.509");
    return list.certificates().stream()
        .filter(c -> c.role() == role)
        .map(
            c -> {
              try {
                return (X509Certificate)
                    f.generateCertificate(
                        new ByteArrayInputStream(c.pem().getBytes(StandardCharsets.US_ASCII)));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("payload not found");
  }
}
