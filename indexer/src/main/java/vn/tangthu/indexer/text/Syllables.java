package vn.tangthu.indexer.text;

import java.text.Normalizer;

/**
 * Tone-mark placement in one lower-case Vietnamese syllable. The tone (grave, acute, hook above,
 * tilde, dot below) is taken off and put back on the vowel the traditional rule chooses:
 *
 * <ol>
 *   <li>the onset is the leading consonants, plus the {@code u} of {@code qu} and the {@code i} of
 *       {@code gi} when a vowel follows;
 *   <li>in the vowel cluster, the last vowel carrying a quality mark ({@code ă â ê ô ơ ư}) takes
 *       the tone ({@code người}, {@code khuyến}, {@code thuở});
 *   <li>otherwise, with a final consonant, the last vowel ({@code hoàng}, {@code huỳnh});
 *   <li>otherwise the middle of three vowels ({@code ngoài}, {@code khuỷu}) or the first of one or
 *       two ({@code hòa}, {@code thủy}, {@code khỏe}, {@code mía}, {@code múa}).
 * </ol>
 *
 * Anything that is not a well-formed syllable (several tones, letters outside the Vietnamese
 * alphabet, vowels split by consonants, more than three vowels) is returned unchanged.
 */
final class Syllables {

  private static final String VOWELS = "aăâeêioôơuưy";
  private static final String MARKED_VOWELS = "ăâêôơư";
  private static final String CONSONANTS = "bcdđghklmnpqrstvx";

  private Syllables() {}

  /** The word with its tone on the canonical vowel (NFC), or unchanged when not a syllable. */
  static String normaliseTone(String word) {
    String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
    char tone = 0;
    StringBuilder base = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (isTone(c)) {
        if (tone != 0) {
          return word;
        }
        tone = c;
      } else {
        base.append(c);
      }
    }
    if (tone == 0) {
      return word;
    }
    String bare = Normalizer.normalize(base, Normalizer.Form.NFC);
    int index = toneIndex(bare);
    if (index < 0) {
      return word;
    }
    String placed = bare.substring(0, index + 1) + tone + bare.substring(index + 1);
    return Normalizer.normalize(placed, Normalizer.Form.NFC);
  }

  static boolean isTone(char c) {
    return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
  }

  /** Index of the vowel that takes the tone in a toneless syllable, or -1. */
  static int toneIndex(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (!isVowel(s.charAt(i)) && CONSONANTS.indexOf(s.charAt(i)) < 0) {
        return -1;
      }
    }
    int onsetEnd = 0;
    while (onsetEnd < n && !isVowel(s.charAt(onsetEnd))) {
      onsetEnd++;
    }
    if (onsetEnd == n) {
      return -1;
    }
    if (onsetEnd == 1 && n > 2 && isVowel(s.charAt(2))) {
      if ((s.charAt(0) == 'q' && s.charAt(1) == 'u')
          || (s.charAt(0) == 'g' && s.charAt(1) == 'i')) {
        onsetEnd = 2;
      }
    }
    int vowelEnd = onsetEnd;
    while (vowelEnd < n && isVowel(s.charAt(vowelEnd))) {
      vowelEnd++;
    }
    for (int i = vowelEnd; i < n; i++) {
      if (isVowel(s.charAt(i))) {
        return -1;
      }
    }
    int vowels = vowelEnd - onsetEnd;
    if (vowels > 3) {
      return -1;
    }
    for (int i = vowelEnd - 1; i >= onsetEnd; i--) {
      if (MARKED_VOWELS.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    if (vowelEnd < n) {
      return vowelEnd - 1;
    }
    return vowels == 3 ? onsetEnd + 1 : onsetEnd;
  }

  private static boolean isVowel(char c) {
    return VOWELS.indexOf(c) >= 0;
  }
}
