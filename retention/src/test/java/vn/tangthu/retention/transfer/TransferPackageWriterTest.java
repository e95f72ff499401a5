package vn.tangthu.retention.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferPackageWriterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2041-01-06T03:00:00Z"), ZoneOffset.UTC);
  private static final TransferContext CONTEXT =
      new TransferContext("Lưu trữ cơ quan Sở Nội vụ", "Tàng Thư", "0.1.0", "lan.nguyen");
  private static final UUID ID1 = UUID.fromString("6f1c1a52-7f0e-4d3b-9a3c-1b2c3d4e5f60");
  private static final UUID ID2 = UUID.fromString("0a0b0c0d-1111-2222-3333-444455556666");

  @TempDir Path tmp;

  private List<TransferDossier> sampleDossiers() throws IOException {
    Path corpus = TestFiles.corpus();
    Path pdf = corpus.resolve("signatures/pades/DSS-2025.pdf");
    Path law = corpus.resolve("vi-legal/bo-luat-dan-su.txt");
    var report =
        new ExtraFile(
            ExtraFile.Kind.SIGNATURE_REPORT,
            "signature-report.json",
            "application/json",
            "{\"status\":\"VALID\"}".getBytes(StandardCharsets.UTF_8));
    var evidence =
        new ExtraFile(
            ExtraFile.Kind.EVIDENCE_RECORD,
            "evidence.ers",
            "application/octet-stream",
            new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
    var d1 =
        TestFiles.dossier(
            ID1,
            "SO-NV.2020.HS-01",
            List.of(
                TestFiles.record("rec-1", pdf, "application/pdf", List.of(report, evidence)),
                TestFiles.record("rec-2", law, "text/plain", List.of()),
                TestFiles.bytesRecord(
                    "rec-3",
                    "Phụ lục: danh sách / đính kèm.txt",
                    "phụ lục".getBytes(StandardCharsets.UTF_8))));
    var d2 =
        TestFiles.dossier(
            ID2,
            "SO-NV.2020.HS-02",
            List.of(
                TestFiles.bytesRecord(
                    "rec-9", "cv.txt", "công văn".getBytes(StandardCharsets.UTF_8))));
    return List.of(d1, d2);
  }

  private byte[] write(List<TransferDossier> dossiers) {
    var out = new ByteArrayOutputStream();
    new TransferPackageWriter(CLOCK, CONTEXT).writeTar(dossiers, out);
    return out.toByteArray();
  }

  /**
   * Circular 05/2025 names the package folder from the OBJID with ':' replaced by '_'; CSIP1 in the
   * validator wants the folder named exactly as the OBJID. The package is validated under its OBJID
   * name, and, under the circular's name, CSIP1 must be the only failed MUST requirement.
   */
  @Test
  void everyPackagePassesTheEarkValidator() throws Exception {
    TestFiles.untar(write(sampleDossiers()), tmp);
    for (UUID id : List.of(ID1, ID2)) {
      Path pkg = tmp.resolve("urn_uuid_" + id);
      assertThat(pkg).isDirectory();

      var asNamed = EarkValidation.validate(pkg);
      assertThat(asNamed.failedMust().keySet())
          .as(asNamed.failedMust().toString())
          .containsExactly("CSIP1");

      Path literal = Files.move(pkg, tmp.resolve("urn:uuid:" + id));
      var result = EarkValidation.validate(literal);
      assertThat(result.failedMust()).as("failed MUST requirements of %s", id).isEmpty();
      assertThat(result.errors()).isZero();
      assertThat(result.valid()).isTrue();
    }
  }
}
