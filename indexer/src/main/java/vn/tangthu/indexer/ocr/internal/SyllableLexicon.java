package vn.tangthu.indexer.ocr.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.tangthu.indexer.text.VietnameseText;

/**
 * Vietnamese syllables with how often each occurs in legal text ({@code syllables.tsv}, generated
 * from half of the legal corpus by the bench's {@code SyllableList}), and the spellings an OCR
 * engine confuses with a syllable: the same letters with {@code a ă â}, {@code o ô ơ}, {@code u ư},
 * {@code e ê}, {@code d đ} exchanged and any tone. Immutable, thread-safe.
 */
public final class SyllableLexicon {

  private static final String RESOURCE = "/vn/tangthu/indexer/ocr/syllables.tsv";
  private static final String[] CLASSES = {"aăâ", "oôơ", "uư", "eê", "dđ"};
  private static final char[] TONES = {0, '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'};
  private static final int MAX_LENGTH = 7;

  private static final SyllableLexicon INSTANCE = load();

  private final Map<String, Integer> counts;

  private SyllableLexicon(Map<String, Integer> counts) {
    this.counts = counts;
  }

  /** The lexicon shipped with the indexer. */
  public static SyllableLexicon get() {
    return INSTANCE;
  }

  private static SyllableLexicon load() {
    Map<String, Integer> counts = new HashMap<>();
    try (InputStream in = SyllableLexicon.class.getResourceAsStream(RESOURCE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        counts.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SyllableLexicon(Map.copyOf(counts));
  }

  /** How often the syllable (in its exact form) was seen; 0 when never. */
  public int count(String exact) {
    return counts.getOrDefault(exact, 0);
  }

  /**
   * The syllables (exact form, lower case) spelt like {@code word} but for confusable letters and
   * the tone, {@code word}'s own exact form included when it is one. Empty for words of more than
   * {@value #MAX_LENGTH} letters or with letters outside the Vietnamese alphabet.
   */
  public List<String> confusable(String word) {
    String lower = VietnameseText.exact(word);
    List<String> out = new ArrayList<>();
    if (lower.length() > MAX_LENGTH || lower.isEmpty()) {
      return out;
    }
    String bare = stripTone(lower);
    if (bare == null) {
      return out;
    }
    expand(bare.toCharArray(), 0, out);
    return out;
  }

  private void expand(char[] letters, int at, List<String> out) {
    if (at == letters.length) {
      String base = new String(letters);
      for (char tone : TONES) {
        String candidate = withTone(base, tone);
        if (candidate != null && counts.containsKey(candidate) && !out.contains(candidate)) {
          out.add(candidate);
        }
      }
      return;
    }
    char c = letters[at];
    for (String group : CLASSES) {
      if (group.indexOf(c) >= 0) {
        for (int i = 0; i < group.length(); i++) {
          letters[at] = group.charAt(i);
          expand(letters, at + 1, out);
        }
        letters[at] = c;
        return;
      }
    }
    expand(letters, at + 1, out);
  }

  /** The word without its tone mark (quality marks kept), or null for non-Vietnamese letters. */
  static String stripTone(String lower) {
    String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323') {
        continue;
      }
      boolean letter = (c >= 'a' && c <= 'z') || c == 'đ';
      boolean quality = c == '\u0302' || c == '\u0306' || c == '\u031B';
      if (!letter && !quality) {
        return null;
      }
      out.append(c);
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /** {@code base} with {@code tone} on the vowel the index uses, or null when it has none. */
  private static String withTone(String base, char tone) {
    if (tone == 0) {
      return base;
    }
    for (int i = 0; i < base.length(); i++) {
      if ("aăâeêioôơuưy".indexOf(base.charAt(i)) >= 0) {
        String toned =
            Normalizer.normalize(
                base.substring(0, i) + base.charAt(i) + tone + base.substring(i + 1),
                Normalizer.Form.NFC);
        return VietnameseText.exact(toned);
      }
    }
    return null;
  }
}
