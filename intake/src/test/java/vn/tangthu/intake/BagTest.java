package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tangthu.intake.HostileXmlTest.code;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BagIt bags in zip and tar: a valid bag reads item by item; a bag that fails verification is
 * refused as a whole ({@code BAG_INVALID}), and the Library of Congress verifier agrees on every
 * verdict.
 */
class BagTest {

  @TempDir Path tmp;

  static Bags standard() {
    Bags b = new Bags();
    b.add("data/qd-123.pdf", "%PDF quyết định 123");
    b.add("data/phu-luc/pl-1.txt", "phụ lục 1");
    b.add("data/cv-45.txt", "công văn 45");
    b.extraTags.put(
        "metadata.csv",
        Bags.utf8(
            "path,agencyCode,subject,issuedDate,attachmentPaths\n"
                + "qd-123.pdf,BN,Quyết định 123,2024-03-15,phu-luc/pl-1.txt\n"));
    return b;
  }

  @ParameterizedTest
  @ValueSource(strings = {"zip", "tar", "top-folder zip"})
  void aValidBagReadsItsRowsThenItsOtherFiles(String kind) throws Exception {
    Bags bag = standard();
    if (kind.startsWith("top")) {
      bag.top = "bag-2024/";
    }
    assertThat(bag.locVerdict(tmp, bag.files())).as("LoC verdict").isNull();
    byte[] pkg = kind.endsWith("tar") ? bag.archive().tar() : bag.archive().zip();
    try (Fixtures.Opened o = Fixtures.open(tmp, pkg, IntakeOptions.of(tmp))) {
      assertThat(o.reader().format()).isEqualTo(PackageFormat.BAGIT);
      List<IntakeItem> items = o.items();
      assertThat(items)
          .extracting(IntakeItem::path)
          .containsExactly(bag.top + "data/qd-123.pdf", bag.top + "data/cv-45.txt");
      ReadyItem first = (ReadyItem) items.get(0);
      assertThat(first.metadata().subject()).isEqualTo("Quyết định 123");
      assertThat(first.metadata().issuedDate()).isEqualTo(LocalDate.of(2024, 3, 15));
      assertThat(first.file().declaredSha256())
          .isEqualTo(Bags.hex("sha256", bag.payload.get("data/qd-123.pdf")));
      assertThat(first.attachments()).extracting(ItemFile::name).containsExactly("pl-1.txt");
      ReadyItem second = (ReadyItem) items.get(1);
      assertThat(second.metadata().subject()).isEqualTo("cv-45.txt");
      assertThat(Fixtures.text(second.file())).isEqualTo("công văn 45");
    }
  }

  static Stream<Arguments> brokenBags() {
    return Stream.of(
        broken(
            "a payload file that does not match the manifest",
            "qd-123.pdf: its sha",
            (Map<String, byte[]> f) -> f.put("data/qd-123.pdf", Bags.utf8("%PDF quyết định 124"))),
        broken(
            "a file the manifest does not list",
            "not listed in manifest",
            f -> f.put("data/them-vao.txt", Bags.utf8("thêm"))),
        broken(
            "a listed file that is missing",
            "which is not in the bag",
            f -> f.remove("data/cv-45.txt")),
        broken(
            "a fetch.txt",
            "fetch.txt",
            f -> f.put("fetch.txt", Bags.utf8("http://example.org/x 10 data/x.pdf\n"))),
        broken(
            "no bagit.txt declaration version",
            "BagIt-Version",
            f -> f.put("bagit.txt", Bags.utf8("Tag-File-Character-Encoding: UTF-8\n"))),
        broken(
            "a Payload-Oxum that does not add up",
            "Payload-Oxum",
            f -> {
              f.put("bag-info.txt", Bags.utf8("Payload-Oxum: 1.1\n"));
              f.remove("tagmanifest-sha256.txt");
            }),
        broken(
            "a tag file that does not match its tag manifest",
            "bag-info.txt: its sha256",
            f -> f.put("bag-info.txt", Bags.utf8("Source-Organization: khác\n"))));
  }

