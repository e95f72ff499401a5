package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packages the repository ships under {@code samples/} (written by the benchmark's {@code
 * PackageGenerator samples}) read item for item as {@code samples/expected.tsv} says, whether the
 * folder is sent as a tar ({@link FolderPackage}, as the import command sends it) or zipped.
 */
class SamplesTest {

  @TempDir Path tmp;

  private static List<String> expected(String sample) throws IOException {
    List<String> tsv =
        Files.readAllLines(Repository.samples().resolve("expected.tsv"), StandardCharsets.UTF_8);
    return ItemLines.expected(tsv, sample);
  }

  private static List<String> lines(PackageReader reader) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < reader.size(); i++) {
      try (IntakeItem item = reader.read(i)) {
        lines.add(ItemLines.line(item));
      }
    }
    return lines;
  }

  @ParameterizedTest
  @CsvSource({"folder, TAR, ZIP", "bag, BAGIT, BAGIT", "edxml, EDXML_BATCH, EDXML_BATCH"})
  void eachSampleReadsAsExpectedAsATarAndAsAZip(
      String sample, PackageFormat asTar, PackageFormat asZip) throws Exception {
    Path folder = Repository.samples().resolve(sample);
    Path tar = tmp.resolve(sample + ".tar");
    try (OutputStream out = Files.newOutputStream(tar)) {
      FolderPackage.writeTar(folder, out);
    }
    Path zip = zip(folder, tmp.resolve(sample + ".zip"));
    List<String> expected = expected(sample);
    assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
    try (Fixtures.Opened o = Fixtures.open(tar, IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(asTar);
      assertThat(o.reader().warnings()).isEmpty();
      assertThat(lines(o.reader())).containsExactlyElementsOf(expected);
    }
    try (Fixtures.Opened o = Fixtures.open(zip, IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(asZip);
      assertThat(lines(o.reader())).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void everySampleMessageIsAnEdxmlPackageOfItsOwnAndBothFormsAreThere() throws Exception {
    List<String> expected = expected("edxml");
    Set<EdxmlForm> forms = EnumSet.noneOf(EdxmlForm.class);
    int attachments = 0;
    for (String line : expected) {
      String name = line.split("\t")[1];
      Path message = Repository.samples().resolve("edxml").resolve(name);
      IntakeOptions options = IntakeOptions.of(tmp).withPackageName(name);
      try (Fixtures.Opened o = Fixtures.open(message, options);
          IntakeItem item = o.reader().read(0)) {
        assertThat(o.reader().format()).isEqualTo(PackageFormat.EDXML);
        assertThat(o.reader().size()).isEqualTo(1);
        assertThat(ItemLines.line(item)).isEqualTo("0" + line.substring(line.indexOf('\t')));
        EdxmlMessage edxml = ((ReadyItem) item).edxml().orElseThrow();
        forms.add(edxml.form());
        attachments += ((ReadyItem) item).attachments().size();
        try (var in = edxml.open()) {
          assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(message));
        }
      }
    }
    assertThat(expected).hasSize(12);
    assertThat(forms).containsExactlyInAnyOrder(EdxmlForm.values());
    assertThat(attachments).as("phụ lục among the samples").isPositive();
  }

  @Test
  void theBagSampleIsValidForTheLibraryOfCongress() throws Exception {
    try (BagVerifier verifier = new BagVerifier()) {
      gov.loc.repository.bagit.domain.Bag bag =
          new BagReader().read(Repository.samples().resolve("bag"));
      BagVerifier.quicklyVerify(bag);
      verifier.isValid(bag, false);
    }
  }

  @ParameterizedTest
  @CsvSource({"folder, TAR", "bag, BAGIT", "edxml, EDXML_BATCH"})
  void aTarMadeWithTheTarCommandFromInsideTheFolderReadsTheSame(String sample, PackageFormat format)
      throws Exception {
    Path folder = Repository.samples().resolve(sample);
    Archives dotted = new Archives().dir("./");
    for (Path f : FolderPackage.files(folder)) {
      dotted.add("./" + name(folder, f), Files.readAllBytes(f));
    }
    try (Fixtures.Opened o = Fixtures.open(tmp, dotted.tar(), IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(format);
      assertThat(lines(o.reader())).containsExactlyElementsOf(expected(sample));
    }
  }

  private static String name(Path folder, Path file) {
    StringBuilder name = new StringBuilder();
    for (Path segment : folder.relativize(file)) {
      name.append(name.length() > 0 ? "/" : "").append(segment);
    }
    return name.toString();
  }

  /** The folder zipped in the same order as its tar. */
  static Path zip(Path folder, Path out) throws IOException {
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      zip.setEncoding("UTF-8");
      for (Path f : FolderPackage.files(folder)) {
        zip.putArchiveEntry(new ZipArchiveEntry(name(folder, f)));
        Files.copy(f, zip);
        zip.closeArchiveEntry();
      }
    }
    return out;
  }

  /**
   * Folders under samples/ are the three packages, the records the README's walkthrough uploads,
   * and nothing else.
   */
  @Test
  void theSamplesAreTheThreePackagesAndTheirExpectations() throws IOException {
    try (Stream<Path> s = Files.list(Repository.samples())) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "folder", "bag", "edxml", "records", "expected.tsv", "agencies.tsv", "README.md");
    }
  }
}
