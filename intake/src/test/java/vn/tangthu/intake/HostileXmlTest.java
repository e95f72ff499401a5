package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages built to hurt the reader: each is one failed item with a clear code, never an exception,
 * a fetched URL, an expanded entity or an exhausted heap; the rest of a batch still reads.
 */
class HostileXmlTest {

  @TempDir Path tmp;

  private FailedItem failed(byte[] message) throws Exception {
    try (Fixtures.Opened o = Fixtures.open(tmp, message, IntakeOptions.of(tmp))) {
      IntakeItem item = o.reader().read(0);
      assertThat(item).as("%s", item).isInstanceOf(FailedItem.class);
      return (FailedItem) item;
    }
  }

  /** The standard message with {@code doctype} before its root and {@code subject} inside. */
  static byte[] withDoctype(String doctype, String subject) {
    String xml = Messages.standard().set("Subject", "SUBJECT").xml();
    xml = xml.replace("<edXML:edXML ", doctype + "\n<edXML:edXML ");
    return xml.replace("SUBJECT", subject).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anExternalEntityWithAFileUrlIsRefusedAndNothingIsRead() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-PASSWORD");
    FailedItem item =
        failed(
            withDoctype(
                "<!DOCTYPE edXML:edXML [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
                "&xxe;"));
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.XML_HOSTILE);
    assertThat(item.error().message()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
  }

