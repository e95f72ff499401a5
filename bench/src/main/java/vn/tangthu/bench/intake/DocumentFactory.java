package vn.tangthu.bench.intake;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.tangthu.bench.intake.SyntheticDocument.Agency;
import vn.tangthu.bench.intake.SyntheticDocument.DocType;
import vn.tangthu.bench.intake.SyntheticDocument.Signer;
import vn.tangthu.bench.intake.SyntheticDocument.SyntheticFile;

/**
 * Makes realistic synthetic documents from a seed: Bắc Ninh agencies (organisation identifiers in
 * the {@code 000.00.00.H06} format, synthetic), document types with their notation rules ({@code
 * QĐ-UBND}, {@code UBND-VP} for a Công văn, …), dates between 2016 and 2025 written in the forms
 * senders use, signers with their competence, subjects and bodies from real statute articles, one
 * to three files as PDF, DOCX or TXT. The same seed gives the same documents, byte for byte. Not
 * thread-safe.
 */
final class DocumentFactory {

  static final List<Agency> AGENCIES =
      List.of(
          new Agency("000.00.00.H06", "UBND tỉnh Bắc Ninh", "UBND", "Bắc Ninh", true),
          new Agency("000.00.01.H06", "Văn phòng UBND tỉnh Bắc Ninh", "VP", "Bắc Ninh", false),
          new Agency("000.00.12.H06", "Sở Nội vụ tỉnh Bắc Ninh", "SNV", "Bắc Ninh", false),
          new Agency("000.00.13.H06", "Sở Tài chính tỉnh Bắc Ninh", "STC", "Bắc Ninh", false),
          new Agency(
              "000.00.14.H06", "Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh", "SKHĐT", "Bắc Ninh", false),
          new Agency(
              "000.00.15.H06",
              "Sở Thông tin và Truyền thông tỉnh Bắc Ninh",
              "STTTT",
              "Bắc Ninh",
              false),
          new Agency(
              "000.00.16.H06", "Sở Giáo dục và Đào tạo tỉnh Bắc Ninh", "SGDĐT", "Bắc Ninh", false),
          new Agency(
              "000.00.18.H06",
              "Sở Tài nguyên và Môi trường tỉnh Bắc Ninh",
              "STNMT",
              "Bắc Ninh",
              false),
          new Agency("000.01.30.H06", "UBND thành phố Bắc Ninh", "UBND", "Bắc Ninh", true),
          new Agency("000.02.31.H06", "UBND thị xã Từ Sơn", "UBND", "Từ Sơn", true));

  static final List<DocType> TYPES =
      List.of(
          new DocType("Quyết định", "QĐ", 1),
          new DocType("Công văn", null, 2),
          new DocType("Tờ trình", "TTr", 3),
          new DocType("Kế hoạch", "KH", 4),
          new DocType("Thông báo", "TB", 5),
          new DocType("Báo cáo", "BC", 6),
          new DocType("Chỉ thị", "CT", 7),
          new DocType("Giấy mời", "GM", 8));

  private static final List<String> UNITS = List.of("VP", "KT", "TH", "NC", "XD", "VX", "KGVX");
  private static final List<String> FAMILY =
      List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương");
  private static final List<String> MIDDLE =
      List.of("Văn", "Thị", "Đức", "Minh", "Thanh", "Quốc", "Hữu", "Thu", "Ngọc", "Xuân");
  private static final List<String> GIVEN =
      List.of(
          "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hương", "Lan", "Long", "Mai", "Nam", "Phong",
          "Quân", "Sơn", "Thảo", "Trung", "Tuấn", "Yến", "Huyền", "Khánh");
  private static final List<String> DATE_FORMS =
      List.of(
          "yyyy/MM/dd",
          "yyyy-MM-dd",
          "dd/MM/yyyy",
          "yyyy/MM/dd HH:mm:ss",
          "yyyy-MM-dd'T'HH:mm:ss",
          "dd/MM/yyyy HH:mm");

  private final SplittableRandom random;
  private final SyntheticTexts texts;
  private final FileRenderer renderer;
  private final double zippedShare;

  /**
   * @param zippedShare the share of files an edXML message carries zipped before encoding
   */
  DocumentFactory(long seed, SyntheticTexts texts, FileRenderer renderer, double zippedShare) {
    this.random = new SplittableRandom(seed);
    this.texts = texts;
    this.renderer = renderer;
    this.zippedShare = zippedShare;
  }

