package vn.tangthu.archive.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadFingerprintTest {

  @TempDir Path tmp;

  private static RecordMetadata metadata(String subject, LocalDate issued, Object keywords) {
    return new RecordMetadata(
        "BN", subject, null, null, null, issued, null, null, null, null, null, null, keywords, null,
        null, null);
  }

  private UploadParts parts(RecordMetadata m, String fileName, String content) throws Exception {
    UploadParts p = new UploadParts();
    p.metadata = m;
    p.file =
        SpooledFile.spool(
            new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
            fileName,
            tmp,
            1 << 20);
    return p;
  }

  @Test
  void theSameRequestSpelledDifferentlyHasOneFingerprint() throws Exception {
    try (UploadParts a =
            parts(metadata("  Quyết định ", LocalDate.of(2024, 3, 15), "a; b"), "cv.txt", "x");
        UploadParts b =
            parts(
                metadata("Quyết định", LocalDate.of(2024, 3, 15), java.util.List.of("a", "b")),
                "dir/cv.txt",
                "x")) {
      assertThat(UploadFingerprint.of(a)).isEqualTo(UploadFingerprint.of(b)).hasSize(64);
    }
  }

  @Test
  void metadataFileNameAndBytesEachCount() throws Exception {
    try (UploadParts base = parts(metadata("QĐ", LocalDate.of(2024, 3, 15), null), "cv.txt", "x");
        UploadParts date = parts(metadata("QĐ", LocalDate.of(2024, 3, 16), null), "cv.txt", "x");
        UploadParts name = parts(metadata("QĐ", LocalDate.of(2024, 3, 15), null), "cv2.txt", "x");
        UploadParts bytes = parts(metadata("QĐ", LocalDate.of(2024, 3, 15), null), "cv.txt", "y");
        UploadParts noName = parts(metadata("QĐ", LocalDate.of(2024, 3, 15), null), null, "x")) {
      String f = UploadFingerprint.of(base);
      assertThat(UploadFingerprint.of(date)).isNotEqualTo(f);
      assertThat(UploadFingerprint.of(name)).isNotEqualTo(f);
      assertThat(UploadFingerprint.of(bytes)).isNotEqualTo(f);
      assertThat(UploadFingerprint.of(noName)).isNotEqualTo(f);
    }
  }
}
