package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format comes from the bytes, in the order the contract gives; never from a name. */
class FormatDetectionTest {

  @TempDir Path tmp;

  private PackageFormat format(byte[] bytes) throws Exception {
    try (Fixtures.Opened o = Fixtures.open(tmp, bytes, IntakeOptions.of(tmp))) {
      return o.reader().format();
    }
  }

  private PackageException refused(byte[] bytes) throws Exception {
    return Fixtures.refused(tmp, bytes, IntakeOptions.of(tmp));
  }

  @Test
  void aSingleXmlDocumentIsEdxmlWhateverItsRoot() throws Exception {
    assertThat(format(Messages.standard().bytes())).isEqualTo(PackageFormat.EDXML);
    assertThat(format(("\uFEFF\n  <note/>").getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(PackageFormat.EDXML);
  }

  @Test
  void zipsTarsAndGzippedTarsOfMessagesAreBatches() throws Exception {
    Archives a =
        new Archives()
            .dir("2024")
            .add("2024/a.xml", Messages.standard().bytes())
            .add("2024/b.xml", Messages.standard().bytes());
    assertThat(format(a.zip())).isEqualTo(PackageFormat.EDXML_BATCH);
    assertThat(format(a.tar())).isEqualTo(PackageFormat.EDXML_BATCH);
    assertThat(format(gzip(a.tar()))).isEqualTo(PackageFormat.EDXML_BATCH);
  }

  @Test
  void aBagWinsOverMetadataAndMetadataOverMessages() throws Exception {
    Bags bag = BagTest.standard();
    bag.extraTags.put("metadata.json", Bags.utf8("[]"));
    assertThat(format(bag.archive().zip())).isEqualTo(PackageFormat.BAGIT);
    Archives both =
        new Archives()
            .add("a.xml", Messages.standard().bytes())
            .add("metadata.csv", "path,subject\na.xml,Thông điệp\n");
    assertThat(format(both.zip())).isEqualTo(PackageFormat.ZIP);
    assertThat(format(both.tar())).isEqualTo(PackageFormat.TAR);
  }

  @Test
  void metadataIsFoundAtTheRootOrUnderOneTopFolderOnly() throws Exception {
    assertThat(
            format(
                new Archives()
                    .add("export/metadata.csv", "path,subject\na.pdf,A\n")
                    .add("export/a.pdf", "a")
                    .zip()))
        .isEqualTo(PackageFormat.ZIP);
    PackageException deep =
        refused(
            new Archives()
                .add("export/2024/metadata.csv", "path,subject\na.pdf,A\n")
                .add("export/2024/a.pdf", "a")
                .add("export/readme.txt", "x")
                .zip());
    assertThat(deep.code()).isEqualTo(PackageErrorCode.UNSUPPORTED_PACKAGE);
  }

  @Test
  void anythingElseIsUnsupported() throws Exception {
    byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    byte[] sevenZip = {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c, 0, 4};
    byte[] plainZip = new Archives().add("a.pdf", "a").add("b.docx", "b").zip();
    byte[] truncatedZip = Arrays.copyOf(plainZip, 40);
    for (byte[] bytes : new byte[][] {new byte[0], pdf, sevenZip, plainZip, truncatedZip}) {
      PackageException e = refused(bytes);
      assertThat(e.code()).isEqualTo(PackageErrorCode.UNSUPPORTED_PACKAGE);
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Test
  void aBatchIsRecognisedFromItsFirstSixteenFiles() throws Exception {
    Archives late = new Archives();
    for (int i = 0; i < 16; i++) {
      late.add(String.format("%02d-note.txt", i), "ghi chú");
    }
    late.add("17.xml", Messages.standard().bytes());
    assertThat(refused(late.zip()).code()).isEqualTo(PackageErrorCode.UNSUPPORTED_PACKAGE);
    Archives early = new Archives().add("00-note.txt", "ghi chú");
    early.add("01.xml", Messages.standard().bytes());
    assertThat(format(early.zip())).isEqualTo(PackageFormat.EDXML_BATCH);
  }

  static byte[] gzip(byte[] bytes) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
