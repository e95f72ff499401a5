package vn.tangthu.indexer.search.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import vn.tangthu.indexer.text.VietnameseText;

/**
 * The clerk's query language ({@code api.md}, "Search"): unquoted words must all match, each in its
 * exact or folded form (exact scores higher), anywhere in subject, text or metadata; words standing
 * close together score higher; {@code "quoted phrases"} match as phrases; {@code -word} and {@code
 * -"phrase"} exclude; a token like {@code 123/QĐ-UBND} matches the document-number field (or the
 * words of the number as a phrase). An empty query matches everything.
 *
 * @param match the query to run (before filters)
 * @param highlight folded terms and phrases on the highlighted fields, or null when nothing to
 *     highlight
 */
public record ClerkQuery(Query match, Query highlight) {

  static final int MAX_LENGTH = 1_000;
  static final int MAX_PARTS = 32;
  private static final int PROXIMITY_SLOP = 8;
  private static final float EXACT_BOOST = 2f;
  private static final float SUBJECT_BOOST = 1.5f;
  private static final float OWN_NUMBER_BOOST = 16f;
  private static final float CITED_NUMBER_BOOST = 4f;

  private record Part(String text, boolean phrase, boolean excluded) {}

  /**
   * Parses a query.
   *
   * @throws IllegalArgumentException for an unbalanced quotation mark, a query longer than 1000
   *     characters or with more than 32 words and phrases
   */
  public static ClerkQuery parse(String q) {
    if (q.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "query is too long (at most " + MAX_LENGTH + " characters)");
    }
    List<Part> parts = split(q.replace('“', '"').replace('”', '"').replace('„', '"'));
    if (parts.size() > MAX_PARTS) {
      throw new IllegalArgumentException(
          "query has too many words and phrases (at most " + MAX_PARTS + ")");
    }
    BooleanQuery.Builder match = new BooleanQuery.Builder();
    BooleanQuery.Builder highlight = new BooleanQuery.Builder();
    List<String> nearExact = new ArrayList<>();
    List<String> nearFolded = new ArrayList<>();
    boolean positive = false;
    boolean highlighted = false;
    int nearParts = 0;
    for (Part part : parts) {
      List<String> exact = Analysis.syllables(part.text(), VietnameseText::exact);
      List<String> folded = Analysis.syllables(part.text(), VietnameseText::folded);
      if (exact.isEmpty()) {
        continue;
      }
      Query clause;
      boolean number = !part.phrase() && VietnameseText.looksLikeDocNumber(part.text());
      if (number) {
        String canonical = VietnameseText.docNumber(part.text());
        clause =
            new BooleanQuery.Builder()
                .add(
                    constant(new Term(Fields.OWN_DOC_NUMBER, canonical), OWN_NUMBER_BOOST),
                    Occur.SHOULD)
                .add(
                    constant(new Term(Fields.DOC_NUMBER, canonical), CITED_NUMBER_BOOST),
                    Occur.SHOULD)
                .add(anyField(exact, folded), Occur.SHOULD)
                .build();
      } else {
        clause = anyField(exact, folded);
      }
      if (part.excluded()) {
        match.add(clause, Occur.MUST_NOT);
        continue;
      }
      match.add(clause, Occur.MUST);
      positive = true;
      highlight.add(folded(Fields.TEXT_FOLDED, folded), Occur.SHOULD);
      highlight.add(folded(Fields.SUBJECT_FOLDED, folded), Occur.SHOULD);
      highlighted = true;
      if (!part.phrase() && !number) {
        nearExact.addAll(exact);
        nearFolded.addAll(folded);
        nearParts++;
      }
    }
    if (!positive) {
      match.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    if (nearParts >= 2) {
      addProximity(match, nearExact, nearFolded);
    }
    return new ClerkQuery(match.build(), highlighted ? highlight.build() : null);
  }

  /**
   * Words adjacent in the query order score far above words merely near each other, which score
   * above scattered words; exact adjacency above folded adjacency.
   */
  private static void addProximity(
      BooleanQuery.Builder match, List<String> exact, List<String> folded) {
    should(match, phrase(Fields.TEXT_EXACT, exact, 0), 8f);
    should(match, phrase(Fields.SUBJECT_EXACT, exact, 0), 8f * SUBJECT_BOOST);
    should(match, phrase(Fields.TEXT_FOLDED, folded, 0), 4f);
    should(match, phrase(Fields.SUBJECT_FOLDED, folded, 0), 4f * SUBJECT_BOOST);
    should(match, phrase(Fields.TEXT_FOLDED, folded, PROXIMITY_SLOP), 2f);
    should(match, phrase(Fields.SUBJECT_FOLDED, folded, PROXIMITY_SLOP), 2f * SUBJECT_BOOST);
  }

  /**
   * A constant score when it matches: with few documents, or common words, BM25 gives a phrase in a
   * long text almost no weight, yet adjacency is what the clerk asked for.
   */
  private static void should(BooleanQuery.Builder match, Query query, float boost) {
    match.add(new BoostQuery(new ConstantScoreQuery(query), boost), Occur.SHOULD);
  }

  /** The syllables (a word, or a phrase when several) in any searchable field. */
  private static Query anyField(List<String> exact, List<String> folded) {
    return new BooleanQuery.Builder()
        .add(
            new BoostQuery(words(Fields.SUBJECT_EXACT, exact), EXACT_BOOST * SUBJECT_BOOST),
            Occur.SHOULD)
        .add(new BoostQuery(words(Fields.TEXT_EXACT, exact), EXACT_BOOST), Occur.SHOULD)
        .add(new BoostQuery(words(Fields.META_EXACT, exact), EXACT_BOOST), Occur.SHOULD)
        .add(new BoostQuery(words(Fields.SUBJECT_FOLDED, folded), SUBJECT_BOOST), Occur.SHOULD)
        .add(words(Fields.TEXT_FOLDED, folded), Occur.SHOULD)
        .add(words(Fields.META_FOLDED, folded), Occur.SHOULD)
        .build();
  }

  private static Query constant(Term term, float boost) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(term)), boost);
  }

  private static Query folded(String field, List<String> folded) {
    return words(field, folded);
  }

  private static Query words(String field, List<String> syllables) {
    if (syllables.size() == 1) {
      return new TermQuery(new Term(field, syllables.get(0)));
    }
    return phrase(field, syllables, 0);
  }

  private static Query phrase(String field, List<String> syllables, int slop) {
    return new PhraseQuery(slop, field, syllables.toArray(String[]::new));
  }

  private static List<Part> split(String q) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    int n = q.length();
    while (i < n) {
      if (Character.isWhitespace(q.charAt(i))) {
        i++;
        continue;
      }
      boolean excluded = false;
      if (q.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
        excluded = true;
        i++;
      }
      if (q.charAt(i) == '"') {
        int close = q.indexOf('"', i + 1);
        if (close < 0) {
          throw new IllegalArgumentException("unbalanced quotation mark in query");
        }
        parts.add(new Part(q.substring(i + 1, close), true, excluded));
        i = close + 1;
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
          end++;
        }
        parts.add(new Part(q.substring(i, end), false, excluded));
        i = end;
      }
    }
    return parts;
  }
}
