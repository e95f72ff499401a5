package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EdxmlMessageTest {

  @TempDir Path tmp;

  private final List<Fixtures.Opened> opened = new ArrayList<>();

  @AfterEach
  void closeReaders() throws IOException {
    for (Fixtures.Opened o : opened) {
      o.close();
    }
  }

  /** The package's only item; its reader stays open until the test ends. */
  private IntakeItem only(byte[] message) throws Exception {
    Fixtures.Opened o =
        Fixtures.open(tmp, message, IntakeOptions.of(tmp).withPackageName("message.xml"));
    opened.add(o);
    assertThat(o.reader().format()).isEqualTo(PackageFormat.EDXML);
    assertThat(o.reader().size()).isEqualTo(1);
    return o.reader().read(0);
  }

  private ReadyItem ready(byte[] message) throws Exception {
    IntakeItem item = only(message);
    assertThat(item).as(item.toString()).isInstanceOf(ReadyItem.class);
    return (ReadyItem) item;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void mapsTheHeaderFieldByFieldInBothForms(boolean envelope) throws Exception {
    Messages m = Messages.standard();
    m.envelope = envelope;
    try (Fixtures.Opened o =
        Fixtures.open(
            tmp,
            m.bytes(),
            IntakeOptions.of(tmp)
                .withPackageName("message.xml")
                .withDefaults(new ImportDefaults("IGNORED", "RESTRICTED", "S-01", "HS-7")))) {
      ReadyItem item = (ReadyItem) o.reader().read(0);
      ItemMetadata md = item.metadata();
      assertThat(item.path()).isEqualTo("message.xml");
      assertThat(md.agencyCode()).as("the sender decides, not the defaults").isNull();
      assertThat(md.subject()).isEqualTo("Về việc phê duyệt kế hoạch chuyển đổi số năm 2024");
      assertThat(md.typeName()).isEqualTo("Quyết định");
      assertThat(md.number()).isEqualTo("123");
      assertThat(md.notation()).isEqualTo("QĐ-UBND");
      assertThat(md.issuedDate()).isEqualTo(LocalDate.of(2024, 3, 15));
      assertThat(md.issuer()).isEqualTo("UBND tỉnh Bắc Ninh");
      assertThat(md.docCode()).isEqualTo("000.00.00.H06,2024/03/15,123/QĐ-UBND");
      assertThat(md.language()).isEqualTo("vi");
      assertThat(md.confidence()).isEqualTo("ORIGINAL_ELECTRONIC");
      assertThat(md.accessLevel()).isEqualTo("RESTRICTED");
      assertThat(md.seriesCode()).isEqualTo("S-01");
      assertThat(md.fileCode()).isEqualTo("HS-7");
      assertThat(md.description())
          .isEqualTo("Người ký: KT. CHỦ TỊCH, PHÓ CHỦ TỊCH, Nguyễn Văn An\nNơi ban hành: Bắc Ninh");
      assertThat(md.source())
          .isEqualTo(
              new ItemSource(
                  SourceKind.EDXML, "000.00.00.H06,2024/03/15,123/QĐ-UBND", "000.00.00.H06"));
      assertThat(md.toRecordFields())
          .containsEntry("issuedDate", "2024-03-15")
          .doesNotContainKey("agencyCode")
          .doesNotContainKey("source");
      EdxmlMessage msg = item.edxml().orElseThrow();
      assertThat(msg.form())
          .isEqualTo(envelope ? EdxmlForm.EDXML_ENVELOPE : EdxmlForm.QCVN_102_2016);
      assertThat(msg.fromOrganId()).isEqualTo("000.00.00.H06");
      assertThat(msg.signer())
          .isEqualTo(new EdxmlSigner("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"));
      assertThat(msg.place()).isEqualTo("Bắc Ninh");
      assertThat(msg.signed()).isFalse();
      assertThat(item.file().name()).isEqualTo("quyet-dinh-123.txt");
      assertThat(item.file().declaredContentType()).isEqualTo("text/plain");
      assertThat(Fixtures.text(item.file())).isEqualTo("Nội dung quyết định số 123");
      assertThat(item.attachments()).isEmpty();
      assertThat(item.signature()).isEmpty();
      item.close();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024/03/15|2024-03-15",
        "2024-03-15|2024-03-15",
        "15/03/2024|2024-03-15",
        "5/3/2024|2024-03-05",
        "15-03-2024|2024-03-15",
        "2024/03/15 08:30:00|2024-03-15",
        "2024-03-15T08:30:00|2024-03-15",
        "15/03/2024 08:30|2024-03-15",
        "2024-03-15T20:00:00Z|2024-03-16",
        "2024-03-15T23:00:00+07:00|2024-03-15",
        "2024-03-15T10:00:00.123+0700|2024-03-15"
      })
  void acceptsTheDateFormatsSendersUse(String written, String expected) throws Exception {
    ReadyItem item =
        ready(Messages.standard().set("PromulgationInfo/PromulgationDate", written).bytes());
    assertThat(item.metadata().issuedDate()).isEqualTo(LocalDate.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024/02/30", "15.03.2024", "2024/3", "March 15, 2024", "2024/13/01"})
  void refusesADateThatIsNotOneNamingTheElement(String written) throws Exception {
    IntakeItem item =
        only(Messages.standard().set("PromulgationInfo/PromulgationDate", written).bytes());
    assertThat(item).isInstanceOf(FailedItem.class);
    ItemError error = ((FailedItem) item).error();
    assertThat(error.code()).isEqualTo(ItemErrorCode.EDXML_INVALID);
    assertThat(error.message()).contains("PromulgationInfo/PromulgationDate", written);
  }

  @Test
  void ordersAttachmentsByTheManifestMatchedByContentId() throws Exception {
    Messages m = new Messages();
    m.header.putAll(Messages.standard().header);
    m.attachRaw("c", "c.txt", "text/plain", Messages.b64("third".getBytes()), false);
    m.attachRaw("b", "b.txt", "text/plain", Messages.b64("second".getBytes()), true);
    m.attachRaw("a", "a.txt", "text/plain", Messages.b64("first".getBytes()), true);
    // manifest lists b then a; the unreferenced c comes after them
    ReadyItem item = ready(m.bytes());
    assertThat(item.file().name()).isEqualTo("b.txt");
    assertThat(Fixtures.text(item.file())).isEqualTo("second");
    assertThat(item.attachments()).extracting(ItemFile::name).containsExactly("a.txt", "c.txt");
    assertThat(Fixtures.text(item.attachments().get(1))).isEqualTo("third");
  }

  @Test
  void readsAttachmentChildrenWithoutANamespace() throws Exception {
    Messages m = Messages.standard();
    m.namespacedAttachmentChildren = false;
    ReadyItem item = ready(m.bytes());
    assertThat(item.file().name()).isEqualTo("quyet-dinh-123.txt");
    assertThat(Fixtures.text(item.file())).isEqualTo("Nội dung quyết định số 123");
  }

  @Test
  void unwrapsAnAttachmentZippedBeforeEncoding() throws Exception {
    byte[] pdf = "%PDF-1.4 pretend".getBytes(StandardCharsets.US_ASCII);
    Messages m = Messages.standard();
    m.attachments.clear();
    m.attachRaw("z", "van-ban.zip", "application/zip", Messages.b64(zip("van-ban.pdf", pdf)), true);
    ReadyItem item = ready(m.bytes());
    assertThat(item.file().name()).isEqualTo("van-ban.pdf");
    assertThat(Fixtures.bytes(item.file())).isEqualTo(pdf);
    assertThat(item.file().size()).isEqualTo(pdf.length);
  }

  @Test
  void keepsAnOfficeDocumentThatIsAZipOfManyFiles() throws Exception {
    byte[] docx = zip2("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
    Messages m = Messages.standard();
    m.attachments.clear();
    m.attachRaw("d", "to-trinh.docx", "application/vnd.openxmlformats", Messages.b64(docx), true);
    ReadyItem item = ready(m.bytes());
    assertThat(item.file().name()).isEqualTo("to-trinh.docx");
    assertThat(Fixtures.bytes(item.file())).isEqualTo(docx);
  }

  @Test
  void refusesAZipOfManyFilesAsANestedArchive() throws Exception {
    byte[] many = zip2("a.pdf", "a", "b.pdf", "b");
    Messages m = Messages.standard();
    m.attachments.clear();
    m.attachRaw("z", "ho-so.zip", "application/zip", Messages.b64(many), true);
    FailedItem item = (FailedItem) only(m.bytes());
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.NESTED_ARCHIVE);
    assertThat(item.error().message()).contains("ho-so.zip");
  }

  @Test
  void aZipOfThousandsOfEntriesIsNotListedBeforeItIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < 5000; i++) {
        zip.putNextEntry(new ZipEntry("f" + i));
        zip.closeEntry();
      }
    }
    Messages m = Messages.standard();
    m.attachments.clear();
    m.attachRaw("z", "nhieu-tep.zip", "application/zip", Messages.b64(bytes.toByteArray()), true);
    FailedItem item = (FailedItem) only(m.bytes());
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.NESTED_ARCHIVE);
    assertThat(item.error().message()).contains("nhieu-tep.zip", "many files");
  }

  @Test
  void reportsTheSignatureElementAndKeepsTheExactBytes() throws Exception {
    Messages m = Messages.standard();
    m.signed = true;
    byte[] bytes = m.bytes();
    try (Fixtures.Opened o = Fixtures.open(tmp, bytes, IntakeOptions.of(tmp))) {
      ReadyItem item = (ReadyItem) o.reader().read(0);
      EdxmlMessage msg = item.edxml().orElseThrow();
      assertThat(msg.signed()).isTrue();
      assertThat(msg.size()).isEqualTo(bytes.length);
      try (var in = msg.open()) {
        assertThat(in.readAllBytes()).isEqualTo(bytes);
      }
      item.close();
    }
  }

  @Test
  void theFirstAttachmentIsTheRecordTheOthersItsAttachments() throws Exception {
    Messages m = Messages.standard();
    m.attach("att-2", "phu-luc-1.txt", "text/plain", "Phụ lục 1");
    m.attach("att-3", "phu-luc-2.txt", "text/plain", "Phụ lục 2");
    ReadyItem item = ready(m.bytes());
    assertThat(item.file().name()).isEqualTo("quyet-dinh-123.txt");
    assertThat(item.attachments())
        .extracting(ItemFile::name)
        .containsExactly("phu-luc-1.txt", "phu-luc-2.txt");
  }

  @Test
  void closingTheItemDeletesItsSpooledAttachments() throws Exception {
    try (Fixtures.Opened o =
        Fixtures.open(tmp, Messages.standard().bytes(), IntakeOptions.of(tmp))) {
      ReadyItem item = (ReadyItem) o.reader().read(0);
      assertThat(Fixtures.text(item.file())).isNotEmpty();
      item.close();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fixtures.bytes(item.file()))
          .isInstanceOf(IOException.class);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "From/OrganId|MessageHeader/From/OrganId",
        "Subject|MessageHeader/Subject",
      })
  void aMissingRequiredElementIsNamed(String path, String named) throws Exception {
    FailedItem item = (FailedItem) only(Messages.standard().set(path, null).bytes());
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.EDXML_INVALID);
    assertThat(item.error().message()).contains(named);
  }

  @Test
  void aReferenceWithoutItsAttachmentIsAnAttachmentError() throws Exception {
    Messages m = Messages.standard();
    m.attachments.add(new Messages.Attachment("ghost", "ghost.pdf", "application/pdf", null, true));
    String xml =
        m.xml().replaceAll("<edXML:Attachment><edXML:ContentId>ghost.*?</edXML:Attachment>", "");
    FailedItem item = (FailedItem) only(xml.getBytes(StandardCharsets.UTF_8));
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.ATTACHMENT_INVALID);
    assertThat(item.error().message()).contains("ghost");
  }

  @Test
  void aMessageWithoutAttachmentsIsMissingItsFile() throws Exception {
    Messages m = Messages.standard();
    m.attachments.clear();
    FailedItem item = (FailedItem) only(m.bytes());
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.MISSING_FILE);
  }

  @Test
  void anXmlDocumentThatIsNotEdxmlIsInvalid() throws Exception {
    FailedItem item = (FailedItem) only("<invoice><total>1</total></invoice>".getBytes());
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.EDXML_INVALID);
    assertThat(item.error().message()).contains("invoice");
  }

  @Test
  void malformedXmlIsInvalidWithItsPosition() throws Exception {
    byte[] broken = Messages.standard().xml().replace("</edXML:Subject>", "").getBytes();
    FailedItem item = (FailedItem) only(broken);
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.EDXML_INVALID);
    assertThat(item.error().message()).contains("line");
  }

  static byte[] zip(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(content);
      z.closeEntry();
    }
    return bytes.toByteArray();
  }

  static byte[] zip2(String n1, String c1, String n2, String c2) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry(n1));
      z.write(c1.getBytes(StandardCharsets.UTF_8));
      z.putNextEntry(new ZipEntry(n2));
      z.write(c2.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return bytes.toByteArray();
  }
}