  @Test
  void anExternalDtdIsNeverFetched() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          byte[] dtd = "<!ENTITY x \"fetched\">".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, dtd.length);
          exchange.getResponseBody().write(dtd);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
      FailedItem item = failed(withDoctype("<!DOCTYPE edXML:edXML SYSTEM \"" + url + "\">", "&x;"));
      assertThat(item.error().code()).isEqualTo(ItemErrorCode.XML_HOSTILE);
      assertThat(hits).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void billionLaughsIsRefusedWithoutExpanding() throws Exception {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE edXML:edXML [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      String prev = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
      dtd.append(prev.repeat(10)).append("\">");
    }
    dtd.append("]>");
    FailedItem item = failed(withDoctype(dtd.toString(), "&lol9;"));
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.XML_HOSTILE);
  }

  @Test
  void aTagLongerThanTheMarkupLimitIsRefused() throws Exception {
    String xml =
        Messages.standard()
            .xml()
            .replace("<edXML:Subject>", "<edXML:Subject junk=\"" + "x".repeat(3 << 20) + "\">");
    FailedItem item = failed(xml.getBytes(StandardCharsets.UTF_8));
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.XML_HOSTILE);
    assertThat(item.error().message()).contains("tag longer than");
  }

  @Test
  void aCommentLongerThanTheMarkupLimitIsRefused() throws Exception {
    String xml =
        Messages.standard()
            .xml()
            .replace("<edXML:Subject>", "<!--" + "x".repeat(3 << 20) + "--><edXML:Subject>");
    FailedItem item = failed(xml.getBytes(StandardCharsets.UTF_8));
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.XML_HOSTILE);
    assertThat(item.error().message()).contains("comment longer than");
  }

  @Test
  void aHugeHeaderTextIsRefusedNamingTheElement() throws Exception {
    FailedItem item = failed(Messages.standard().set("Subject", "dài ".repeat(50_000)).bytes());
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.XML_HOSTILE);
    assertThat(item.error().message()).contains("MessageHeader/Subject");
  }

  @Test
  void deepNestingIsRefused() throws Exception {
    String deep = "<a>".repeat(500) + "</a>".repeat(500);
    String xml = Messages.standard().xml().replace("<edXML:Subject>", deep + "<edXML:Subject>");
    FailedItem item = failed(xml.getBytes(StandardCharsets.UTF_8));
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.XML_HOSTILE);
    assertThat(item.error().message()).contains("nested deeper");
  }

  @Test
  void base64GarbageIsAnAttachmentErrorNamingThePosition() throws Exception {
    Messages m = Messages.standard();
    m.attachments.clear();
    m.attachRaw("a", "a.pdf", "application/pdf", "JVBERi0xLjQK$$$garbage", true);
    FailedItem item = failed(m.bytes());
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.ATTACHMENT_INVALID);
    assertThat(item.error().message()).contains("not valid base64", "'$'", "position 13");
  }

  @Test
  void truncatedBase64IsAnAttachmentError() throws Exception {
    Messages m = Messages.standard();
    m.attachments.clear();
    m.attachRaw("a", "a.pdf", "application/pdf", "JVBERi0xLjQKJ", true);
    assertThat(failed(m.bytes()).error().code()).isEqualTo(ItemErrorCode.ATTACHMENT_INVALID);
  }

  @Test
  void base64WithoutPaddingIsAccepted() throws Exception {
    Messages m = Messages.standard();
    m.attachments.clear();
    m.attachRaw("a", "a.txt", "text/plain", "aGVsbG8", true);
    try (Fixtures.Opened o = Fixtures.open(tmp, m.bytes(), IntakeOptions.of(tmp))) {
      ReadyItem item = (ReadyItem) o.reader().read(0);
      assertThat(Fixtures.text(item.file())).isEqualTo("hello");
    }
  }

  @Test
  void aUtf16MessageIsRefused() throws Exception {
    byte[] utf16 =
        Messages.standard().xml().replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16);
    assertThat(failed(utf16).error().code()).isEqualTo(ItemErrorCode.EDXML_INVALID);
  }

  @Test
  void aMessageDeclaringAnEncodingWhoseMarkupIsNotAsciiIsRefused() throws Exception {
    String xml = Messages.standard().xml();
    String body =
        xml.substring(xml.indexOf("?>") + 2)
            .replace("<edXML:Subject>", "<edXML:Subject junk=\"" + "x".repeat(300_000) + "\">")
            .replaceAll("[^\\x00-\\x7f]", "?");
    byte[] declaration =
        "<?xml version=\"1.0\" encoding=\"IBM037\"?>".getBytes(StandardCharsets.US_ASCII);
    byte[] ebcdic = body.getBytes(Charset.forName("IBM037"));
    byte[] message = new byte[declaration.length + ebcdic.length];
    System.arraycopy(declaration, 0, message, 0, declaration.length);
    System.arraycopy(ebcdic, 0, message, declaration.length, ebcdic.length);
    FailedItem item = failed(message);
    assertThat(item.error().code()).isEqualTo(ItemErrorCode.EDXML_INVALID);
    assertThat(item.error().message()).contains("IBM037", "UTF-8");
  }

  @Test
  void aMessageInAnotherAsciiCompatibleEncodingReads() throws Exception {
    byte[] latin =
        Messages.standard()
            .set("Subject", "Ve viec phe duyet")
            .set("From/OrganName", "UBND tinh Bac Ninh")
            .set("SignerInfo/FullName", "Nguyen Van An")
            .set("SignerInfo/Competence", null)
            .set("SignerInfo/Position", null)
            .set("Code/CodeNotation", "QD-UBND")
            .set("DocumentType/TypeName", "Quyet dinh")
            .set("DocumentId", "000.00.00.H06,2024/03/15,123/QD-UBND")
            .xml()
            .replace("encoding=\"UTF-8\"", "encoding=\"windows-1258\"")
            .getBytes(StandardCharsets.US_ASCII);
    try (Fixtures.Opened o = Fixtures.open(tmp, latin, IntakeOptions.of(tmp))) {
      IntakeItem item = o.reader().read(0);
      assertThat(item).isInstanceOf(ReadyItem.class);
      assertThat(((ReadyItem) item).metadata().subject()).isEqualTo("Ve viec phe duyet");
    }
  }

  @Test
  void aBatchWithHostileMessagesStillReadsTheOthers() throws Exception {
    Messages m = Messages.standard();
    m.attachments.clear();
    m.attachRaw("a", "a.pdf", "application/pdf", "!!!!", true);
    byte[] batch =
        new Archives()
            .add("01-good.xml", Messages.standard().bytes())
            .add(
                "02-xxe.xml",
                withDoctype("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;"))
            .add("03-garbage.xml", m.bytes())
            .add("04-readme.txt", "not a message")
            .add("05-nested.zip", new Archives().add("x.xml", Messages.standard().bytes()).zip())
            .add("06-good.xml", Messages.standard().set("DocumentId", "second").bytes())
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, batch, IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(PackageFormat.EDXML_BATCH);
      List<IntakeItem> items = o.items();
      assertThat(items)
          .extracting(IntakeItem::path)
          .containsExactly(
              "01-good.xml",
              "02-xxe.xml",
              "03-garbage.xml",
              "04-readme.txt",
              "05-nested.zip",
              "06-good.xml");
      assertThat(items.get(0)).isInstanceOf(ReadyItem.class);
      assertThat(code(items.get(1))).isEqualTo(ItemErrorCode.XML_HOSTILE);
      assertThat(code(items.get(2))).isEqualTo(ItemErrorCode.ATTACHMENT_INVALID);
      assertThat(code(items.get(3))).isEqualTo(ItemErrorCode.EDXML_INVALID);
      assertThat(code(items.get(4))).isEqualTo(ItemErrorCode.NESTED_ARCHIVE);
      assertThat(items.get(5)).isInstanceOf(ReadyItem.class);
      assertThat(((ReadyItem) items.get(5)).metadata().docCode()).isEqualTo("second");
      items.forEach(IntakeItem::close);
    }
  }

  static ItemErrorCode code(IntakeItem item) {
    assertThat(item).as("%s", item).isInstanceOf(FailedItem.class);
    return ((FailedItem) item).error().code();
  }
}
