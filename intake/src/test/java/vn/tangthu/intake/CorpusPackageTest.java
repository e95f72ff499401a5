package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real files from {@code ../shared/corpus} (office documents that are zips, signed PDFs, mail,
 * spreadsheets, archives, an XXE probe) inside generated packages of every format: each arrives
 * bit-exact (checked against the SHA-256 in the corpus's own {@code MANIFEST.tsv}), office
 * documents are never mistaken for nested archives, real archives always are, and real hostile
 * files fail alone.
 */
class CorpusPackageTest {

  /** A corpus file and its SHA-256 as the corpus's manifest lists it. */
  record CorpusFile(String path, Path file, String sha256, String family) {
    String name() {
      return file.getFileName().toString();
    }

    byte[] bytes() throws IOException {
      return Files.readAllBytes(file);
    }
  }

  @TempDir Path tmp;

  static List<CorpusFile> documents;
  static List<CorpusFile> archives;

  @BeforeAll
  static void load() throws IOException {
    List<CorpusFile> formats = manifest("formats", f -> true);
    documents = new ArrayList<>();
    archives = new ArrayList<>();
    for (CorpusFile f : formats) {
      if (f.family().equals("archive")) {
        archives.add(f);
      } else if (Files.size(f.file()) <= 1 << 20) {
        documents.add(f);
      }
    }
    documents.addAll(
        manifest("signatures", f -> f.path().startsWith("pades/")).stream()
            .filter(f -> f.file().toFile().length() <= 400_000)
            .toList());
    assertThat(documents).hasSizeGreaterThan(150);
    assertThat(archives).hasSizeGreaterThan(10);
  }

  private static List<CorpusFile> manifest(String folder, Predicate<CorpusFile> keep)
      throws IOException {
    Path dir = Repository.corpus().resolve(folder);
    List<String> lines = Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t"));
    int sha = header.indexOf("sha256");
    int family = header.indexOf("family");
    int edge = header.indexOf("edge_case");
    List<CorpusFile> files = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      boolean edgeCase = edge >= 0 && c[edge].equals("yes");
      String fam = family >= 0 ? c[family] : "signed";
      CorpusFile f = new CorpusFile(c[0], dir.resolve(c[0]), c[sha], fam);
      if (keep.test(f) && (!edgeCase || fam.equals("archive"))) {
        files.add(f);
      }
    }
    return files;
  }

  /** Where the corpus file goes in a package: unique, folder per family. */
  private static String entry(CorpusFile f, int i) {
    return f.family() + "/" + String.format("%03d-", i) + f.name();
  }

  private static byte[] csv(List<CorpusFile> files) {
    StringBuilder csv = new StringBuilder("path,agencyCode,subject,issuedDate\n");
    for (int i = 0; i < files.size(); i++) {
      csv.append(entry(files.get(i), i))
          .append(",BN,\"Tệp thật: ")
          .append(files.get(i).name().replace("\"", "\"\""))
          .append("\",2024-01-0")
          .append(1 + i % 9)
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void assertBitExact(Fixtures.Opened o, List<CorpusFile> files) throws IOException {
    assertThat(o.reader().size()).isEqualTo(files.size());
    for (int i = 0; i < files.size(); i++) {
      try (IntakeItem item = o.reader().read(i)) {
        assertThat(item).as("%s", files.get(i).path()).isInstanceOf(ReadyItem.class);
        ReadyItem ready = (ReadyItem) item;
        assertThat(ready.file().name()).endsWith(files.get(i).name());
        assertThat(ItemLines.sha256(ready.file()))
            .as("%s arrives bit-exact", files.get(i).path())
            .isEqualTo(files.get(i).sha256());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"zip", "tar"})
  void realDocumentsArriveBitExactFromFilesWithMetadata(String kind) throws Exception {
    Archives a = new Archives().add("metadata.csv", csv(documents));
    for (int i = 0; i < documents.size(); i++) {
      a.add(entry(documents.get(i), i), documents.get(i).bytes());
    }
    byte[] pkg = kind.equals("zip") ? a.zip() : a.tar();
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, IntakeOptions.of(tmp))) {
      assertThat(o.reader().format())
          .isEqualTo(kind.equals("zip") ? PackageFormat.ZIP : PackageFormat.TAR);
      assertBitExact(o, documents);
      ReadyItem first = (ReadyItem) o.reader().read(0);
      assertThat(first.metadata().subject()).isEqualTo("Tệp thật: " + documents.get(0).name());
    }
  }

  @Test
  void realDocumentsArriveBitExactFromABagWithTheirManifestDigests() throws Exception {
    Bags bag = new Bags();
    bag.top = "bag/";
    for (int i = 0; i < documents.size(); i++) {
      bag.payload.put("data/" + entry(documents.get(i), i), documents.get(i).bytes());
    }
    bag.extraTags.put("metadata.csv", csv(documents));
    try (Fixtures.Opened o = Fixtures.open(tmp, bag.archive().zip(), IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(PackageFormat.BAGIT);
      assertBitExact(o, documents);
      ReadyItem first = (ReadyItem) o.reader().read(0);
      assertThat(first.file().declaredSha256()).isEqualTo(documents.get(0).sha256());
    }
  }

  @Test
  void realDocumentsArriveBitExactAsEdxmlAttachments() throws Exception {
    Archives batch = new Archives();
    for (int i = 0; i < documents.size(); i++) {
      CorpusFile f = documents.get(i);
      Messages m = Messages.standard().set("DocumentId", "000.00.00.H06,2024/03/15," + i);
      m.envelope = i % 2 == 1;
      m.attachments.clear();
      m.attachRaw("c" + i, f.name(), "application/octet-stream", Messages.b64(f.bytes()), true);
      batch.add(String.format("%03d.xml", i), m.bytes());
    }
    try (Fixtures.Opened o = Fixtures.open(tmp, batch.zip(), IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(PackageFormat.EDXML_BATCH);
      assertBitExact(o, documents);
    }
  }

  @Test
  void realArchivesInsideAPackageAreNestedArchivesNotExpanded() throws Exception {
    Archives a = new Archives().add("metadata.csv", csv(archives));
    for (int i = 0; i < archives.size(); i++) {
      a.add(entry(archives.get(i), i), archives.get(i).bytes());
    }
    try (Fixtures.Opened o = Fixtures.open(tmp, a.zip(), IntakeOptions.of(tmp))) {
      Map<String, ItemErrorCode> codes = new LinkedHashMap<>();
      for (int i = 0; i < archives.size(); i++) {
        codes.put(archives.get(i).name(), HostileXmlTest.code(o.reader().read(i)));
      }
      assertThat(codes)
          .allSatisfy(
              (name, code) -> assertThat(code).as(name).isEqualTo(ItemErrorCode.NESTED_ARCHIVE));
    }
  }

  @Test
  void realArchivesSentAsPackagesAreRefusedAsAWhole() throws Exception {
    for (CorpusFile f : archives) {
      PackageException e = Fixtures.refused(tmp, f.bytes(), IntakeOptions.of(tmp));
      assertThat(e.code())
          .as("%s: %s", f.name(), e.getMessage())
          .isEqualTo(PackageErrorCode.UNSUPPORTED_PACKAGE);
    }
  }

  @Test
  void theCorpusXxeProbeFailsAloneInABatch() throws Exception {
    Path xxe = Repository.corpus().resolve("formats/tika/testXXE.xml");
    byte[] batch =
        new Archives()
            .add("1.xml", Messages.standard().bytes())
            .add("2.xml", Files.readAllBytes(xxe))
            .add("3.xml", Messages.standard().set("DocumentId", "khác").bytes())
            .tar();
    try (Fixtures.Opened o = Fixtures.open(tmp, batch, IntakeOptions.of(tmp))) {
      List<IntakeItem> items = o.items();
      assertThat(items.get(0)).isInstanceOf(ReadyItem.class);
      assertThat(HostileXmlTest.code(items.get(1))).isEqualTo(ItemErrorCode.XML_HOSTILE);
      assertThat(items.get(2)).isInstanceOf(ReadyItem.class);
      items.forEach(IntakeItem::close);
    }
    PackageException alone = null;
    try (Fixtures.Opened o = Fixtures.open(xxe, IntakeOptions.of(tmp))) {
      assertThat(HostileXmlTest.code(o.reader().read(0))).isEqualTo(ItemErrorCode.XML_HOSTILE);
    } catch (PackageException e) {
      alone = e;
    }
    assertThat(alone)
        .as("a single XML document is an EDXML package, its faults item errors")
        .isNull();
  }

  @Test
  void aDetachedSignatureFromTheCorpusTravelsWithItsDocument() throws Exception {
    Path cades = Repository.corpus().resolve("signatures/cades");
    byte[] content = Files.readAllBytes(cades.resolve("HelloWorld.txt"));
    byte[] signature = Files.readAllBytes(cades.resolve("cades-bes-signeddata-detached.p7s"));
    byte[] pkg =
        new Archives()
            .add(
                "metadata.csv",
                "path,subject,signaturePath\nHelloWorld.txt,Hello,HelloWorld.txt.p7s\n")
            .add("HelloWorld.txt", content)
            .add("HelloWorld.txt.p7s", signature)
            .zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, IntakeOptions.of(tmp))) {
      assertThat(o.reader().size()).as("the signature is not an item of its own").isEqualTo(1);
      ReadyItem item = (ReadyItem) o.reader().read(0);
      assertThat(Fixtures.bytes(item.file())).isEqualTo(content);
      assertThat(Fixtures.bytes(item.signature().orElseThrow())).isEqualTo(signature);
    }
  }
}
