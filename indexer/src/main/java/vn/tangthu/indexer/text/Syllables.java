package vn.tangthu.indexer.text;

import java.text.Normalizer;

/**
 * Tone-mark placement in one lower-case NFC Vietnamese syllable. The tone (grave, acute, hook
 * above, tilde, dot below) is taken off and put back on the vowel the traditional rule chooses:
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
 * alphabet, vowels split by consonants, more than three vowels) is returned unchanged. Table
 * driven: a syllable whose tone is already in place is returned without allocation.
 */
final class Syllables {

  private static final String VOWELS = "aăâeêioôơuưy";
  private static final String MARKED_VOWELS = "ăâêôơư";
  private static final String CONSONANTS = "bcdđghklmnpqrstvx";
  private static final char[] TONE_MARKS = {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'};
  static final int TABLE_SIZE = 0x1F00;

  /** For a lower-case vowel with a tone: the vowel without it; else 0. */
  private static final char[] TONELESS = new char[TABLE_SIZE];

  /** For a lower-case vowel with a tone: 1 + the index of its tone in TONE_MARKS; else 0. */
  private static final byte[] TONE = new byte[TABLE_SIZE];

  /** [vowel index in VOWELS][tone index] → the precomposed letter. */
  private static final char[][] WITH_TONE = new char[VOWELS.length()][TONE_MARKS.length];

  static {
    for (int v = 0; v < VOWELS.length(); v++) {
      for (int t = 0; t < TONE_MARKS.length; t++) {
        String composed =
            Normalizer.normalize("" + VOWELS.charAt(v) + TONE_MARKS[t], Normalizer.Form.NFC);
        char c = composed.charAt(0);
        WITH_TONE[v][t] = c;
        TONELESS[c] = VOWELS.charAt(v);
        TONE[c] = (byte) (t + 1);
      }
    }
  }

  private Syllables() {}

  /** Whether {@code c} is a lower-case Vietnamese vowel carrying a tone. */
  static boolean hasTone(char c) {
    return c < TABLE_SIZE && TONE[c] != 0;
  }

  /** The word (lower-case NFC) with its tone on the canonical vowel, or unchanged. */
  static String normaliseTone(String word) {
    char[] chars = word.toCharArray();
    return placeTone(chars, 0, chars.length) ? new String(chars) : word;
  }

  /**
   * Moves the tone of the syllable {@code s[from, to)} (lower-case NFC) to the canonical vowel, in
   * place. Returns whether anything changed.
   */
  static boolean placeTone(char[] s, int from, int to) {
    int toneAt = -1;
    for (int i = from; i < to; i++) {
      if (hasTone(s[i])) {
        if (toneAt >= 0) {
          return false;
        }
        toneAt = i;
      }
    }
    if (toneAt < 0) {
      return false;
    }
    char toned = s[toneAt];
    s[toneAt] = TONELESS[toned];
    int index = toneIndex(s, from, to);
    if (index < 0 || index == toneAt) {
      s[toneAt] = toned;
      return false;
    }
    s[index] = WITH_TONE[VOWELS.indexOf(s[index])][TONE[toned] - 1];
    return true;
  }

  /** Index of the vowel that takes the tone in the toneless syllable {@code s[from, to)}, or -1. */
  static int toneIndex(char[] s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isVowel(s[i]) && CONSONANTS.indexOf(s[i]) < 0) {
        return -1;
      }
    }
    int onsetEnd = from;
    while (onsetEnd < to && !isVowel(s[onsetEnd])) {
      onsetEnd++;
    }
    if (onsetEnd == to) {
      return -1;
    }
    if (onsetEnd == from + 1 && to > from + 2 && isVowel(s[from + 2])) {
      char c0 = s[from];
      char c1 = s[from + 1];
      if ((c0 == 'q' && c1 == 'u') || (c0 == 'g' && c1 == 'i')) {
        onsetEnd = from + 2;
      }
    }
    int vowelEnd = onsetEnd;
    while (vowelEnd < to && isVowel(s[vowelEnd])) {
      vowelEnd++;
    }
    for (int i = vowelEnd; i < to; i++) {
      if (isVowel(s[i])) {
        return -1;
      }
    }
    int vowels = vowelEnd - onsetEnd;
    if (vowels > 3) {
      return -1;
    }
    for (int i = vowelEnd - 1; i >= onsetEnd; i--) {
      if (MARKED_VOWELS.indexOf(s[i]) >= 0) {
        return i;
      }
    }
    if (vowelEnd < to) {
      return vowelEnd - 1;
    }
    return vowels == 3 ? onsetEnd + 1 : onsetEnd;
  }

  private static final java.util.Set<String> ONSETS =
      java.util.Set.of(
          "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
          "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x");
  private static final java.util.Set<String> NUCLEI =
      java.util.Set.of(
          "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu",
          "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ôô", "ua",
          "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "yêu", "oai",
          "oay", "oao", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "ueo");

  /** Nuclei ending in a glide (or ia/ua/ưa), which never take a final consonant. */
  private static final java.util.Set<String> OPEN_ONLY =
      java.util.Set.of(
          "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
          "ưa", "ưi", "ưu", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyu",
          "ươi", "ươu", "ueo");

  private static final java.util.Set<String> CODAS =
      java.util.Set.of("", "c", "ch", "m", "n", "ng", "nh", "p", "t");

  /**
   * Whether a lower-case NFC word is a well-formed Vietnamese syllable (legal onset, vowel nucleus
   * and final consonant; at most one tone). Used to recognise text in legacy encodings.
   */
  static boolean isSyllable(String word) {
    int n = word.length();
    if (n == 0 || n > 7) {
      return false;
    }
    char[] s = word.toCharArray();
    int tones = 0;
    for (int i = 0; i < n; i++) {
      if (hasTone(s[i])) {
        s[i] = TONELESS[s[i]];
        tones++;
      }
    }
    if (tones > 1) {
      return false;
    }
    int onsetEnd = 0;
    while (onsetEnd < n && !isVowel(s[onsetEnd])) {
      onsetEnd++;
    }
    if (onsetEnd == n) {
      return false;
    }
    if (onsetEnd == 1
        && n > 2
        && isVowel(s[2])
        && ((s[0] == 'q' && s[1] == 'u') || (s[0] == 'g' && s[1] == 'i'))) {
      onsetEnd = 2;
    }
    int vowelEnd = onsetEnd;
    while (vowelEnd < n && isVowel(s[vowelEnd])) {
      vowelEnd++;
    }
    String bare = new String(s);
    String nucleus = bare.substring(onsetEnd, vowelEnd);
    String coda = bare.substring(vowelEnd);
    return ONSETS.contains(bare.substring(0, onsetEnd))
        && NUCLEI.contains(nucleus)
        && CODAS.contains(coda)
        && (coda.isEmpty() || !OPEN_ONLY.contains(nucleus));
  }

  /**
   * Whether the tone of a lower-case NFC syllable suits its final consonant: a syllable ending in a
   * stop ({@code c ch p t}) carries the acute or the dot below.
   */
  static boolean toneFitsFinal(String word) {
    int n = word.length();
    char last = n == 0 ? 0 : word.charAt(n - 1);
    boolean stop =
        last == 'c'
            || last == 'p'
            || last == 't'
            || (last == 'h' && n > 1 && word.charAt(n - 2) == 'c');
    if (!stop) {
      return true;
    }
    for (int i = 0; i < n; i++) {
      int tone = TONE[word.charAt(i) < TABLE_SIZE ? word.charAt(i) : 0];
      if (tone != 0) {
        char mark = TONE_MARKS[tone - 1];
        return mark == '\u0301' || mark == '\u0323';
      }
    }
    return false;
  }

  private static boolean isVowel(char c) {
    return VOWELS.indexOf(c) >= 0;
  }
}
