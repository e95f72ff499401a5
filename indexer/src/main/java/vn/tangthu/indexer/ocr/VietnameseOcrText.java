package vn.tangthu.indexer.ocr;

import java.text.Normalizer;
import vn.tangthu.indexer.ocr.internal.SyllableLexicon;
import vn.tangthu.indexer.text.VietnameseText;

/**
 * Post-processing of Vietnamese OCR text. Pure functions, thread-safe.
 *
 * <ul>
 *   <li>{@link #nfc}: Unicode NFC (engines may emit a base letter and combining marks);
 *   <li>{@link #placeTones}: in every Vietnamese syllable the tone mark on the vowel the index's
 *       analyser uses ({@link VietnameseText#exact}: the traditional rule, {@code hòa}, {@code
 *       thủy}, {@code khỏe}), keeping the letters' case, so the text shown for a scan matches how
 *       it is searched whatever the typesetting of the paper;
 * </ul>
 */
public final class VietnameseOcrText {

  /** A replacement must have been seen at least this often in the legal corpus. */
  static final int MIN_EVIDENCE = 20;

  private VietnameseOcrText() {}

  /** The post-processing applied to OCR text: {@link #nfc} then {@link #placeTones}. */
  public static String correct(String text) {
    return placeTones(nfc(text));
  }

  /** Unicode NFC. */
  public static String nfc(String text) {
    return Normalizer.isNormalized(text, Normalizer.Form.NFC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /**
   * The tone mark of every syllable on the vowel the traditional rule chooses ({@code hoà} → {@code
   * hòa}, {@code Thuỷ} → {@code Thủy}); case kept; anything else unchanged. Expects NFC.
   */
  public static String placeTones(String text) {
    StringBuilder out = null;
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      String word = text.substring(start, i);
      String placed = placeTone(word);
      if (!placed.equals(word)) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.replace(start, i, placed);
      }
    }
    return out == null ? text : out.toString();
  }

  /** {@link #fixConfusions(String, boolean)} for words never seen as well as malformed ones. */
  public static String fixConfusions(String text) {
    return fixConfusions(text, true);
  }

  /**
   * Replaces confused words by the most frequent syllable differing only in confusable letters and
   * the tone (seen at least {@value #MIN_EVIDENCE} times); case kept. A word is replaced when it is
   * not a well-formed syllable, or, with {@code unseenToo}, when it is one never seen in legal
   * text. Words of one letter, and words touching a digit, {@code /} or {@code -} (codes such as
   * {@code QĐ-UBND}) are left alone. Expects NFC.
   */
  public static String fixConfusions(String text, boolean unseenToo) {
    SyllableLexicon lexicon = SyllableLexicon.get();
    StringBuilder out = null;
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i - start < 2 || touchesCode(text, start, i)) {
        continue;
      }
      String word = text.substring(start, i);
      String fixed = fixWord(word, lexicon, unseenToo);
      if (fixed != null) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.replace(start, i, fixed);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean touchesCode(String text, int start, int end) {
    return (start > 0 && isCodeChar(text.charAt(start - 1)))
        || (end < text.length() && isCodeChar(text.charAt(end)));
  }

  private static boolean isCodeChar(char c) {
    return Character.isDigit(c) || c == '/' || c == '-';
  }

  /** The replacement of a confused word, or null to keep it. */
  private static String fixWord(String word, SyllableLexicon lexicon, boolean unseenToo) {
    boolean syllable = VietnameseText.isSyllable(word);
    String exact = VietnameseText.exact(word);
    if (syllable && (!unseenToo || lexicon.count(exact) > 0)) {
      return null;
    }
    String best = null;
    int bestCount = MIN_EVIDENCE - 1;
    for (String candidate : lexicon.confusable(word)) {
      int count = lexicon.count(candidate);
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    if (best == null || best.equals(exact) || best.length() != word.length()) {
      return null;
    }
    return withCase(best, word);
  }

  private static String withCase(String lower, String model) {
    if (model.length() > 1 && model.equals(model.toUpperCase(java.util.Locale.ROOT))) {
      return lower.toUpperCase(java.util.Locale.ROOT);
    }
    char[] out = lower.toCharArray();
    for (int i = 0; i < out.length; i++) {
      if (Character.isUpperCase(model.charAt(i))) {
        out[i] = Character.toUpperCase(out[i]);
      }
    }
    return new String(out);
  }

  private static String placeTone(String word) {
    String exact = VietnameseText.exact(word);
    if (exact.length() != word.length()) {
      return word;
    }
    char[] out = new char[word.length()];
    for (int i = 0; i < out.length; i++) {
      char lower = exact.charAt(i);
      out[i] = Character.isUpperCase(word.charAt(i)) ? Character.toUpperCase(lower) : lower;
    }
    String placed = new String(out);
    return placed.equals(word) ? word : placed;
  }
}
