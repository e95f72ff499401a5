package vn.tangthu.indexer.ocr;

import java.text.Normalizer;
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
