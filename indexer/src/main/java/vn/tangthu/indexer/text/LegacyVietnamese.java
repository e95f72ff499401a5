package vn.tangthu.indexer.text;

import java.text.Normalizer;

/**
 * Vietnamese text typed in the legacy 8-bit font encodings TCVN3 (ABC, fonts {@code .VnTime}...)
 * and VNI (VNI-Windows, fonts {@code VNI-Times}...), which text extraction returns as Latin-1
 * "garbage" ({@code QuyÕt ®Þnh}, {@code Quyeát ñònh}) because the font names are lost.
 *
 * <p>{@link #repair} recognises such text by character statistics: it converts the text (line by
 * line) from each legacy encoding and keeps a conversion only when it turns clearly more words into
 * well-formed Vietnamese syllables than the text had before. Well-formed Unicode Vietnamese and
 * other languages are returned unchanged.
 *
 * <p>TCVN3 (TCVN 5712:1993, VN3) has no upper-case letters with tone marks: upper-case text was
 * written with a separate upper-case font using the same codes, so such letters come back in lower
 * case. The tables below are written from the published TCVN3 and VNI-Windows code charts.
 */
public final class LegacyVietnamese {

  /** The encodings recognised. */
  public enum Encoding {
    TCVN3,
    VNI
  }

  /** Unicode letters in TCVN3 order: a-group, đ, e-group, i, o-group, u-group, y. */
  private static final String TCVN3_UNICODE =
      "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ";

  /** The TCVN3 code of each letter of {@link #TCVN3_UNICODE}, as the Latin-1 character. */
  private static final String TCVN3_CODES =
      "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00ADõøö÷ùúýûüþ¡¢§£¤¥¦";

  private static final char[] FROM_TCVN3 = new char[256];
  private static final char[] TO_TCVN3 = new char[0x1F00];

  /** VNI tone marks after a vowel: acute, grave, hook, tilde, dot (lower and upper case). */
  private static final String VNI_TONES = "ùøûõï";

  private static final String VNI_TONES_UPPER = "ÙØÛÕÏ";

  /** VNI circumflex, then circumflex with each tone. */
  private static final String VNI_CIRCUMFLEX = "âáàåãä";

  private static final String VNI_CIRCUMFLEX_UPPER = "ÂÁÀÅÃÄ";

  /** VNI breve, then breve with each tone. */
  private static final String VNI_BREVE = "êéèúüë";

  private static final String VNI_BREVE_UPPER = "ÊÉÈÚÜË";

  /** Unicode combining marks in VNI tone order. */
  private static final String TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323";

  /** Stand-alone VNI letters: đ, ơ, ư, and i/y with tones coded as one character. */
  private static final String VNI_SINGLE = "ñÑôÔöÖîÎæÆóÓòÒ";

  private static final String VNI_SINGLE_UNICODE = "đĐơƠưƯỵỴỉỈĩĨịỊ";

  static {
    for (int i = 0; i < TCVN3_UNICODE.length(); i++) {
      FROM_TCVN3[TCVN3_CODES.charAt(i)] = TCVN3_UNICODE.charAt(i);
      TO_TCVN3[TCVN3_UNICODE.charAt(i)] = TCVN3_CODES.charAt(i);
    }
  }

  private static final int MIN_WORDS = 3;
  private static final double MIN_GAIN = 0.25;

  private LegacyVietnamese() {}

