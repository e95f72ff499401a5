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
import org.apache.lucene.analysis.util.CharTokenizer;
import vn.tangthu.indexer.text.VietnameseText;

/**
 * Syllable-level analysers: the text is split into runs of letters, digits and combining marks (so
 * NFD input stays whole), and each run is replaced by {@link VietnameseText#exact} or {@link
 * VietnameseText#folded}. Offsets always point into the original text, which is what highlighting
 * needs.
 */
public final class Analysis {

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

  /** The index analyser: exact or folded per field, keyword for everything else. */
  public static Analyzer perField() {
    Analyzer exact = exact();
    Analyzer folded = folded();
    return new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        Map.of(
            Fields.SUBJECT_EXACT, exact,
            Fields.TEXT_EXACT, exact,
            Fields.META_EXACT, exact,
            Fields.SUBJECT_FOLDED, folded,
            Fields.TEXT_FOLDED, folded,
            Fields.META_FOLDED, folded));
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
}
