package vn.tangthu.indexer.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normal forms of Vietnamese text for indexing and querying. Pure functions, thread-safe.
 *
 * <ul>
 *   <li>{@link #exact}: NFC, lower case (root locale), and in every Vietnamese syllable the tone
 *       mark on the vowel chosen by the traditional ("old style") rule, so {@code hoà}/{@code hòa},
 *       {@code thuỷ}/{@code thủy}, {@code khoẻ}/{@code khỏe} and NFD input all give the same
 *       string. Words that are not Vietnamese syllables are only NFC-normalised and lower-cased.
 *   <li>{@link #folded}: {@link #exact}, then every combining diacritic removed and {@code đ}
 *       replaced by {@code d}: {@code quyết định} → {@code quyet dinh}.
 *   <li>{@link #docNumber}: the canonical form of an administrative document number such as {@code
 *       123/QĐ-UBND}: folded, without spaces, dashes unified, leading zeros of numeric parts
 *       dropped: {@code 123/qd-ubnd}.
 * </ul>
 */
public final class VietnameseText {

  private static final Pattern DOC_NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}\\p{N}/\\-])\\d{1,6}(?:\\s?[/\\-‐‑–—]\\s?[\\p{L}\\p{M}\\p{N}]+)+");
  private static final Pattern DOC_NUMBER_QUERY =
      Pattern.compile("\\d{1,6}(?:[/\\-‐‑–—][\\p{L}\\p{M}\\p{N}]+)+");
  private static final Pattern DASHES = Pattern.compile("[‐‑‒–—−]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private VietnameseText() {}

  /** The exact form; null gives the empty string. */
  public static String exact(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    if (isAscii(lower)) {
      return lower;
    }
    StringBuilder out = new StringBuilder(lower.length());
    int i = 0;
    while (i < lower.length()) {
      int end = i;
      while (end < lower.length() && isWordChar(lower.charAt(end))) {
        end++;
      }
      if (end > i) {
        out.append(Syllables.normaliseTone(lower.substring(i, end)));
        i = end;
      } else {
        out.append(lower.charAt(i));
        i++;
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /** The folded form: {@link #exact} without any diacritic and with {@code đ} → {@code d}. */
  public static String folded(String text) {
    String exact = exact(text);
    if (isAscii(exact)) {
      return exact;
    }
    String nfd = Normalizer.normalize(exact, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      out.append(c == 'đ' ? 'd' : c);
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /**
   * The canonical form of a document number ({@code 123/QĐ-UBND}, {@code 123 / qd - ubnd} and
   * {@code 0123/QD–UBND} all give {@code 123/qd-ubnd}); null gives the empty string.
   */
  public static String docNumber(String number) {
    if (number == null) {
      return "";
    }
    String folded = folded(number);
    String compact = SPACES.matcher(DASHES.matcher(folded).replaceAll("-")).replaceAll("");
    StringBuilder out = new StringBuilder(compact.length());
    int segmentStart = 0;
    for (int i = 0; i <= compact.length(); i++) {
      if (i == compact.length() || compact.charAt(i) == '/' || compact.charAt(i) == '-') {
        out.append(stripLeadingZeros(compact.substring(segmentStart, i)));
        if (i < compact.length()) {
          out.append(compact.charAt(i));
        }
        segmentStart = i + 1;
      }
    }
    return out.toString();
  }

  /** Whether a single query token looks like a document number (digits, separator, notation). */
  public static boolean looksLikeDocNumber(String token) {
    String nfc = Normalizer.normalize(token, Normalizer.Form.NFC);
    return DOC_NUMBER_QUERY.matcher(nfc).matches() && hasNotation(nfc);
  }

  /**
   * The canonical document numbers found in a text, in order of first appearance, without
   * duplicates: a number of up to 6 digits followed by {@code /} or {@code -} separated parts, at
   * least two of whose characters are letters ({@code 15/2020/NĐ-CP}, {@code 23-NQ/TW}).
   */
  public static List<String> docNumbers(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    Matcher m = DOC_NUMBER.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
    Set<String> found = new LinkedHashSet<>();
    while (m.find()) {
      if (hasNotation(m.group())) {
        found.add(docNumber(m.group()));
      }
    }
    return new ArrayList<>(found);
  }

  private static boolean hasNotation(String candidate) {
    int letters = 0;
    for (int i = 0; i < candidate.length(); i++) {
      if (Character.isLetter(candidate.charAt(i))) {
        letters++;
      }
    }
    return letters >= 2;
  }

  private static String stripLeadingZeros(String segment) {
    int i = 0;
    while (i < segment.length() - 1 && segment.charAt(i) == '0') {
      i++;
    }
    for (int j = i; j < segment.length(); j++) {
      if (!Character.isDigit(segment.charAt(j))) {
        return segment;
      }
    }
    return segment.substring(i);
  }

  /** Letters and combining marks form words; everything else separates them. */
  static boolean isWordChar(char c) {
    return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
