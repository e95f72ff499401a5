package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tangthu.intake.HostileXmlTest.code;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Archives built to hurt the reader (zip-slip paths, zip bombs, lying headers, links, nested
 * archives): each is one failed item with a clear code, the rest of the package still reads.
 */
class ArchiveSafetyTest {

  @TempDir Path tmp;

  private static final byte[] CSV =
      "path,subject\ngood.txt,Tệp tốt\n".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../evil.txt",
        "/etc/evil.txt",
        "C:/evil.txt",
        "a\\..\\..\\evil.txt",
        "nul\0.txt",
        "a/../../evil.txt"
      })
  void aZipSlipPathIsOneUnsafeItem(String name) throws Exception {
    byte[] zip =
        new Archives().add("metadata.csv", CSV).add("good.txt", "tốt").add(name, "evil").zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, zip, IntakeOptions.of(tmp))) {
      List<IntakeItem> items = o.items();
      assertThat(items).hasSize(2);
      assertThat(items.get(0)).isInstanceOf(ReadyItem.class);
      assertThat(code(items.get(1))).isEqualTo(ItemErrorCode.UNSAFE_PATH);
      assertThat(((FailedItem) items.get(1)).error().message()).contains("refused");
    }
  }

  @Test
  void aZipSlipPathInABatchOrARowIsUnsafe() throws Exception {
    byte[] batch =
        new Archives()
            .add("ok.xml", Messages.standard().bytes())
            .add("../../etc/cron.d/evil.xml", Messages.standard().bytes())
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, batch, IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(PackageFormat.EDXML_BATCH);
      assertThat(o.reader().read(0)).isInstanceOf(ReadyItem.class);
      assertThat(code(o.reader().read(1))).isEqualTo(ItemErrorCode.UNSAFE_PATH);
    }
    byte[] row =
        new Archives()
            .add("metadata.csv", "path,subject\n../secret.txt,X\ngood.txt,Y\n")
            .add("good.txt", "tốt")
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, row, IntakeOptions.of(tmp))) {
      assertThat(code(o.reader().read(0))).isEqualTo(ItemErrorCode.UNSAFE_PATH);
      assertThat(o.reader().read(1)).isInstanceOf(ReadyItem.class);
    }
  }

  @Test
  void aSymbolicLinkInATarIsUnsafe() throws Exception {
    byte[] tar =
        new Archives()
            .add("metadata.csv", CSV)
            .add("good.txt", "tốt")
            .symlink("passwd.txt", "/etc/passwd")
            .tar();
    try (Fixtures.Opened o = Fixtures.open(tmp, tar, IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(PackageFormat.TAR);
      List<IntakeItem> items = o.items();
      assertThat(items).hasSize(2);
      assertThat(code(items.get(1))).isEqualTo(ItemErrorCode.UNSAFE_PATH);
      assertThat(((FailedItem) items.get(1)).error().message()).contains("link");
    }
  }

  @Test
  void aGigabyteOfZerosIsRefusedBeforeReadingAndTheRestReads() throws Exception {
    byte[] zip =
        Bombs.zipWithZeros(
            "zeros.pdf",
            1024,
            Bombs.GIB,
            new Archives().add("metadata.csv", CSV).add("good.txt", "tốt"),
            new Archives().add("after.txt", "sau"));
    assertThat(zip.length).isLessThan(2 << 20);
    try (Fixtures.Opened o = Fixtures.open(tmp, zip, IntakeOptions.of(tmp))) {
      List<IntakeItem> items = o.items();
      assertThat(items)
          .extracting(IntakeItem::path)
          .containsExactly("good.txt", "zeros.pdf", "after.txt");
      FailedItem bomb = (FailedItem) items.get(1);
      assertThat(bomb.error().code()).isEqualTo(ItemErrorCode.ENTRY_TOO_LARGE);
      assertThat(bomb.error().message()).contains("zeros.pdf", "zip bomb");
      assertThat(Fixtures.text(((ReadyItem) items.get(2)).file())).isEqualTo("sau");
    }
  }

  @Test
  void aBombThatLiesAboutItsSizeIsStoppedWhileReading() throws Exception {
    byte[] zip =
        Bombs.zipWithZeros(
            "zeros.pdf",
            1024,
            10_000,
            new Archives().add("metadata.csv", CSV).add("good.txt", "x"),
            new Archives());
    try (Fixtures.Opened o = Fixtures.open(tmp, zip, IntakeOptions.of(tmp))) {
      ReadyItem item = (ReadyItem) o.reader().read(1);
      assertThatThrownBy(() -> Fixtures.bytes(item.file()))
          .isInstanceOfSatisfying(
              ItemReadException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ItemErrorCode.ENTRY_TOO_LARGE);
                assertThat(e.getMessage()).contains("10000 bytes its header declares");
              });
    }
  }

  @Test
  void anEdxmlAttachmentLargerThanTheEntryLimitIsTooLarge() throws Exception {
    IntakeOptions options =
        IntakeOptions.of(tmp).withLimits(IntakeLimits.defaults().withMaxEntryBytes(1 << 20));
    Messages m = Messages.standard();
    m.attachments.clear();
    m.attachRaw("big", "big.pdf", "application/pdf", "AAAA".repeat(400_000), true);
    try (Fixtures.Opened o = Fixtures.open(tmp, m.bytes(), options)) {
      FailedItem item = (FailedItem) o.reader().read(0);
      assertThat(item.error().code()).isEqualTo(ItemErrorCode.ENTRY_TOO_LARGE);
      assertThat(item.error().message()).contains("Attachment 1", "1048576");
    }
  }

  @Test
  void aCrcMismatchIsACorruptEntry() throws Exception {
    byte[] zip =
        new Archives()
            .add("metadata.csv", CSV)
            .add("good.txt", "tốt lắm ".repeat(500))
            .add("small.txt", "nhỏ")
            .zip();
    zip = Bombs.patchCentral(zip, "good.txt", Bombs.CD_CRC, 0x12345678);
    zip = Bombs.patchCentral(zip, "small.txt", Bombs.CD_CRC, 0x12345678);
    try (Fixtures.Opened o = Fixtures.open(tmp, zip, IntakeOptions.of(tmp))) {
      ReadyItem item = (ReadyItem) o.reader().read(0);
      assertThatThrownBy(() -> Fixtures.bytes(item.file()))
          .as("found while streaming")
          .isInstanceOfSatisfying(
              ItemReadException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ItemErrorCode.ENTRY_UNREADABLE);
                assertThat(e.getMessage()).contains("CRC");
              });
      assertThat(code(o.reader().read(1)))
          .as("a file shorter than the sniffed head is checked whole before it is offered")
          .isEqualTo(ItemErrorCode.ENTRY_UNREADABLE);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 700, 1500})
  void aTruncatedTarIsRefusedAsAWhole(int keep) throws Exception {
    byte[] tar =
        new Archives().add("metadata.csv", CSV).add("good.txt", "tốt lắm ".repeat(200)).tar();
    PackageException e =
        Fixtures.refused(tmp, java.util.Arrays.copyOf(tar, keep), IntakeOptions.of(tmp));
    assertThat(e.code()).isEqualTo(PackageErrorCode.UNSUPPORTED_PACKAGE);
    assertThat(e.getMessage()).contains("tar");
  }

  @Test
  void aZipCutBeforeItsCentralDirectoryIsRefusedAsAWhole() throws Exception {
    byte[] zip =
        new Archives().add("metadata.csv", CSV).add("good.txt", "tốt lắm ".repeat(200)).zip();
    PackageException e =
        Fixtures.refused(tmp, java.util.Arrays.copyOf(zip, zip.length - 30), IntakeOptions.of(tmp));
    assertThat(e.code()).isEqualTo(PackageErrorCode.UNSUPPORTED_PACKAGE);
    assertThat(e.getMessage()).contains("central directory");
  }

  @Test
  void anEncryptedEntryIsUnreadable() throws Exception {
    byte[] zip =
        new Archives().add("metadata.csv", CSV).add("good.txt", "tốt").add("locked.pdf", "x").zip();
    zip = Bombs.patchCentral(zip, "locked.pdf", Bombs.CD_FLAGS, 0x0801);
    try (Fixtures.Opened o = Fixtures.open(tmp, zip, IntakeOptions.of(tmp))) {
      IntakeItem locked = o.reader().read(1);
      assertThat(code(locked)).isEqualTo(ItemErrorCode.ENTRY_UNREADABLE);
      assertThat(((FailedItem) locked).error().message()).contains("encrypted");
    }
  }

  @Test
  void nestedArchivesAreNotExpanded() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("inner".getBytes(StandardCharsets.UTF_8));
    }
    byte[] zip =
        new Archives()
            .add("metadata.csv", CSV)
            .add("good.txt", "tốt")
            .add("inner.zip", new Archives().add("a.pdf", "a").add("b.pdf", "b").zip())
            .add("logs.gz", gz.toByteArray())
            .add("report.docx", new Archives().add("[Content_Types].xml", "<Types/>").zip())
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, zip, IntakeOptions.of(tmp))) {
      List<IntakeItem> items = o.items();
      assertThat(items)
          .extracting(IntakeItem::path)
          .containsExactly("good.txt", "inner.zip", "logs.gz", "report.docx");
      assertThat(code(items.get(1))).isEqualTo(ItemErrorCode.NESTED_ARCHIVE);
      assertThat(code(items.get(2))).isEqualTo(ItemErrorCode.NESTED_ARCHIVE);
      assertThat(items.get(3))
          .as("a DOCX is a zip, not an archive to expand")
          .isInstanceOf(ReadyItem.class);
    }
  }

  @Test
  void twoEntriesWithOnePathAreDuplicates() throws Exception {
    byte[] zip =
        new Archives()
            .add("metadata.csv", "path,subject\ntwice.txt,Hai lần\n")
            .add("twice.txt", "one")
            .add("twice.txt", "two")
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, zip, IntakeOptions.of(tmp))) {
      assertThat(code(o.reader().read(0))).isEqualTo(ItemErrorCode.DUPLICATE_PATH);
    }
  }

  @Test
  void tooManyEntriesOrBytesRefuseThePackage() throws Exception {
    Archives a = new Archives().add("metadata.csv", CSV);
    for (int i = 0; i < 20; i++) {
      a.add("f" + i + ".txt", "x".repeat(100));
    }
    byte[] zip = a.zip();
    PackageException entries =
        Fixtures.refused(
            tmp,
            zip,
            IntakeOptions.of(tmp).withLimits(IntakeLimits.defaults().withMaxPackage(10, 1 << 30)));
    assertThat(entries.code()).isEqualTo(PackageErrorCode.PACKAGE_TOO_LARGE);
    assertThat(entries.getMessage()).contains("21 entries");
    PackageException bytes =
        Fixtures.refused(
            tmp,
            a.tar(),
            IntakeOptions.of(tmp).withLimits(IntakeLimits.defaults().withMaxPackage(100, 1000)));
    assertThat(bytes.code()).isEqualTo(PackageErrorCode.PACKAGE_TOO_LARGE);
  }

  @Test
  void aGzipCompressedTarIsATar() throws Exception {
    byte[] tar = new Archives().add("metadata.csv", CSV).add("good.txt", "tốt").tar();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(tar);
    }
    try (Fixtures.Opened o = Fixtures.open(tmp, gz.toByteArray(), IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(PackageFormat.TAR);
      ReadyItem item = (ReadyItem) o.reader().read(0);
      assertThat(Fixtures.text(item.file())).isEqualTo("tốt");
    }
  }

  @Test
  void aGzipBombIsRefusedAsAPackage() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 256; i++) {
        out.write(zeros);
      }
    }
    PackageException e = Fixtures.refused(tmp, gz.toByteArray(), IntakeOptions.of(tmp));
    assertThat(e.code()).isEqualTo(PackageErrorCode.PACKAGE_TOO_LARGE);
  }
}