  private static Arguments broken(
      String what, String message, Consumer<Map<String, byte[]>> change) {
    return Arguments.of(what, message, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenBags")
  void aBagThatFailsVerificationIsRefusedAsAWhole(
      String what, String message, Consumer<Map<String, byte[]>> change) throws Exception {
    Bags bag = standard();
    Map<String, byte[]> files = bag.files();
    change.accept(files);
    assertThat(bag.locVerdict(tmp, files)).as("LoC agrees the bag is invalid").isNotNull();
    for (byte[] pkg : List.of(bag.archive(files).zip(), bag.archive(files).tar())) {
      PackageException e = Fixtures.refused(tmp, pkg, IntakeOptions.of(tmp));
      assertThat(e.code()).isEqualTo(PackageErrorCode.BAG_INVALID);
      assertThat(e.getMessage()).contains(message);
    }
  }

  @Test
  void aBagWithOnlyAnMd5ManifestIsRefused() throws Exception {
    Bags bag = standard();
    bag.algorithms = List.of("md5");
    PackageException e = Fixtures.refused(tmp, bag.archive().zip(), IntakeOptions.of(tmp));
    assertThat(e.code()).isEqualTo(PackageErrorCode.BAG_INVALID);
    assertThat(e.getMessage()).contains("sha256 or sha512");
  }

  @Test
  void everyManifestIsCheckedNotOnlyTheFirst() throws Exception {
    Bags bag = standard();
    Map<String, byte[]> files = bag.files();
    String sha512 =
        new String(files.get("manifest-sha512.txt"), java.nio.charset.StandardCharsets.UTF_8);
    String wrong = sha512.replaceFirst("^[0-9a-f]", sha512.charAt(0) == '0' ? "1" : "0");
    files.put("manifest-sha512.txt", Bags.utf8(wrong));
    files.remove("tagmanifest-sha256.txt");
    assertThat(bag.locVerdict(tmp, files)).isNotNull();
    PackageException e = Fixtures.refused(tmp, bag.archive(files).zip(), IntakeOptions.of(tmp));
    assertThat(e.code()).isEqualTo(PackageErrorCode.BAG_INVALID);
    assertThat(e.getMessage()).contains("sha512");
  }

  @Test
  void aResumedReaderSkipsHashingButStillChecksCompleteness() throws Exception {
    Bags bag = standard();
    Map<String, byte[]> files = bag.files();
    files.put("data/qd-123.pdf", Bags.utf8("%PDF quyết định 124"));
    byte[] tampered = bag.archive(files).zip();
    try (Fixtures.Opened o =
        Fixtures.open(tmp, tampered, IntakeOptions.of(tmp).withBagAlreadyVerified())) {
      assertThat(o.reader().format()).isEqualTo(PackageFormat.BAGIT);
    }
    files.put("data/extra.txt", Bags.utf8("x"));
    PackageException e =
        Fixtures.refused(
            tmp, bag.archive(files).zip(), IntakeOptions.of(tmp).withBagAlreadyVerified());
    assertThat(e.code()).isEqualTo(PackageErrorCode.BAG_INVALID);
  }

  @Test
  void aPayloadFileOverTheLimitsIsAnItemErrorAndTheRestIsVerified() throws Exception {
    Bags bag = standard();
    bag.add("data/big.bin", "x".repeat(5000));
    IntakeOptions options =
        IntakeOptions.of(tmp).withLimits(IntakeLimits.defaults().withMaxEntryBytes(1000));
    try (Fixtures.Opened o = Fixtures.open(tmp, bag.archive().zip(), options)) {
      List<IntakeItem> items = o.items();
      assertThat(items).extracting(IntakeItem::path).contains("data/big.bin");
      IntakeItem big =
          items.stream().filter(i -> i.path().equals("data/big.bin")).findFirst().orElseThrow();
      assertThat(code(big)).isEqualTo(ItemErrorCode.ENTRY_TOO_LARGE);
    }
  }

  @Test
  void aBagWithoutMetadataImportsEveryPayloadFileWithTheDefaults() throws Exception {
    Bags bag = standard();
    bag.extraTags.clear();
    IntakeOptions options =
        IntakeOptions.of(tmp).withDefaults(new ImportDefaults("BN", "PUBLIC", null, null));
    try (Fixtures.Opened o = Fixtures.open(tmp, bag.archive().tar(), options)) {
      List<IntakeItem> items = o.items();
      assertThat(items).hasSize(3);
      assertThat(items)
          .allSatisfy(
              i -> {
                ItemMetadata md = ((ReadyItem) i).metadata();
                assertThat(md.agencyCode()).isEqualTo("BN");
                assertThat(md.accessLevel()).isEqualTo("PUBLIC");
              });
    }
  }
}
