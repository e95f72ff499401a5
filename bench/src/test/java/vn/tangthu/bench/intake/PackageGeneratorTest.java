package vn.tangthu.bench.intake;

import static org.assertj.core.api.Assertions.assertThat;

import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.tangthu.intake.FolderPackage;
import vn.tangthu.intake.IntakeItem;
import vn.tangthu.intake.IntakeOptions;
import vn.tangthu.intake.ItemFile;
import vn.tangthu.intake.ItemSource;
import vn.tangthu.intake.PackageFormat;
import vn.tangthu.intake.PackageReader;
import vn.tangthu.intake.ReadyItem;
import vn.tangthu.intake.SourceKind;

/**
 * Every kind of package the generator writes, read back by the import reader with a small number of
 * items: the format it is detected as, and every item exactly as the generator's expectations say
 * (metadata field by field, source, each file's name and SHA-256).
 */
class PackageGeneratorTest {

  static final int ITEMS = 7;

  @TempDir Path tmp;

  private PackageGenerator.Options options(String expect) {
    Path texts = PackageGenerator.defaultTexts();
    assertThat(texts).as("../shared/corpus/vi-legal").isNotNull();
    return PackageGenerator.Options.defaults().withExpect(tmp.resolve(expect));
  }

  static PackageFormat format(PackageGenerator.Kind kind) {
    return switch (kind) {
      case EDXML -> PackageFormat.EDXML;
      case EDXML_BATCH_ZIP, EDXML_BATCH_TAR, EDXML_BATCH_TGZ -> PackageFormat.EDXML_BATCH;
      case BAG_ZIP, BAG_TAR -> PackageFormat.BAGIT;
      case FILES_ZIP, FILES_ZIP_JSON -> PackageFormat.ZIP;
      case FILES_TAR, FILES_TGZ -> PackageFormat.TAR;
    };
  }

  @ParameterizedTest
  @EnumSource(PackageGenerator.Kind.class)
  void everyItemReadsBackAsTheGeneratorDescribedIt(PackageGenerator.Kind kind) throws Exception {
    Path out = tmp.resolve("package-" + kind);
    PackageGenerator.generate(kind, ITEMS, out, options("expected.tsv"));
    List<String> expected = expected(tmp.resolve("expected.tsv"), out.getFileName().toString());
    boolean files = kind.name().startsWith("FILES");
    assertThat(expected)
        .hasSize(kind == PackageGenerator.Kind.EDXML ? 1 : files ? ITEMS + 1 : ITEMS);
    try (FileChannel channel = FileChannel.open(out, StandardOpenOption.READ);
        PackageReader reader =
            PackageReader.open(
                channel, IntakeOptions.of(tmp).withPackageName(out.getFileName().toString()))) {
      assertThat(reader.format()).isEqualTo(format(kind));
      assertThat(reader.warnings()).isEmpty();
      assertThat(lines(reader)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws Exception {
    PackageGenerator.Options options = PackageGenerator.Options.defaults();
    for (PackageGenerator.Kind kind :
        List.of(PackageGenerator.Kind.EDXML_BATCH_ZIP, PackageGenerator.Kind.BAG_TAR)) {
      Path a = tmp.resolve("a-" + kind);
      Path b = tmp.resolve("b-" + kind);
      Path c = tmp.resolve("c-" + kind);
      PackageGenerator.generate(kind, 3, a, options);
      PackageGenerator.generate(kind, 3, b, options);
      PackageGenerator.generate(kind, 3, c, options.withSeed(21));
      assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
      assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    }
  }

  @Test
  void theSamplesAreABagTheLibraryOfCongressAcceptsAndFoldersThatReadAsDescribed()
      throws Exception {
    Path samples = tmp.resolve("samples");
    PackageGenerator.samples(samples, PackageGenerator.Options.defaults());
    try (BagVerifier verifier = new BagVerifier()) {
      gov.loc.repository.bagit.domain.Bag bag = new BagReader().read(samples.resolve("bag"));
      BagVerifier.quicklyVerify(bag);
      verifier.isValid(bag, false);
    }
    Map<String, PackageFormat> formats = new LinkedHashMap<>();
    formats.put("edxml", PackageFormat.EDXML_BATCH);
    formats.put("folder", PackageFormat.TAR);
    formats.put("bag", PackageFormat.BAGIT);
    for (Map.Entry<String, PackageFormat> sample : formats.entrySet()) {
      Path tar = tmp.resolve(sample.getKey() + ".tar");
      try (OutputStream o = Files.newOutputStream(tar)) {
        FolderPackage.writeTar(samples.resolve(sample.getKey()), o);
      }
      try (FileChannel channel = FileChannel.open(tar, StandardOpenOption.READ);
          PackageReader reader = PackageReader.open(channel, IntakeOptions.of(tmp))) {
        assertThat(reader.format()).isEqualTo(sample.getValue());
        assertThat(lines(reader))
            .containsExactlyElementsOf(expected(samples.resolve("expected.tsv"), sample.getKey()));
      }
    }
    assertThat(Files.readAllLines(samples.resolve("agencies.tsv"), StandardCharsets.UTF_8))
        .hasSize(DocumentFactory.AGENCIES.size() + 1)
        .contains("BN-SNV\tBN\tSở Nội vụ tỉnh Bắc Ninh\t000.00.12.H06");
  }

  private static List<String> expected(Path tsv, String sample) throws IOException {
    return Files.readAllLines(tsv, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith(sample + "\t"))
        .map(l -> l.substring(sample.length() + 1))
        .toList();
  }

  /** Each item as {@link Expectations} describes it, without the sample column. */
  private static List<String> lines(PackageReader reader) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < reader.size(); i++) {
      try (IntakeItem item = reader.read(i)) {
        assertThat(item).as("item %d", i).isInstanceOf(ReadyItem.class);
        lines.add(line((ReadyItem) item));
      }
    }
    return lines;
  }

  private static String line(ReadyItem item) throws IOException {
    Map<String, String> metadata = new LinkedHashMap<>();
    item.metadata().toRecordFields().forEach((k, v) -> metadata.put(k, String.valueOf(v)));
    ItemSource s = item.metadata().source();
    String source =
        s.kind() == SourceKind.IMPORT
            ? "IMPORT"
            : "EDXML," + s.edxmlDocumentId() + "," + s.fromOrganId();
    List<ItemFile> files = new ArrayList<>();
    files.add(item.file());
    files.addAll(item.attachments());
    List<String> rendered = new ArrayList<>();
    for (ItemFile f : files) {
      try (InputStream in = f.open()) {
        rendered.add(f.name() + ":" + Expectations.sha256(in.readAllBytes()));
      }
    }
    return String.join(
        "\t",
        Integer.toString(item.index()),
        item.path(),
        Expectations.render(metadata),
        source,
        String.join(";", rendered));
  }
}
