package vn.tangthu.indexer.extract.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * A small Vietnamese/English language guesser (Tika's standard package ships no language detector).
 * Vietnamese is recognised by letters that (almost) only Vietnamese uses: vowels with a hook above,
 * a dot below or a horn, ă and đ, and circumflex vowels carrying a tone; or, for text typed without
 * diacritics, by the share of very common Vietnamese syllables. English is recognised by the share
 * of its most common function words. Anything else is unknown (null).
 */
public final class LanguageGuesser {

  private static final int SAMPLE_CHARS = 200_000;
  private static final int MIN_LETTERS = 20;
  private static final Set<String> ENGLISH =
      Set.of(
          "the", "and", "of", "to", "in", "is", "for", "that", "with", "on", "this", "be", "are",
          "as", "by", "it", "was", "or", "from", "at", "an", "not", "have", "which");
  private static final Set<String> VIETNAMESE_PLAIN =
      Set.of(
          "cua", "va", "cac", "cho", "duoc", "nguoi", "trong", "nhung", "khong", "mot", "la",
          "theo", "thi", "nay", "co", "ve", "voi", "nam", "nha", "nuoc", "quy", "dinh", "luat",
          "dieu", "khoan", "viec", "phai", "de", "hoac", "tai", "cong", "ban", "so");

  private LanguageGuesser() {}

  /** "vi", "en" or null. */
  public static String guess(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    String nfd = Normalizer.normalize(sample, Normalizer.Form.NFD);
    int letters = 0;
    int vietnamese = 0;
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (c == 'đ' || c == 'Đ') {
          vietnamese++;
        }
      } else if (c == '\u0309' || c == '\u0323' || c == '\u031B' || c == '\u0306') {
        vietnamese++;
      }
    }
    if (letters < MIN_LETTERS) {
      return null;
    }
    if (vietnamese * 40 >= letters) {
      return "vi";
    }
    return byWords(sample);
  }

  private static String byWords(String sample) {
    int words = 0;
    int english = 0;
    int plainVietnamese = 0;
    for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      words++;
      if (ENGLISH.contains(word)) {
        english++;
      } else if (VIETNAMESE_PLAIN.contains(word)) {
        plainVietnamese++;
      }
    }
    if (words < 5) {
      return null;
    }
    if (english * 10 >= words && english > plainVietnamese) {
      return "en";
    }
    if (plainVietnamese * 6 >= words) {
      return "vi";
    }
    return null;
  }
}
