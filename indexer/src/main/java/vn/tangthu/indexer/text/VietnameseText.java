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
      Pattern.compile("\\d{1,6}(?:\\s?[/\\-‐‑–—]\\s?[\\p{L}\\p{M}\\p{N}]+)+");
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
    if (isAscii(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    int n = text.length();
    char[] buf = new char[n];
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      char lower = c < 0x80 ? Character.toLowerCase(c) : LOWER[c];
      if (lower == 0) {
        return exactSlow(text);
      }
      buf[i] = lower;
    }
    int i = 0;
    while (i < n) {
      if (!Syllables.hasTone(buf[i])) {
        i++;
        continue;
      }
      int start = i;
      while (start > 0 && Character.isLetter(buf[start - 1])) {
        start--;
      }
      int end = i + 1;
      while (end < n && Character.isLetter(buf[end])) {
        end++;
      }
      Syllables.placeTone(buf, start, end);
      i = end;
    }
    return new String(buf);
  }

  /** {@link #exact} for text with combining marks, unstable or context-sensitive characters. */
  private static String exactSlow(String text) {
    String lower = nfc(nfc(text).toLowerCase(Locale.ROOT));
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    int n = lower.length();
    while (i < n) {
      if (!isWordChar(lower.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      boolean toned = false;
      while (i < n && isWordChar(lower.charAt(i))) {
        toned |= Syllables.hasTone(lower.charAt(i));
        i++;
      }
      if (toned) {
        String word = lower.substring(start, i);
        String placed = Syllables.normaliseTone(word);
        if (placed != word) {
          if (out == null) {
            out = new StringBuilder(n);
          }
          out.append(lower, copied, start).append(placed);
          copied = i;
        }
      }
    }
    if (out == null) {
      return lower;
    }
    return out.append(lower, copied, n).toString();
  }

  /**
   * The folded form: {@link #exact} without any diacritic and with {@code đ} → {@code d}. (Tone
   * placement is irrelevant once marks are gone, so the fast path only lower-cases and strips.)
   */
  public static String folded(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    if (isAscii(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out.append(Character.toLowerCase(c));
      } else if (FOLDED[c] == REMOVED) {
        continue;
      } else if (FOLDED[c] != 0) {
        out.append(FOLDED[c]);
      } else {
        return foldedSlow(text);
      }
    }
    return out.toString();
  }

  private static String foldedSlow(String text) {
    String exact = exact(text);
    StringBuilder out = new StringBuilder(exact.length());
    for (int i = 0; i < exact.length(); i++) {
      char c = exact.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(foldSlow(c));
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  private static final char REMOVED = '\uFFFF';

  /**
   * Per BMP character: its folded lower-case form when that is one character and independent of
   * context, REMOVED for combining marks, 0 when the slow path (full exact form) is needed
   * (surrogates, context-dependent lower-casing, Hangul jamo that compose).
   */
  private static final char[] FOLDED = new char[0x10000];

  static {
    for (int c = 0x80; c < 0x10000; c++) {
      char ch = (char) c;
      if (Character.isSurrogate(ch)
          || ch == '\u03A3'
          || (c >= 0x1100 && c < 0x1200)
          || (c >= 0xA960 && c < 0xA980)
          || (c >= 0xD7B0 && c < 0xD800)) {
        continue;
      }
      if (Character.getType(ch) == Character.NON_SPACING_MARK) {
        FOLDED[c] = REMOVED;
        continue;
      }
      String lower = String.valueOf(ch).toLowerCase(Locale.ROOT);
      if (lower.length() != 1) {
        continue;
      }
      String folded = foldSlow(lower.charAt(0));
      if (folded.length() == 1 && folded.charAt(0) != REMOVED) {
        FOLDED[c] = folded.charAt(0);
      }
    }
  }

  /**
   * Per BMP character: its lower case when the character is NFC-stable on its own, not a combining
   * mark and lower-cases to one character independent of context; 0 otherwise (slow path).
   */
  private static final char[] LOWER = new char[0x10000];

  static {
    for (int c = 0x80; c < 0x10000; c++) {
      char ch = (char) c;
      String s = String.valueOf(ch);
      if (Character.isSurrogate(ch)
          || ch == '\u03A3'
          || Character.getType(ch) == Character.NON_SPACING_MARK
          || Character.getType(ch) == Character.COMBINING_SPACING_MARK
          || (c >= 0x1100 && c < 0x1200)
          || (c >= 0xA960 && c < 0xA980)
          || (c >= 0xD7B0 && c < 0xD800)
          || !Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
        continue;
      }
      String lower = s.toLowerCase(Locale.ROOT);
      if (lower.length() == 1 && Normalizer.isNormalized(lower, Normalizer.Form.NFC)) {
        LOWER[c] = lower.charAt(0);
      }
    }
  }

  private static String foldSlow(char c) {
    if (c == 'đ' || c == 'Đ') {
      return "d";
    }
    String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      if (Character.getType(nfd.charAt(i)) != Character.NON_SPACING_MARK) {
        out.append(nfd.charAt(i));
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  private static String nfc(String s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFC)
        ? s
        : Normalizer.normalize(s, Normalizer.Form.NFC);
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

  /**
   * Whether a word is a well-formed Vietnamese syllable in any case and tone-mark placement: a
   * legal onset, vowel nucleus and final consonant, at most one tone, and a final {@code c}, {@code
   * ch}, {@code p} or {@code t} only with the acute or dot-below tone ({@code các}, {@code việc};
   * never {@code cac}, {@code dich}).
   */
  public static boolean isSyllable(String word) {
    if (word == null || word.isEmpty()) {
      return false;
    }
    String lower = exact(word);
    return Syllables.isSyllable(lower) && Syllables.toneFitsFinal(lower);
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
    String nfc = nfc(text);
    Matcher m = DOC_NUMBER.matcher(nfc);
    Set<String> found = new LinkedHashSet<>();
    int i = 0;
    int n = nfc.length();
    while (i < n) {
      char c = nfc.charAt(i);
      if (c < '0' || c > '9' || (i > 0 && continuesToken(nfc.charAt(i - 1)))) {
        i++;
        continue;
      }
      m.region(i, n);
      if (m.lookingAt()) {
        if (hasNotation(m.group())) {
          found.add(docNumber(m.group()));
        }
        i = m.end();
      } else {
        while (i < n && nfc.charAt(i) >= '0' && nfc.charAt(i) <= '9') {
          i++;
        }
      }
    }
    return new ArrayList<>(found);
  }

  private static boolean continuesToken(char c) {
    return Character.isLetterOrDigit(c)
        || Character.getType(c) == Character.NON_SPACING_MARK
        || c == '/'
        || c == '-';
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
