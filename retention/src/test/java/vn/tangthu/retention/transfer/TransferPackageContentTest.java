package vn.tangthu.retention.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.tangthu.retention.transfer.internal.Hashing;

class TransferPackageContentTest {
  private static final String METS = "http://www.loc.gov/METS/";
  private static final String XLINK = "http://www.w3.org/1999/xlink";
  private static final String PREMIS = "http://www.loc.gov/premis/v3";
  private static final String EAD = "urn:isbn:1-931666-22-9";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2041-01-06T03:00:00Z"), ZoneOffset.UTC);
  private static final TransferContext CONTEXT =
      new TransferContext("Lưu trữ cơ quan Sở Nội vụ", "Tàng Thư", "0.1.0", "lan.nguyen");
  private static final UUID ID = UUID.fromString("6f1c1a52-7f0e-4d3b-9a3c-1b2c3d4e5f60");

  @TempDir Path tmp;

  private TransferDossier dossier() throws IOException {
    Path corpus = TestFiles.corpus();
    var evidence =
        new ExtraFile(
            ExtraFile.Kind.EVIDENCE_RECORD,
            "r1.ers",
            "application/octet-stream",
            new byte[] {1, 2, 3});
    var report =
        new ExtraFile(
            ExtraFile.Kind.SIGNATURE_REPORT,
            "r1.json",
            "application/json",
            "{}".getBytes(StandardCharsets.UTF_8));
    return TestFiles.dossier(
        ID,
        "SO-NV.2020.HS-01",
        List.of(
            TestFiles.record(
                "r1",
                corpus.resolve("signatures/pades/DSS-2025.pdf"),
                "application/pdf",
                List.of(evidence, report)),
            TestFiles.record(
                "r2", corpus.resolve("vi-legal/bo-luat-dan-su.txt"), "text/plain", List.of()),
            TestFiles.bytesRecord("r3", "../../etc/passwd", "x".getBytes(StandardCharsets.UTF_8)),
            TestFiles.bytesRecord("r4", "../../etc/passwd", "y".getBytes(StandardCharsets.UTF_8))));
  }

  private byte[] write(List<TransferDossier> dossiers) {
    var out = new ByteArrayOutputStream();
    new TransferPackageWriter(CLOCK, CONTEXT).writeTar(dossiers, out);
    return out.toByteArray();
  }

  private Path extracted() throws IOException {
    TestFiles.untar(write(List.of(dossier())), tmp);
    return tmp.resolve("urn_uuid_" + ID);
  }

