package vn.tangthu.retention.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.exceptions.CorruptChecksumException;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BagItWriterTest {
  // 31 Dec 2030 18:30 UTC is already 1 Jan 2031 in Vietnam
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2030-12-31T18:30:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  private static BagItem item(Path file) throws IOException {
    return new BagItem(
        "rec-" + file.getFileName(),
        file.getFileName().toString(),
        Files.size(file),
        Optional.of(TestFiles.sha256(file)),
        () -> Files.newInputStream(file));
  }

  /** Record sets from the shared corpus: Vietnamese texts, PDFs, office files, an empty file. */
  static Stream<List<Path>> recordSets() throws IOException {
    Path corpus = TestFiles.corpus();
    List<Path> legal;
    try (var files = Files.list(corpus.resolve("vi-legal"))) {
      legal = files.sorted().limit(6).toList();
    }
    List<Path> formats;
    try (var files = Files.list(corpus.resolve("formats/tika"))) {
      formats = files.sorted().limit(12).toList();
    }
    return Stream.of(
        legal,
        formats,
        List.of(corpus.resolve("vi-legal/luat-ban-hanh-van-ban-quy-pham-phap-luat.txt")),
        List.of());
  }

  private Bag writeAndRead(List<BagItem> items, Map<String, String> info) throws Exception {
    var out = new ByteArrayOutputStream();
    new BagItWriter(CLOCK, "Tàng Thư 0.1.0").writeTar("export 2031/01", info, items, out);
    TestFiles.untar(out.toByteArray(), tmp);
    return new BagReader().read(tmp.resolve("export_2031_01"));
  }

  @ParameterizedTest
  @MethodSource("recordSets")
  void everyExportPassesTheLibraryOfCongressVerifier(List<Path> files) throws Exception {
    List<BagItem> items = new ArrayList<>();
    for (Path f : files) {
      items.add(item(f));
    }
    Bag bag = writeAndRead(items, Map.of("Source-Organization", "Sở Nội vụ tỉnh Bắc Ninh"));
    try (var verifier = new BagVerifier()) {
      verifier.isValid(bag, false);
    }
    assertThat(bag.getPayLoadManifests()).hasSize(1);
    assertThat(bag.getPayLoadManifests().iterator().next().getFileToChecksumMap())
        .hasSize(files.size());
  }

  @Test
  void bagInfoHasVietnamDateOxumAndCallerEntries() throws Exception {
    byte[] a = "một".getBytes(StandardCharsets.UTF_8);
    var info = new LinkedHashMap<String, String>();
    info.put("Source-Organization", "Sở Nội vụ");
    info.put("External-Identifier", "q=quyết định");
    Bag bag =
        writeAndRead(
            List.of(
                new BagItem(
                    "r1",
                    "Tờ trình 50%\nmới.txt",
                    a.length,
                    Optional.empty(),
                    () -> new ByteArrayInputStream(a))),
            info);
    assertThat(bag.getMetadata().get("Bagging-Date")).containsExactly("2031-01-01");
    assertThat(bag.getMetadata().get("Payload-Oxum")).containsExactly(a.length + ".1");
    assertThat(bag.getMetadata().get("Source-Organization")).containsExactly("Sở Nội vụ");
    try (var verifier = new BagVerifier()) {
      verifier.isValid(bag, false);
    }
  }

  @Test
  void aTamperedPayloadFailsVerification() throws Exception {
    byte[] a = "nguyên văn".getBytes(StandardCharsets.UTF_8);
    Bag bag =
        writeAndRead(
            List.of(
                new BagItem(
                    "r1", "a.txt", a.length, Optional.empty(), () -> new ByteArrayInputStream(a))),
            Map.of());
    Files.writeString(tmp.resolve("export_2031_01/data/r1/a.txt"), "nguyên vẵn");
    try (var verifier = new BagVerifier()) {
      assertThatThrownBy(() -> verifier.isValid(bag, false))
          .isInstanceOf(CorruptChecksumException.class);
    }
  }

  @Test
  void wrongDeclaredChecksumOrBadInfoIsRefused() {
    byte[] a = "abc".getBytes(StandardCharsets.UTF_8);
    var writer = new BagItWriter(CLOCK, "Tàng Thư 0.1.0");
    var bad =
        new BagItem(
            "r1", "a.txt", 3, Optional.of("0".repeat(64)), () -> new ByteArrayInputStream(a));
    assertThatThrownBy(
            () -> writer.writeTar("b", Map.of(), List.of(bad), new ByteArrayOutputStream()))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("SHA-256");
    var ok = new BagItem("r1", "a.txt", 3, Optional.empty(), () -> new ByteArrayInputStream(a));
    assertThatThrownBy(
            () ->
                writer.writeTar(
                    "b", Map.of("X", "two\nlines"), List.of(ok), new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                writer.writeTar(
                    "b", Map.of("Payload-Oxum", "1.1"), List.of(ok), new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> writer.writeTar("b", Map.of(), List.of(ok, ok), new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
