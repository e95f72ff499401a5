package vn.tangthu.bench.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Text to fill synthetic documents with: the articles ({@code Điều N. title} and its clauses) of
 * the Vietnamese statutes in {@code ../shared/corpus/vi-legal}, in Unicode NFC. Without that corpus
 * (a user's clone does not have it), a few short built-in articles stand in.
 */
final class SyntheticTexts {

  /** One article: its title and its clauses. */
  record Section(String title, List<String> paragraphs) {}

  private static final Pattern ARTICLE = Pattern.compile("^Điều\\s+\\d+[a-z]?\\.\\s*(.+)$");

  private final List<Section> sections;

  private SyntheticTexts(List<Section> sections) {
    this.sections = List.copyOf(sections);
  }

  List<Section> sections() {
    return sections;
  }

  /** The articles of every {@code .txt} in {@code dir}, in file-name order; built-ins if none. */
  static SyntheticTexts load(Path dir) throws IOException {
    List<Section> all = new ArrayList<>();
    if (dir != null && Files.isDirectory(dir)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      }
      for (Path f : files) {
        all.addAll(parse(Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    return new SyntheticTexts(all.isEmpty() ? builtIn() : all);
  }

  static List<Section> parse(String text) {
    List<Section> out = new ArrayList<>();
    String title = null;
    List<String> paragraphs = new ArrayList<>();
    for (String raw : Normalizer.normalize(text, Normalizer.Form.NFC).split("\r?\n")) {
      String line = raw.strip().replace('\t', ' ');
      Matcher m = ARTICLE.matcher(line);
      if (m.matches()) {
        add(out, title, paragraphs);
        title = m.group(1).strip();
        paragraphs = new ArrayList<>();
      } else if (title != null
          && !line.isEmpty()
          && !line.startsWith("Chương")
          && !line.startsWith("Mục")) {
        paragraphs.add(line);
      }
    }
    add(out, title, paragraphs);
    return out;
  }

  private static void add(List<Section> out, String title, List<String> paragraphs) {
    if (title != null
        && title.length() >= 10
        && title.length() <= 160
        && !paragraphs.isEmpty()
        && !title.equals(title.toUpperCase(java.util.Locale.ROOT))) {
      out.add(new Section(title, List.copyOf(paragraphs)));
    }
  }

  private static List<Section> builtIn() {
    return List.of(
        new Section(
            "Triển khai kế hoạch chuyển đổi số trong cơ quan nhà nước",
            List.of(
                "1. Các sở, ban, ngành và Ủy ban nhân dân cấp huyện xây dựng kế hoạch chuyển đổi"
                    + " số hằng năm, bảo đảm kinh phí và nhân lực thực hiện.",
                "2. Văn bản điện tử được ký số và lưu trữ theo quy định; hồ sơ giấy được số hóa"
                    + " theo lộ trình.")),
        new Section(
            "Quản lý văn bản đi, văn bản đến trên hệ thống quản lý văn bản",
            List.of(
                "1. Văn bản đến được tiếp nhận, đăng ký và chuyển xử lý trên hệ thống trong ngày"
                    + " làm việc.",
                "2. Văn bản đi được cấp số, ghi ngày tháng, ký số và phát hành qua trục liên"
                    + " thông văn bản quốc gia.")),
        new Section(
            "Lập hồ sơ và nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan",
            List.of(
                "1. Cá nhân được giao giải quyết công việc có trách nhiệm lập hồ sơ về công việc"
                    + " đó.",
                "2. Hồ sơ được nộp lưu vào lưu trữ cơ quan trong thời hạn một năm kể từ ngày công"
                    + " việc kết thúc.")));
  }
}
