package vn.tangthu.bench.ocr;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Character and word error rates: the Levenshtein distance between the OCR text and the ground
 * truth (in code points, resp. words), over the length of the ground truth. Both sides are compared
 * in NFC with every run of white space made one space (line breaks are layout, not text); anything
 * else, including where a tone mark sits, counts.
 */
final class TextMetrics {

  /** Edits and length of the ground truth, summed over pages (micro-average). */
  record Errors(long edits, long length) {
    static final Errors NONE = new Errors(0, 0);

    Errors plus(Errors other) {
      return new Errors(edits + other.edits, length + other.length);
    }

    double rate() {
      return length == 0 ? 0 : (double) edits / length;
    }
  }

  private TextMetrics() {}

  static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
  }

  static Errors characters(String ocr, String truth) {
    int[] a = normalise(ocr).codePoints().toArray();
    int[] b = normalise(truth).codePoints().toArray();
    return new Errors(distance(a, b), b.length);
  }

  static Errors words(String ocr, String truth) {
    String[] a = split(ocr);
    String[] b = split(truth);
    int[] ai = new int[a.length];
    int[] bi = new int[b.length];
    java.util.Map<String, Integer> ids = new java.util.HashMap<>();
    for (int i = 0; i < a.length; i++) {
      ai[i] = ids.computeIfAbsent(a[i], k -> ids.size());
    }
    for (int i = 0; i < b.length; i++) {
      bi[i] = ids.computeIfAbsent(b[i], k -> ids.size());
    }
    return new Errors(distance(ai, bi), b.length);
  }

  private static String[] split(String text) {
    String n = normalise(text);
    return n.isEmpty() ? new String[0] : n.split(" ");
  }

  /** Levenshtein distance, two rows. */
  static int distance(int[] a, int[] b) {
    int[] previous = new int[b.length + 1];
    int[] current = new int[b.length + 1];
    for (int j = 0; j <= b.length; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      current[0] = i;
      int ai = a[i - 1];
      for (int j = 1; j <= b.length; j++) {
        int substitute = previous[j - 1] + (ai == b[j - 1] ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    int d = previous[b.length];
    Arrays.fill(current, 0);
    return d;
  }
}