  /**
   * The document of {@code serial}; {@code fileCount} forces how many files it has (1 to 3), 0
   * leaves it to chance (one in 60 %, two in 28 %, three in 12 %).
   */
  SyntheticDocument next(int serial, int fileCount) throws IOException {
    Agency sender = pick(AGENCIES);
    Agency recipient = pick(AGENCIES);
    DocType type = pick(TYPES);
    String number = Integer.toString(serial + 1);
    String notation =
        type.abbreviation() == null
            ? sender.code() + "-" + pick(UNITS)
            : type.abbreviation() + "-" + sender.code();
    LocalDate issued = LocalDate.of(2016, 1, 1).plusDays(random.nextInt(3653));
    String form = pick(DATE_FORMS);
    String dateText =
        issued
            .atTime(7 + random.nextInt(10), random.nextInt(60), random.nextInt(60))
            .format(DateTimeFormatter.ofPattern(form));
    SyntheticTexts.Section section = pick(texts.sections());
    String subject = subject(type, section.title());
    Signer signer = signer(sender);
    String documentId =
        sender.organId()
            + ","
            + issued.format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
            + ","
            + number
            + "/"
            + notation;
    SyntheticDocument draft =
        new SyntheticDocument(
            serial,
            sender,
            recipient,
            type,
            number,
            notation,
            issued,
            dateText,
            subject,
            signer,
            documentId,
            List.of());
    return new SyntheticDocument(
        serial,
        sender,
        recipient,
        type,
        number,
        notation,
        issued,
        dateText,
        subject,
        signer,
        documentId,
        files(draft, section, fileCount));
  }

  private String subject(DocType type, String title) {
    String topic = Character.toLowerCase(title.charAt(0)) + title.substring(1);
    if (topic.endsWith(".")) {
      topic = topic.substring(0, topic.length() - 1);
    }
    return switch (type.name()) {
      case "Công văn" -> "V/v " + topic;
      case "Kế hoạch" -> "Kế hoạch thực hiện quy định về " + topic;
      case "Báo cáo" -> "Báo cáo kết quả thực hiện quy định về " + topic;
      case "Giấy mời" -> "Mời họp bàn về " + topic;
      default -> "Về việc " + topic;
    };
  }

  private Signer signer(Agency a) {
    String name = pick(FAMILY) + " " + pick(MIDDLE) + " " + pick(GIVEN);
    boolean deputy = random.nextInt(3) > 0;
    if (a.committee()) {
      return deputy
          ? new Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name)
          : new Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name);
    }
    return deputy
        ? new Signer("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", name)
        : new Signer(null, "GIÁM ĐỐC", name);
  }

  private List<SyntheticFile> files(
      SyntheticDocument d, SyntheticTexts.Section section, int fileCount) throws IOException {
    int chance = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 : 2);
    int count = fileCount > 0 ? fileCount : chance;
    List<SyntheticFile> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      FileRenderer.Kind kind = pickKind(i == 0);
      String base =
          i == 0
              ? (d.type().abbreviation() == null ? "CV" : ascii(d.type().abbreviation()))
                  + "-"
                  + d.number()
                  + "-"
                  + d.issued().getYear()
              : (random.nextBoolean() ? "Phụ lục " + i : "Phu-luc-" + i);
      List<String> body =
          paragraphs(section, i == 0 ? 3 + random.nextInt(6) : 2 + random.nextInt(3));
      String title = i == 0 ? d.type().name().toUpperCase(java.util.Locale.ROOT) : "PHỤ LỤC " + i;
      byte[] bytes = renderer.render(kind, d, title, body);
      boolean zipped = random.nextDouble() < zippedShare;
      files.add(new SyntheticFile(base + kind.extension(), kind.contentType(), bytes, zipped));
    }
    return files;
  }

  private FileRenderer.Kind pickKind(boolean main) {
    int r = random.nextInt(20);
    if (r < (main ? 9 : 6)) {
      return FileRenderer.Kind.PDF;
    }
    return r < 15 ? FileRenderer.Kind.DOCX : FileRenderer.Kind.TXT;
  }

  private List<String> paragraphs(SyntheticTexts.Section section, int n) {
    List<String> out = new ArrayList<>(section.paragraphs());
    while (out.size() < n) {
      out.addAll(pick(texts.sections()).paragraphs());
    }
    return out.subList(0, n);
  }

  private static String ascii(String s) {
    return s.replace("Đ", "D").replace("đ", "d");
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
