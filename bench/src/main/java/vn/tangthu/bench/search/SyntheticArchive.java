package vn.tangthu.bench.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import vn.tangthu.archive.record.RecordRow;

/**
 * A deterministic archive of paragraph-size records: record {@code i} is always the same (text cut
 * from consecutive non-empty lines of the corpus, agency from a two-level tree, type, number and
 * notation like {@code 123/QĐ-UBND}, issue date 2000–2025, access level), whatever the total.
 * Immutable and thread-safe.
 */
public final class SyntheticArchive {

  /**
   * An agency of the tree; {@code symbol} is its part of a notation ({@code UBND}, {@code STC}).
   */
  public record AgencyDef(String code, String name, String parent, String symbol) {}

  /** A document type and its notation symbol. */
  public record TypeDef(String name, String symbol) {}

  /** A generated record: the database row and its text. */
  public record Doc(RecordRow row, String text) {}

  public static final List<TypeDef> TYPES =
      List.of(
          new TypeDef("Quyết định", "QĐ"),
          new TypeDef("Công văn", "CV"),
          new TypeDef("Thông báo", "TB"),
          new TypeDef("Tờ trình", "TTr"),
          new TypeDef("Kế hoạch", "KH"),
          new TypeDef("Báo cáo", "BC"),
          new TypeDef("Nghị quyết", "NQ"),
          new TypeDef("Chỉ thị", "CT"));

  static final String ROOT = "BN";
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final long ID_HIGH = 0x0190_0000_0000_7000L;

  private final List<String> lines;
  private final List<AgencyDef> agencies;

  private SyntheticArchive(List<String> lines) {
    this.lines = lines;
    this.agencies = agencyTree();
  }

  /**
   * Loads the non-empty lines of every {@code .txt} file of the corpus folder, in file-name order.
   *
   * @throws IOException when the folder cannot be read
   * @throws IllegalArgumentException when it holds no text
   */
  public static SyntheticArchive load(Path viLegal) throws IOException {
    List<String> lines = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(viLegal)) {
      files = s.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path f : files) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (t.length() >= 20) {
          lines.add(t);
        }
      }
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no text in " + viLegal);
    }
    return new SyntheticArchive(Collections.unmodifiableList(lines));
  }

  /** The corpus lines (texts are cut from them). */
  public List<String> lines() {
    return lines;
  }

  /** The agency tree, parents before children; the first is the root. */
  public List<AgencyDef> agencies() {
    return agencies;
  }

  /** The agency and its ancestors, root first. */
  public List<String> path(String code) {
    List<String> path = new ArrayList<>();
    String c = code;
    while (c != null) {
      path.add(0, c);
      c = find(c).parent();
    }
    return path;
  }

  AgencyDef find(String code) {
    for (AgencyDef a : agencies) {
      if (a.code().equals(code)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no agency " + code);
  }

  /** Records {@code from}…{@code to}-1. */
  public List<Doc> docs(long from, long to) {
    List<Doc> out = new ArrayList<>((int) (to - from));
    for (long i = from; i < to; i++) {
      out.add(doc(i));
    }
    return out;
  }

  /** The record number {@code i} (0-based). */
  public Doc doc(long i) {
    SplittableRandom rng = new SplittableRandom(0x5eed_0000L + i * 0x9E37_79B9_7F4A_7C15L);
    AgencyDef agency = agencies.get(rng.nextInt(agencies.size()));
    TypeDef type = TYPES.get(rng.nextInt(TYPES.size()));
    int year = 2000 + rng.nextInt(26);
    LocalDate issued = LocalDate.of(year, 1, 1).plusDays(rng.nextInt(365));
    String number = Integer.toString(1 + rng.nextInt(999));
    String notation = type.symbol() + "-" + agency.symbol();
    int access = rng.nextInt(100);
    String level = access < 70 ? "PUBLIC" : access < 95 ? "INTERNAL" : "RESTRICTED";
    String text = text(rng);
    String subject = type.name() + " về " + firstWords(text, 10);
    UUID id = new UUID(ID_HIGH, 0x8000_0000_0000_0000L | i);
    RecordRow row =
        new RecordRow(
            id,
            agency.code(),
            null,
            subject,
            type.name(),
            number,
            notation,
            issued,
            agency.name(),
            null,
            null,
            "vi",
            level,
            "ORIGINAL_ELECTRONIC",
            null,
            null,
            null,
            null,
            String.format("%064x", i),
            text.getBytes(StandardCharsets.UTF_8).length,
            "text/plain",
            "van-ban-" + i + ".txt",
            1,
            "bench/" + id,
            null,
            CREATED.plusSeconds(i),
            "bench",
            "ACTIVE",
            "DONE",
            null,
            null,
            "vi",
            null,
            null);
    return new Doc(row, text);
  }

  /** Consecutive lines from a random start, about 200–1000 characters. */
  private String text(SplittableRandom rng) {
    int target = 200 + rng.nextInt(800);
    int start = rng.nextInt(lines.size());
    StringBuilder sb = new StringBuilder();
    for (int k = start; k < lines.size() && sb.length() < target; k++) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(lines.get(k));
    }
    return sb.toString();
  }

  private static String firstWords(String text, int n) {
    String[] words = text.split("\\s+", n + 1);
    return String.join(" ", List.of(words).subList(0, Math.min(n, words.length)));
  }

  /** NFC, as the PostgreSQL side stores text (the index does its own normalisation). */
  static String nfc(String s) {
    return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  private static List<AgencyDef> agencyTree() {
    List<AgencyDef> list = new ArrayList<>();
    list.add(new AgencyDef(ROOT, "Ủy ban nhân dân tỉnh Bắc Ninh", null, "UBND"));
    String[][] departments = {
      {"STC", "Sở Tài chính"},
      {"SNV", "Sở Nội vụ"},
      {"STP", "Sở Tư pháp"},
      {"SGDDT", "Sở Giáo dục và Đào tạo"},
      {"SYT", "Sở Y tế"},
      {"SXD", "Sở Xây dựng"},
      {"STNMT", "Sở Tài nguyên và Môi trường"},
      {"SKHDT", "Sở Kế hoạch và Đầu tư"}
    };
    for (String[] d : departments) {
      list.add(new AgencyDef(d[0], d[1], ROOT, d[0]));
    }
    String[][] districts = {
      {"TPBN", "thành phố Bắc Ninh"},
      {"TPTS", "thành phố Từ Sơn"},
      {"HQV", "huyện Quế Võ"},
      {"HTD", "huyện Tiên Du"},
      {"HYP", "huyện Yên Phong"},
      {"HTT", "huyện Thuận Thành"},
      {"HGB", "huyện Gia Bình"},
      {"HLT", "huyện Lương Tài"}
    };
    String[][] offices = {
      {"TCKH", "Phòng Tài chính - Kế hoạch", "TCKH"},
      {"NV", "Phòng Nội vụ", "PNV"},
      {"TNMT", "Phòng Tài nguyên và Môi trường", "TNMT"}
    };
    for (String[] d : districts) {
      list.add(new AgencyDef(d[0], "Ủy ban nhân dân " + d[1], ROOT, "UBND"));
      for (String[] o : offices) {
        list.add(new AgencyDef(d[0] + "." + o[0], o[1] + " " + d[1], d[0], o[2]));
      }
    }
    return Collections.unmodifiableList(list);
  }
}