  /** The text with lines in TCVN3 or VNI converted to Unicode; otherwise unchanged. */
  public static String repair(String text) {
    if (text == null || text.isEmpty() || !hasLegacySigns(text)) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    Encoding document = detect(text.length() > 50_000 ? text.substring(0, 50_000) : text);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(repairLine(lines[i], document));
    }
    return out.toString();
  }

  private static String repairLine(String line, Encoding document) {
    if (document == null ? !hasLegacySigns(line) : !hasLatin1Letters(line)) {
      return line;
    }
    if (hasLettersBeyondLatin1(line)) {
      return line;
    }
    Score before = score(line);
    String tcvn3 = fromTcvn3(line);
    String vni = fromVni(line);
    Score tcvn3Score = score(tcvn3);
    Score vniScore = score(vni);
    Encoding choice = choose(before, tcvn3Score, vniScore);
    if (choice == null) {
      choice = document;
    }
    if (choice == null) {
      return line;
    }
    String converted = choice == Encoding.TCVN3 ? tcvn3 : vni;
    Score after = choice == Encoding.TCVN3 ? tcvn3Score : vniScore;
    return after.atLeast(before) ? converted : line;
  }

  /**
   * The legacy encoding the text appears to be in, or null when it reads as Unicode Vietnamese or
   * is not Vietnamese at all.
   */
  public static Encoding detect(String text) {
    return choose(score(text), score(fromTcvn3(text)), score(fromVni(text)));
  }

  private static Encoding choose(Score original, Score tcvn3, Score vni) {
    Encoding best = vni.betterThan(tcvn3) ? Encoding.VNI : Encoding.TCVN3;
    Score bestScore = best == Encoding.TCVN3 ? tcvn3 : vni;
    if (bestScore.words >= MIN_WORDS && bestScore.ratio() >= original.ratio() + MIN_GAIN) {
      return best;
    }
    return null;
  }

  /** Converts text read as Latin-1 from the legacy encoding to Unicode (NFC). */
  public static String decode(String text, Encoding encoding) {
    return encoding == Encoding.TCVN3 ? fromTcvn3(text) : fromVni(text);
  }

  /**
   * Encodes Unicode text to a legacy encoding, as the Latin-1 characters an extractor would return
   * (for tests and tools). TCVN3 has no upper-case toned letters: they are encoded as their
   * lower-case codes, as an upper-case TCVN3 font would show them.
   */
  public static String encode(String text, Encoding encoding) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    return encoding == Encoding.TCVN3 ? toTcvn3(nfc) : toVni(nfc);
  }

  private static String fromTcvn3(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c < 256 && FROM_TCVN3[c] != 0 ? FROM_TCVN3[c] : c);
    }
    return out.toString();
  }

  private static String toTcvn3(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && c < TO_TCVN3.length && TO_TCVN3[c] == 0) {
        char lower = Character.toLowerCase(c);
        if (lower < TO_TCVN3.length && TO_TCVN3[lower] != 0) {
          out.append(TO_TCVN3[lower]);
          continue;
        }
      }
      out.append(c >= 0x80 && c < TO_TCVN3.length && TO_TCVN3[c] != 0 ? TO_TCVN3[c] : c);
    }
    return out.toString();
  }

  private static String fromVni(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (i + 1 < n) {
        String composed = vniPair(c, text.charAt(i + 1));
        if (composed != null) {
          out.append(composed);
          i++;
          continue;
        }
      }
      int single = VNI_SINGLE.indexOf(c);
      out.append(single >= 0 ? VNI_SINGLE_UNICODE.charAt(single) : c);
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /** A vowel followed by a VNI accent character, as NFD Unicode; null when not such a pair. */
  private static String vniPair(char base, char accent) {
    String vowel;
    boolean upper = Character.isUpperCase(base);
    switch (Character.toLowerCase(base)) {
      case 'a', 'e', 'o', 'u', 'y' -> vowel = String.valueOf(base);
      case 'ô' -> vowel = upper ? "O\u031B" : "o\u031B";
      case 'ö' -> vowel = upper ? "U\u031B" : "u\u031B";
      default -> {
        return null;
      }
    }
    int tone = indexIn(accent, VNI_TONES, VNI_TONES_UPPER);
    if (tone >= 0) {
      return vowel + TONE_MARKS.charAt(tone);
    }
    char lowerBase = Character.toLowerCase(base);
    if (lowerBase == 'a' || lowerBase == 'e' || lowerBase == 'o') {
      int circumflex = indexIn(accent, VNI_CIRCUMFLEX, VNI_CIRCUMFLEX_UPPER);
      if (circumflex >= 0) {
        return vowel + '\u0302' + (circumflex == 0 ? "" : TONE_MARKS.charAt(circumflex - 1));
      }
    }
    if (lowerBase == 'a') {
      int breve = indexIn(accent, VNI_BREVE, VNI_BREVE_UPPER);
      if (breve >= 0) {
        return vowel + '\u0306' + (breve == 0 ? "" : TONE_MARKS.charAt(breve - 1));
      }
    }
    return null;
  }

  private static int indexIn(char c, String lower, String upper) {
    int i = lower.indexOf(c);
    return i >= 0 ? i : upper.indexOf(c);
  }

  private static String toVni(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out.append(c);
        continue;
      }
      int single = VNI_SINGLE_UNICODE.indexOf(c);
      if (single >= 0) {
        out.append(VNI_SINGLE.charAt(single));
        continue;
      }
      if (c == 'í' || c == 'ì' || c == 'Í' || c == 'Ì') {
        out.append(c);
        continue;
      }
      String encoded = vniLetter(c);
      out.append(encoded == null ? String.valueOf(c) : encoded);
    }
    return out.toString();
  }

  /** A Vietnamese vowel letter with marks as VNI base + accent; null for anything else. */
  private static String vniLetter(char c) {
    String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    char base = nfd.charAt(0);
    if ("aeiouyAEIOUY".indexOf(base) < 0) {
      return null;
    }
    boolean upper = Character.isUpperCase(base);
    int tone = -1;
    char quality = 0;
    for (int i = 1; i < nfd.length(); i++) {
      char mark = nfd.charAt(i);
      int t = TONE_MARKS.indexOf(mark);
      if (t >= 0) {
        tone = t;
      } else {
        quality = mark;
      }
    }
    String accent;
    String vniBase = String.valueOf(base);
    if (quality == '\u0302') {
      accent = pick(upper ? VNI_CIRCUMFLEX_UPPER : VNI_CIRCUMFLEX, tone + 1);
    } else if (quality == '\u0306') {
      accent = pick(upper ? VNI_BREVE_UPPER : VNI_BREVE, tone + 1);
    } else if (quality == '\u031B') {
      vniBase = base == 'o' || base == 'O' ? (upper ? "Ô" : "ô") : (upper ? "Ö" : "ö");
      accent = tone < 0 ? "" : pick(upper ? VNI_TONES_UPPER : VNI_TONES, tone);
    } else if (quality == 0 && tone >= 0) {
      accent = pick(upper ? VNI_TONES_UPPER : VNI_TONES, tone);
    } else {
      return null;
    }
    return vniBase + accent;
  }

  private static String pick(String chars, int index) {
    return String.valueOf(chars.charAt(index));
  }

  /**
   * Words with a non-ASCII letter (longer than one letter), how many of them are Vietnamese
   * syllables, and how many are among the most common syllables of administrative text.
   */
  private record Score(int words, int syllables, int common) {
    double ratio() {
      return words == 0 ? 0 : (double) syllables / words;
    }

    boolean betterThan(Score other) {
      return syllables > other.syllables || (syllables == other.syllables && common > other.common);
    }

    boolean atLeast(Score other) {
      return syllables > other.syllables
          || (syllables == other.syllables && common >= other.common);
    }
  }

  private static final java.util.Set<String> COMMON =
      java.util.Set.of(
          "của", "và", "các", "có", "được", "trong", "người", "không", "những", "cho", "này", "với",
          "về", "thì", "là", "một", "đã", "để", "khi", "năm", "nước", "nhà", "điều", "định", "luật",
          "việc", "phải", "tại", "hoặc", "cơ", "chức", "tổ", "công", "dân", "xã", "hội", "quốc",
          "kế", "chính", "phủ", "quyền", "theo", "đến", "từ", "bộ", "số", "ban", "hành", "quản",
          "lý", "sự", "nghiệp", "hợp", "đồng", "thực", "hiện", "đơn", "vị", "trách", "nhiệm", "cấp",
          "tỉnh", "huyện", "ủy", "nhân", "văn", "bản", "quyết", "tổng", "thông", "tin", "đất",
          "đai", "tài", "sản", "sở", "hữu", "thể", "bảo", "vệ", "trường", "hoạt", "động", "giấy",
          "phép", "trừ", "chịu", "mục", "khoản", "điểm", "chương", "lao", "doanh", "đầu", "tư",
          "giá", "thuế", "phí", "kinh", "tế", "xử", "phạt");

  /** Among words with a non-ASCII character, how many are Vietnamese syllables. */
  private static Score score(String text) {
    int words = 0;
    int syllables = 0;
    int common = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int start = i;
      boolean nonAscii = false;
      while (i < n && isWordChar(text.charAt(i))) {
        nonAscii |= text.charAt(i) >= 0x80;
        i++;
      }
      if (i == start) {
        i++;
        continue;
      }
      if (nonAscii && i - start > 1) {
        words++;
        String word = VietnameseText.exact(text.substring(start, i));
        if (Syllables.isSyllable(word)) {
          syllables++;
          if (COMMON.contains(word)) {
            common++;
          }
        }
      }
    }
    return new Score(words, syllables, common);
  }

  /** Letters, and the Latin-1 symbols legacy encodings use for letters. */
  private static boolean isWordChar(char c) {
    return Character.isLetter(c)
        || (c >= 0xA1 && c <= 0xFF && c != 0xBF)
        || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  /** Latin-1 letters and symbols that Unicode Vietnamese does not use. */
  private static boolean hasLegacySigns(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0xA1 && c <= 0xFF && UNICODE_VIETNAMESE_LATIN1.indexOf(c) < 0) {
        return true;
      }
    }
    return false;
  }

  private static final String UNICODE_VIETNAMESE_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";

  /** Legacy 8-bit text read as Latin-1 has no letter above U+00FF: such a line is Unicode. */
  private static boolean hasLettersBeyondLatin1(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0xFF && Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLatin1Letters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0xA1 && c <= 0xFF || c == 0xAD) {
        return true;
      }
    }
    return false;
  }
}
