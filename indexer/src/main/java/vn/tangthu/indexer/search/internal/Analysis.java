package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import vn.tangthu.indexer.text.VietnameseText;

/**
 * Syllable-level analysers: the text is split into runs of letters, digits and combining marks (so
 * NFD input stays whole), and each run is replaced by {@link VietnameseText#exact} or {@link
 * VietnameseText#folded}. Offsets always point into the original text, which is what highlighting
 * needs.
 */
public final class Analysis {

  /**
   * Prefix of an exact syllable in the {@link Fields#ALL} field (never a token character, so no
   * folded syllable starts with it).
   */
  public static final String EXACT_MARK = "=";

  /** Separates the syllables of a pair or triple token in {@link Fields#ALL}. */
  static final String PAIR_SEPARATOR = " ";

  private Analysis() {}

  /** A run of letters, digits and combining marks. */
  static boolean isTokenChar(int c) {
    int type = Character.getType(c);
    return Character.isLetterOrDigit(c)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** Analyser producing {@link VietnameseText#exact} syllables. */
  public static Analyzer exact() {
    return new SyllableAnalyzer(VietnameseText::exact);
  }

  /** Analyser producing {@link VietnameseText#folded} syllables. */
  public static Analyzer folded() {
    return new SyllableAnalyzer(VietnameseText::folded);
  }

  /**
   * Analyser of {@link Fields#ALL}: for each syllable, its folded form; at the same position its
   * exact form prefixed with {@link #EXACT_MARK} when that differs from the folded one; and, at the
   * same position, the folded pair "previous syllable + space + this syllable" when the syllable
   * follows another one in the same value, and the folded triple of the two syllables before it and
   * itself when it follows two. Matching needs only the folded terms, the exact terms rank exact
   * spellings higher and the pairs rank adjacent words higher, all as plain term lookups (no
   * positions needed for ranking); a phrase of three syllables is one term lookup, and longer
   * phrases read the positions of triples, far rarer than their syllables or pairs.
   */
  public static Analyzer all() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(Analysis::isTokenChar);
        return new TokenStreamComponents(tokenizer, new AllFormsFilter(tokenizer));
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        return 100;
      }
    };
  }

  /**
   * The exact term of {@link Fields#ALL} for a syllable ({@code exact} and {@code folded} form).
   */
  public static String allTerm(String exact, String folded) {
    return exact.equals(folded) ? folded : EXACT_MARK + exact;
  }

  /** The pair term of {@link Fields#ALL} for two adjacent folded syllables. */
  public static String pairTerm(String first, String second) {
    return first + PAIR_SEPARATOR + second;
  }

  /** The triple term of {@link Fields#ALL} for three consecutive folded syllables. */
  public static String tripleTerm(String first, String second, String third) {
    return first + PAIR_SEPARATOR + second + PAIR_SEPARATOR + third;
  }

  /** The index analyser: exact or folded per field, keyword for everything else. */
  public static Analyzer perField() {
    Analyzer exact = exact();
    Analyzer folded = folded();
    return new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        Map.of(
            Fields.SUBJECT_EXACT, exact,
            Fields.SUBJECT_FOLDED, folded,
            Fields.TEXT_FOLDED, folded,
            Fields.ALL, all()));
  }

  /** The syllables of a string, each mapped by {@code form} (used to build queries). */
  public static List<String> syllables(String text, UnaryOperator<String> form) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && isTokenChar(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      if (i > start) {
        out.add(form.apply(text.substring(start, i)));
      } else {
        i += Character.charCount(text.codePointAt(i));
      }
    }
    return out;
  }

  private static final class SyllableAnalyzer extends Analyzer {
    private final UnaryOperator<String> form;

    SyllableAnalyzer(UnaryOperator<String> form) {
      this.form = form;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(Analysis::isTokenChar);
      return new TokenStreamComponents(tokenizer, new FormFilter(tokenizer, form));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return 100;
    }
  }

  private static final class FormFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final UnaryOperator<String> form;

    FormFilter(TokenStream input, UnaryOperator<String> form) {
      super(input);
      this.form = form;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      String mapped = form.apply(term.toString());
      term.setEmpty().append(mapped);
      return true;
    }
  }

  /** Emits folded, marked exact, pair and triple tokens per syllable ({@link #all()}). */
  private static final class AllFormsFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private String beforePrevious;
    private String previous;
    private String pendingExact;
    private String pendingPair;
    private String pendingTriple;

    AllFormsFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (pendingExact != null) {
        emitStacked(pendingExact);
        pendingExact = null;
        return true;
      }
      if (pendingPair != null) {
        emitStacked(pendingPair);
        pendingPair = null;
        return true;
      }
      if (pendingTriple != null) {
        emitStacked(pendingTriple);
        pendingTriple = null;
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      String raw = term.toString();
      String exact = VietnameseText.exact(raw);
      String folded = VietnameseText.folded(raw);
      term.setEmpty().append(folded);
      pendingExact = exact.equals(folded) ? null : EXACT_MARK + exact;
      pendingPair = previous == null ? null : pairTerm(previous, folded);
      pendingTriple = beforePrevious == null ? null : tripleTerm(beforePrevious, previous, folded);
      beforePrevious = previous;
      previous = folded;
      return true;
    }

    private void emitStacked(String value) {
      term.setEmpty().append(value);
      increment.setPositionIncrement(0);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      beforePrevious = null;
      previous = null;
      pendingExact = null;
      pendingPair = null;
      pendingTriple = null;
    }
  }
}