  private static Document parse(Path file) throws Exception {
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> all(Document doc, String ns, String local) {
    NodeList list = doc.getElementsByTagNameNS(ns, local);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  private static void assertReferenceMatches(Path base, Element withChecksum, String href)
      throws IOException {
    assertThat(href).doesNotStartWith("/").doesNotContain("://").doesNotContain("..");
    Path file = base.resolve(href);
    assertThat(file).as(href).isRegularFile();
    assertThat(withChecksum.getAttribute("CHECKSUMTYPE")).isEqualTo("SHA-256");
    assertThat(withChecksum.getAttribute("CHECKSUM")).as(href).isEqualTo(TestFiles.sha256(file));
    assertThat(Long.parseLong(withChecksum.getAttribute("SIZE"))).isEqualTo(Files.size(file));
    assertThat(withChecksum.getAttribute("CREATED")).endsWith("+07:00");
  }

  @Test
  void everyReferenceIsRelativeAndCarriesTheRightSha256AndSize() throws Exception {
    Path pkg = extracted();
    Document root = parse(pkg.resolve("METS.xml"));
    Document rep = parse(pkg.resolve("representations/rep1/METS.xml"));
    int checked = 0;
    for (Element md : all(root, METS, "mdRef")) {
      assertReferenceMatches(pkg, md, md.getAttributeNS(XLINK, "href"));
      checked++;
    }
    for (Element loc : all(root, METS, "FLocat")) {
      assertReferenceMatches(pkg, (Element) loc.getParentNode(), loc.getAttributeNS(XLINK, "href"));
      checked++;
    }
    for (Element loc : all(rep, METS, "FLocat")) {
      assertReferenceMatches(
          pkg.resolve("representations/rep1"),
          (Element) loc.getParentNode(),
          loc.getAttributeNS(XLINK, "href"));
      checked++;
    }
    // EAD + PREMIS + 2 extras, 4 schemas + rep METS, 4 data files
    assertThat(checked).isEqualTo(4 + 5 + 4);
    try (var files = Files.walk(pkg)) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(checked + 1);
    }
  }

  @Test
  void headerFollowsTheCircular() throws Exception {
    Path pkg = extracted();
    Element mets = parse(pkg.resolve("METS.xml")).getDocumentElement();
    assertThat(mets.getAttribute("OBJID")).isEqualTo("urn:uuid:" + ID);
    assertThat(pkg.getFileName().toString()).isEqualTo("urn_uuid_" + ID);
    assertThat(mets.getAttribute("PROFILE")).isNotBlank();
    assertThat(mets.getAttributeNS("https://DILCIS.eu/XML/METS/CSIPExtensionMETS", "OTHERTYPE"))
        .isEqualTo("AIP");
    Element hdr = (Element) mets.getElementsByTagNameNS(METS, "metsHdr").item(0);
    assertThat(hdr.getAttribute("CREATEDATE")).isEqualTo("2041-01-06T10:00:00+07:00");
    assertThat(
            hdr.getAttributeNS("https://DILCIS.eu/XML/METS/CSIPExtensionMETS", "OAISPACKAGETYPE"))
        .isEqualTo("AIP");
    Element map = (Element) mets.getElementsByTagNameNS(METS, "structMap").item(0);
    assertThat(map.getAttribute("LABEL")).isEqualTo("CSIP");
  }

  @Test
  void bothMetsFilesValidateAgainstTheShippedSchemas() throws Exception {
    Path pkg = extracted();
    var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var schema = factory.newSchema(pkg.resolve("schemas/mets1_12.xsd").toFile());
    for (Path mets :
        List.of(pkg.resolve("METS.xml"), pkg.resolve("representations/rep1/METS.xml"))) {
      schema.newValidator().validate(new StreamSource(mets.toFile()));
    }
  }

  @Test
  void premisRecordsFixityEventsAndAgents() throws Exception {
    Path pkg = extracted();
    Document premis = parse(pkg.resolve("metadata/preservation/PREMIS.xml"));
    List<String> digests =
        all(premis, PREMIS, "messageDigest").stream().map(Element::getTextContent).toList();
    try (var data = Files.list(pkg.resolve("representations/rep1/data"))) {
      for (Path f : data.toList()) {
        assertThat(digests).contains(TestFiles.sha256(f));
      }
    }
    List<String> events =
        all(premis, PREMIS, "eventType").stream().map(Element::getTextContent).toList();
    assertThat(events)
        .containsOnly("ingestion", "digital signature validation", "fixity check", "transfer");
    assertThat(events).filteredOn("ingestion"::equals).hasSize(4);
    assertThat(events).filteredOn("transfer"::equals).hasSize(1);
    assertThat(all(premis, PREMIS, "eventDateTime"))
        .allSatisfy(e -> assertThat(e.getTextContent()).endsWith("+07:00"));
    assertThat(all(premis, PREMIS, "agentName").stream().map(Element::getTextContent))
        .contains("Tàng Thư", "lan.nguyen", "Lưu trữ cơ quan Sở Nội vụ");
    assertThat(all(premis, PREMIS, "originalName").stream().map(Element::getTextContent))
        .contains("DSS-2025.pdf", "../../etc/passwd");
  }

  @Test
  void eadDescribesTheDossierAndEveryRecord() throws Exception {
    Path pkg = extracted();
    Document ead = parse(pkg.resolve("metadata/descriptive/EAD.xml"));
    assertThat(all(ead, EAD, "titleproper").get(0).getTextContent())
        .isEqualTo("Hồ sơ ban hành quy chế làm việc năm 2020");
    assertThat(all(ead, EAD, "unitid").get(0).getTextContent()).isEqualTo("SO-NV.2020.HS-01");
    assertThat(all(ead, EAD, "c")).hasSize(4);
    assertThat(all(ead, EAD, "unitdate").get(0).getAttribute("normal"))
        .isEqualTo("2020-01-05/2020-12-20");
    assertThat(all(ead, EAD, "scopecontent").get(0).getTextContent())
        .contains("& phụ lục <kèm theo>");
  }

  @Test
  void hostileFileNamesStayInsideTheDataFolder() throws Exception {
    Path pkg = extracted();
    try (var data = Files.list(pkg.resolve("representations/rep1/data"))) {
      List<String> names = data.map(p -> p.getFileName().toString()).toList();
      assertThat(names).contains("001_DSS-2025.pdf", "002_bo-luat-dan-su.txt").hasSize(4);
      assertThat(names)
          .allSatisfy(
              n -> assertThat(n).doesNotContain("..").doesNotContain("/").doesNotStartWith("."));
    }
  }

  @Test
  void sameInputAndClockGiveTheSameBytes() throws IOException {
    assertThat(write(List.of(dossier()))).isEqualTo(write(List.of(dossier())));
  }

  private static TransferRecord withContent(String sha256, long size, byte[] actual) {
    return new TransferRecord(
        "bad",
        Optional.empty(),
        "bad.txt",
        "text/plain",
        size,
        sha256,
        Instant.EPOCH,
        "s",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "NOT_SIGNED",
        () -> new ByteArrayInputStream(actual),
        List.of());
  }

  @Test
  void contentThatDoesNotMatchItsDeclarationIsRefused() {
    byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
    String sha = Hashing.sha256Hex(bytes);
    var wrongHash = withContent("0".repeat(64), 3, bytes);
    var tooShort = withContent(sha, 4, bytes);
    var tooLong = withContent(sha, 2, bytes);
    for (var r : List.of(wrongHash, tooShort, tooLong)) {
      var d = TestFiles.dossier(ID, "HS", List.of(r));
      assertThatThrownBy(() -> write(List.of(d)))
          .isInstanceOf(TransferException.class)
          .hasMessageContaining("bad.txt");
    }
  }

  @Test
  void unreadableSourceIsATransferException() {
    var r =
        new TransferRecord(
            "r",
            Optional.empty(),
            "a.txt",
            "text/plain",
            1,
            "0".repeat(64),
            Instant.EPOCH,
            "s",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "NOT_SIGNED",
            () -> {
              throw new IOException("S3 unavailable");
            },
            List.of());
    assertThatThrownBy(() -> write(List.of(TestFiles.dossier(ID, "HS", List.of(r)))))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("S3 unavailable");
  }

  @Test
  void duplicatePackagesAndEmptyInputAreRefused() throws IOException {
    assertThatThrownBy(() -> write(List.of(dossier(), dossier())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> write(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TestFiles.dossier(ID, "HS", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A large original streams through without being held in memory. */
  @Test
  void largeContentStreams() throws IOException {
    long size = 48L * 1024 * 1024;
    var digest = Hashing.sha256();
    try (InputStream in = generated(size)) {
      byte[] buf = new byte[65536];
      int n;
      while ((n = in.read(buf)) > 0) {
        digest.update(buf, 0, n);
      }
    }
    var r = withContent(Hashing.hex(digest.digest()), size, new byte[0]);
    var big =
        new TransferRecord(
            r.recordId(),
            r.mainRecordId(),
            "big.bin",
            "application/octet-stream",
            size,
            r.sha256(),
            r.createdAt(),
            r.subject(),
            r.typeName(),
            r.numberNotation(),
            r.issuedDate(),
            r.issuer(),
            r.pageCount(),
            r.signatureStatus(),
            () -> generated(size),
            List.of());
    long[] written = {0};
    OutputStream counting =
        new OutputStream() {
          @Override
          public void write(int b) {
            written[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            written[0] += len;
          }
        };
    new TransferPackageWriter(CLOCK, CONTEXT)
        .writeTar(List.of(TestFiles.dossier(ID, "HS", List.of(big))), counting);
    assertThat(written[0]).isGreaterThan(size);
  }

  private static InputStream generated(long size) {
    return new InputStream() {
      long left = size;

      @Override
      public int read() {
        return left-- > 0 ? (int) (left * 31 % 251) : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        for (int i = 0; i < n; i++) {
          left--;
          b[off + i] = (byte) (left * 31 % 251);
        }
        return n;
      }
    };
  }
}
