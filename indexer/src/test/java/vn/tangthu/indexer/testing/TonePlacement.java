package vn.tangthu.indexer.testing;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites text to the other tone-mark convention for open syllables ending in oa, oe, uy (old
 * style {@code hòa}, {@code thủy} ↔ new style {@code hoà}, {@code thuỷ}). Independent of the
 * production code on purpose.
 */
public final class TonePlacement {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
  private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

  private TonePlacement() {}

  public static String other(String text) {
    String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
    Matcher m = WORD.matcher(nfd);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(swap(m.group())));
    }
    m.appendTail(out);
    return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
  }

  private static String swap(String word) {
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    int n = lower.length();
    if (n < 3) {
      return word;
    }
    // old style: tone right after the first vowel, word ends with that vowel pair
    for (String pair : new String[] {"oa", "oe", "uy"}) {
      char first = pair.charAt(0);
      char second = pair.charAt(1);
      if (lower.charAt(n - 1) == second
          && TONES.indexOf(lower.charAt(n - 2)) >= 0
          && lower.charAt(n - 3) == first
          && !(first == 'u' && n >= 4 && lower.charAt(n - 4) == 'q')) {
        return word.substring(0, n - 2) + word.charAt(n - 1) + word.charAt(n - 2);
      }
      if (TONES.indexOf(lower.charAt(n - 1)) >= 0
          && lower.charAt(n - 2) == second
          && lower.charAt(n - 3) == first
          && !(first == 'u' && n >= 4 && lower.charAt(n - 4) == 'q')) {
        return word.substring(0, n - 2) + word.charAt(n - 1) + word.charAt(n - 2);
      }
    }
    return word;
  }
}
