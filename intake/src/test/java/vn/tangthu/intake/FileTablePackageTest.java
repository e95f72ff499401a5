package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tangthu.intake.HostileXmlTest.code;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zips and tars of files with {@code metadata.csv} or {@code metadata.json}. */
class FileTablePackageTest {

  @TempDir Path tmp;

  static final String HEADER =
      "path,agencyCode,subject,typeName,number,notation,issuedDate,issuer,docCode,keywords,"
          + "accessLevel,signaturePath,attachmentPaths\n";

  private static byte[] csv(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Archives files() {
    return new Archives()
        .add("qd-123.pdf", "%PDF-1.4 quyết định")
        .add("qd-123.pdf.p7s", new byte[] {0x30, (byte) 0x82, 1, 2})
        .add("phu-luc/pl-1.docx", "PK-ish phụ lục 1")
        .add("phu-luc/pl-2.txt", "phụ lục 2")
        .add("cv-45.txt", "công văn 45")
        .add("khong-ten.txt", "không ai nhắc tới");
  }

  @ParameterizedTest
  @ValueSource(strings = {"zip", "tar"})
  void rowsThenUnnamedFilesWithEveryColumnMapped(String kind) throws Exception {
    Archives a =
        files()
            .add(
                "metadata.csv",
                csv(
                    "\uFEFF"
                        + HEADER
                        + "qd-123.pdf,BN,\"Quyết định về việc A, B và C\",Quyết định,123,QĐ-UBND,"
                        + "15/03/2024,UBND tỉnh Bắc Ninh,BN-2024-123,\"chuyển đổi số; kế hoạch\","
                        + "PUBLIC,qd-123.pdf.p7s,phu-luc/pl-1.docx;phu-luc/pl-2.txt\n"
                        + "cv-45.txt,,\"Công văn\nhai dòng\",Công văn,45,UBND-VX,2024-04-01,,,,"
                        + ",,\n"));
    byte[] pkg = kind.equals("zip") ? a.zip() : a.tar();
    IntakeOptions options =
        IntakeOptions.of(tmp).withDefaults(new ImportDefaults("BN-SNV", null, "S-10", "HS-1"));
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, options)) {
      assertThat(o.reader().format())
          .isEqualTo(kind.equals("zip") ? PackageFormat.ZIP : PackageFormat.TAR);
      List<IntakeItem> items = o.items();
      assertThat(items)
          .extracting(IntakeItem::path)
          .containsExactly("qd-123.pdf", "cv-45.txt", "khong-ten.txt");
      ReadyItem first = (ReadyItem) items.get(0);
      ItemMetadata md = first.metadata();
      assertThat(md.agencyCode()).isEqualTo("BN");
      assertThat(md.subject()).isEqualTo("Quyết định về việc A, B và C");
      assertThat(md.typeName()).isEqualTo("Quyết định");
      assertThat(md.number()).isEqualTo("123");
      assertThat(md.notation()).isEqualTo("QĐ-UBND");
      assertThat(md.issuedDate()).isEqualTo(LocalDate.of(2024, 3, 15));
      assertThat(md.issuer()).isEqualTo("UBND tỉnh Bắc Ninh");
      assertThat(md.docCode()).isEqualTo("BN-2024-123");
      assertThat(md.keywords()).isEqualTo("chuyển đổi số; kế hoạch");
      assertThat(md.accessLevel()).isEqualTo("PUBLIC");
      assertThat(md.seriesCode()).isEqualTo("S-10");
      assertThat(md.fileCode()).isEqualTo("HS-1");
      assertThat(md.source()).isEqualTo(ItemSource.IMPORT);
      assertThat(first.file().name()).isEqualTo("qd-123.pdf");
      assertThat(Fixtures.text(first.file())).isEqualTo("%PDF-1.4 quyết định");
      assertThat(first.signature().orElseThrow().name()).isEqualTo("qd-123.pdf.p7s");
      assertThat(first.attachments())
          .extracting(ItemFile::name)
          .containsExactly("pl-1.docx", "pl-2.txt");
      assertThat(Fixtures.text(first.attachments().get(1))).isEqualTo("phụ lục 2");
      ReadyItem second = (ReadyItem) items.get(1);
      assertThat(second.metadata().agencyCode()).as("default").isEqualTo("BN-SNV");
      assertThat(second.metadata().subject()).isEqualTo("Công văn\nhai dòng");
      assertThat(second.metadata().issuedDate()).isEqualTo(LocalDate.of(2024, 4, 1));
      ReadyItem unnamed = (ReadyItem) items.get(2);
      assertThat(unnamed.metadata().subject()).isEqualTo("khong-ten.txt");
      assertThat(unnamed.metadata().agencyCode()).isEqualTo("BN-SNV");
      assertThat(unnamed.metadata().seriesCode()).isEqualTo("S-10");
      assertThat(Fixtures.text(unnamed.file())).isEqualTo("không ai nhắc tới");
    }
  }

  @Test
  void metadataJsonGivesTheSameItems() throws Exception {
    String json =
        """
        [
          {"path": "qd-123.pdf", "agencyCode": "BN", "subject": "Quyết định 123",
           "number": 123, "issuedDate": "2024/03/15", "keywords": ["a", "b"],
           "signaturePath": "qd-123.pdf.p7s",
           "attachmentPaths": ["phu-luc/pl-1.docx", "phu-luc/pl-2.txt"], "STT": 1},
          {"path": "cv-45.txt", "subject": "Công văn 45", "issuedDate": null}
        ]
        """;
    byte[] pkg = files().add("metadata.json", json).zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(PackageFormat.ZIP);
      assertThat(o.reader().warnings()).anyMatch(w -> w.contains("'STT'"));
      List<IntakeItem> items = o.items();
      assertThat(items)
          .extracting(IntakeItem::path)
          .containsExactly("qd-123.pdf", "cv-45.txt", "khong-ten.txt");
      ReadyItem first = (ReadyItem) items.get(0);
      assertThat(first.metadata().number()).isEqualTo("123");
      assertThat(first.metadata().keywords()).isEqualTo("a; b");
      assertThat(first.metadata().issuedDate()).isEqualTo(LocalDate.of(2024, 3, 15));
      assertThat(first.attachments()).hasSize(2);
      assertThat(((ReadyItem) items.get(1)).metadata().issuedDate()).isNull();
    }
  }

  @Test
  void aRowWithMissingColumnsFailsAloneAndTheRestReads() throws Exception {
    byte[] pkg =
        files()
            .add(
                "metadata.csv",
                csv(HEADER + "qd-123.pdf,BN,Quyết định\n" + "cv-45.txt,BN,Công văn 45,,,,,,,,,,\n"))
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, IntakeOptions.of(tmp))) {
      List<IntakeItem> items = o.items();
      assertThat(items).hasSize(2 + 4);
      FailedItem bad = (FailedItem) items.get(0);
      assertThat(bad.error().code()).isEqualTo(ItemErrorCode.INVALID_METADATA);
      assertThat(bad.error().message()).contains("metadata.csv row 2", "3 cells", "13");
      assertThat(items.get(1)).isInstanceOf(ReadyItem.class);
      assertThat(items.subList(2, 6))
          .extracting(IntakeItem::path)
          .as("files of a failed row are still named by it")
          .doesNotContain("qd-123.pdf")
          .contains("khong-ten.txt");
    }
  }

  @Test
  void aHeaderWithoutThePathColumnFailsEveryRow() throws Exception {
    byte[] pkg =
        new Archives()
            .add("a.txt", "a")
            .add("metadata.csv", csv("subject,agencyCode\nChỉ có chủ đề,BN\n"))
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, IntakeOptions.of(tmp))) {
      List<IntakeItem> items = o.items();
      assertThat(code(items.get(0))).isEqualTo(ItemErrorCode.INVALID_METADATA);
      assertThat(((FailedItem) items.get(0)).error().message()).contains("path is required");
      assertThat(items.get(1).path()).isEqualTo("a.txt");
    }
  }

  @Test
  void aRowNamingAMissingFileFailsNamingItAndTheColumn() throws Exception {
    byte[] pkg =
        files()
            .add(
                "metadata.csv",
                csv(
                    "path,subject,attachmentPaths\n"
                        + "khong-co.pdf,Không có tệp,\n"
                        + "cv-45.txt,Công văn,phu-luc/khong-co.txt\n"
                        + "qd-123.pdf,Quyết định,\n"))
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, IntakeOptions.of(tmp))) {
      List<IntakeItem> items = o.items();
      FailedItem missing = (FailedItem) items.get(0);
      assertThat(missing.error().code()).isEqualTo(ItemErrorCode.MISSING_FILE);
      assertThat(missing.error().message()).contains("row 2", "path", "khong-co.pdf");
      FailedItem attachment = (FailedItem) items.get(1);
      assertThat(attachment.error().code()).isEqualTo(ItemErrorCode.MISSING_FILE);
      assertThat(attachment.error().message()).contains("attachmentPaths", "phu-luc/khong-co.txt");
      assertThat(items.get(2)).isInstanceOf(ReadyItem.class);
    }
  }

  @Test
  void aBadDateFailsNamingRowAndColumn() throws Exception {
    byte[] pkg =
        files()
            .add("metadata.csv", csv("path,subject,issuedDate\nqd-123.pdf,QĐ,31/02/2024\n"))
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, IntakeOptions.of(tmp))) {
      FailedItem item = (FailedItem) o.reader().read(0);
      assertThat(item.error().code()).isEqualTo(ItemErrorCode.INVALID_METADATA);
      assertThat(item.error().message()).contains("row 2", "issuedDate", "31/02/2024");
    }
  }

  @Test
  void twoRowsNamingOneFileFailTheSecond() throws Exception {
    byte[] pkg =
        files().add("metadata.csv", csv("path,subject\nqd-123.pdf,Một\n./qd-123.pdf,Hai\n")).zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, IntakeOptions.of(tmp))) {
      assertThat(o.reader().read(0)).isInstanceOf(ReadyItem.class);
      assertThat(code(o.reader().read(1))).isEqualTo(ItemErrorCode.DUPLICATE_PATH);
    }
  }

  @Test
  void pathsAreRelativeToTheTopFolderAndMatchDecomposedNames() throws Exception {
    String nfd = java.text.Normalizer.normalize("Quyết định.pdf", java.text.Normalizer.Form.NFD);
    byte[] pkg =
        new Archives()
            .dir("xuat-khau")
            .add("xuat-khau/" + nfd, "pdf")
            .add("xuat-khau/metadata.csv", csv("path,subject\nQuyết định.pdf,QĐ\n"))
            .add("__MACOSX/xuat-khau/._Quyết định.pdf", "resource fork")
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(PackageFormat.ZIP);
      assertThat(o.reader().size()).isEqualTo(1);
      ReadyItem item = (ReadyItem) o.reader().read(0);
      assertThat(item.path()).isEqualTo("xuat-khau/Quyết định.pdf");
      assertThat(Fixtures.text(item.file())).isEqualTo("pdf");
    }
  }

  @Test
  void unknownColumnsAreIgnoredWithAWarning() throws Exception {
    byte[] pkg =
        files()
            .add("metadata.csv", csv("STT,path,subject,Ghi chú khác\n1,qd-123.pdf,QĐ,x\n"))
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, IntakeOptions.of(tmp))) {
      assertThat(o.reader().warnings()).hasSize(2);
      assertThat(((ReadyItem) o.reader().read(0)).metadata().subject()).isEqualTo("QĐ");
    }
  }

  @Test
  void aCsvThatIsNotUtf8IsRefusedAsAWhole() throws Exception {
    byte[] latin =
        "path,subject\nqd-123.pdf,Đường\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1258"));
    PackageException e =
        Fixtures.refused(tmp, files().add("metadata.csv", latin).zip(), IntakeOptions.of(tmp));
    assertThat(e.code()).isEqualTo(PackageErrorCode.INVALID_METADATA);
    assertThat(e.getMessage()).contains("UTF-8");
  }

  @Test
  void anUnclosedQuoteIsRefusedAsAWholeWithinTheRowLimit() throws Exception {
    StringBuilder csv = new StringBuilder("path,subject\nqd-123.pdf,\"never closed\n");
    for (int i = 0; i < 40_000; i++) {
      csv.append("cv-45.txt,dòng số ").append(i * 7919 % 100_003).append('\n');
    }
    IntakeLimits limits = IntakeLimits.defaults();
    limits =
        new IntakeLimits(
            limits.maxEntries(),
            limits.maxPackageBytes(),
            limits.maxEntryBytes(),
            limits.maxCompressionRatio(),
            limits.ratioFloorBytes(),
            limits.maxMarkupBytes(),
            limits.maxHeaderChars(),
            limits.maxElementDepth(),
            limits.maxAttachments(),
            limits.maxMetadataBytes(),
            64 * 1024);
    PackageException e =
        Fixtures.refused(
            tmp,
            files().add("metadata.csv", csv(csv.toString())).zip(),
            IntakeOptions.of(tmp).withLimits(limits));
    assertThat(e.code()).isEqualTo(PackageErrorCode.INVALID_METADATA);
    assertThat(e.getMessage()).contains("unclosed quote");
  }
}
