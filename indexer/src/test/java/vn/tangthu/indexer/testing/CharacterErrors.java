package vn.tangthu.indexer.testing;

import java.text.Normalizer;

/** Character error rate of OCR text against its ground truth (white space runs count as one). */
public final class CharacterErrors {

  private CharacterErrors() {}

  /** Levenshtein distance over code points, divided by the length of the truth. */
  public static double rate(String ocr, String truth) {
    int[] a = normal(ocr);
    int[] b = normal(truth);
    int[] previous = new int[b.length + 1];
    int[] current = new int[b.length + 1];
    for (int j = 0; j <= b.length; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      current[0] = i;
      for (int j = 1; j <= b.length; j++) {
        int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return (double) previous[b.length] / Math.max(1, b.length);
  }

  private static int[] normal(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC)
        .strip()
        .replaceAll("\\s+", " ")
        .codePoints()
        .toArray();
  }
}
