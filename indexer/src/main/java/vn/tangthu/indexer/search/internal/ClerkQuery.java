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
 * next to each other score higher; {@code "quoted phrases"} match as phrases; {@code -word} and
 * {@code -"phrase"} exclude; a token like {@code 123/QĐ-UBND} matches the document-number field (or
 * the words of the number as a phrase). An empty query matches everything.
 *
 * <p>Every required clause is a term or phrase on the folded forms of {@link Fields#ALL}; exact
 * spellings, subject matches and adjacent words only add score through optional term clauses (exact
 * and pair terms of the same field, the subject fields). Matching is therefore a conjunction of
 * single terms for ordinary words and phrases of up to three syllables ({@link #all}), and ranking
 * the top hits can skip blocks of documents that cannot compete (block-max WAND) instead of scoring
 * every match.
 *
 * <p>Matches in the subject and how close the words stand (the whole query as a phrase, exact or
 * folded, or within a few words) are scored by {@link #proximity} on the best hits only ({@link
 * ProximityWindow}).
 *
 * @param match the query to run (before filters)
 * @param proximity what the best hits of {@code match} are rescored with (subject matches, and for
 *     two plain words or more their proximity), or null when nothing is to be rescored
 * @param highlight folded terms and phrases on the highlighted fields, or null when nothing to
 *     highlight
 */
public record ClerkQuery(Query match, Query proximity, Query highlight) {

  static final int MAX_LENGTH = 1_000;
  static final int MAX_PARTS = 32;
  private static final int PROXIMITY_SLOP = 8;
  private static final float EXACT_BOOST = 1f;
  private static final float SUBJECT_BOOST = 1.5f;
  private static final float ADJACENT_BOOST = 4f;
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
    BooleanQuery.Builder subject = new BooleanQuery.Builder();
    boolean positive = false;
    boolean highlighted = false;
    String previousWord = null;
    List<String> nearExact = new ArrayList<>();
    List<String> nearFolded = new ArrayList<>();
    for (Part part : parts) {
      List<String> exact = Analysis.syllables(part.text(), VietnameseText::exact);
      List<String> folded = Analysis.syllables(part.text(), VietnameseText::folded);
      if (exact.isEmpty()) {
        continue;
      }
      boolean number = !part.phrase() && VietnameseText.looksLikeDocNumber(part.text());
      if (part.excluded()) {
        match.add(all(folded), Occur.MUST_NOT);
        continue;
      }
      positive = true;
      if (number) {
        match.add(docNumber(part.text(), folded), Occur.MUST);
        previousWord = null;
      } else {
        match.add(all(folded), Occur.MUST);
        addExact(match, subject, exact, folded);
        addSubject(subject, exact, folded);
        if (!part.phrase() && previousWord != null) {
          should(match, new TermQuery(pair(previousWord, folded.get(0))), ADJACENT_BOOST);
        }
        previousWord = part.phrase() ? null : folded.get(folded.size() - 1);
        if (!part.phrase()) {
          nearExact.addAll(exact);
          nearFolded.addAll(folded);
        }
      }
      highlight.add(words(Fields.TEXT_FOLDED, folded), Occur.SHOULD);
      highlight.add(words(Fields.SUBJECT_FOLDED, folded), Occur.SHOULD);
      highlighted = true;
    }
    if (!positive) {
      match.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    BooleanQuery.Builder rescore = subject;
    if (nearFolded.size() >= 2) {
      addProximity(rescore, nearExact, nearFolded);
    }
    BooleanQuery rescoring = rescore.build();
    return new ClerkQuery(
        match.build(),
        rescoring.clauses().isEmpty() ? null : rescoring,
        highlighted ? highlight.build() : null);
  }

  /**
   * Words adjacent in the query order score far above words merely near each other; exact adjacency
   * above folded adjacency; in the subject above elsewhere. Typed without diacritics, exact and
   * folded adjacency in {@link Fields#ALL} are the same phrase: its positions are read once, for
   * both constant scores.
   */
  private static void addProximity(
      BooleanQuery.Builder near, List<String> exact, List<String> folded) {
    List<String> exactTerms = new ArrayList<>(exact.size());
    for (int i = 0; i < exact.size(); i++) {
      exactTerms.add(Analysis.allTerm(exact.get(i), folded.get(i)));
    }
    boolean accented = !exactTerms.equals(folded);
    if (accented) {
      should(near, phrase(Fields.ALL, exactTerms, 0), 8f);
    }
    should(near, phrase(Fields.SUBJECT_EXACT, exact, 0), 8f * SUBJECT_BOOST);
    should(near, phrase(Fields.ALL, folded, 0), accented ? 4f : 8f + 4f);
    should(near, phrase(Fields.SUBJECT_FOLDED, folded, 0), 4f * SUBJECT_BOOST);
    should(near, phrase(Fields.ALL, folded, PROXIMITY_SLOP), 2f);
    should(near, phrase(Fields.SUBJECT_FOLDED, folded, PROXIMITY_SLOP), 2f * SUBJECT_BOOST);
  }

  private static Query phrase(String field, List<String> syllables, int slop) {
    return new PhraseQuery(slop, field, syllables.toArray(String[]::new));
  }

  /**
   * Its exact spelling scores above a folded match: in the first pass (every match) each accented
   * syllable spelled exactly adds its score; a phrase spelled exactly as a whole adds again in the
   * rescoring window, where reading positions is affordable.
   */
  private static void addExact(
      BooleanQuery.Builder match,
      BooleanQuery.Builder rescore,
      List<String> exact,
      List<String> folded) {
    List<String> exactTerms = new ArrayList<>(exact.size());
    BooleanQuery.Builder accented = new BooleanQuery.Builder();
    for (int i = 0; i < exact.size(); i++) {
      String term = Analysis.allTerm(exact.get(i), folded.get(i));
      exactTerms.add(term);
      if (!term.equals(folded.get(i))) {
        accented.add(new TermQuery(new Term(Fields.ALL, term)), Occur.SHOULD);
      }
    }
    BooleanQuery bag = accented.build();
    if (bag.clauses().isEmpty()) {
      return;
    }
    match.add(
        new BoostQuery(
            bag.clauses().size() == 1 ? bag.clauses().get(0).getQuery() : bag, EXACT_BOOST),
        Occur.SHOULD);
    if (exactTerms.size() > 1) {
      rescore.add(new BoostQuery(phrase(Fields.ALL, exactTerms, 0), EXACT_BOOST), Occur.SHOULD);
    }
  }

  /** A word of the subject scores above one of the text (rescoring the best hits only). */
  private static void addSubject(
      BooleanQuery.Builder rescore, List<String> exact, List<String> folded) {
    rescore.add(new BoostQuery(words(Fields.SUBJECT_FOLDED, folded), SUBJECT_BOOST), Occur.SHOULD);
    if (!exact.equals(folded)) {
      rescore.add(
          new BoostQuery(words(Fields.SUBJECT_EXACT, exact), EXACT_BOOST * SUBJECT_BOOST),
          Occur.SHOULD);
    }
  }

  /** The record's own number first, then records citing it, then its words as a phrase. */
  private static Query docNumber(String text, List<String> folded) {
    String canonical = VietnameseText.docNumber(text);
    return new BooleanQuery.Builder()
        .add(constant(new Term(Fields.OWN_DOC_NUMBER, canonical), OWN_NUMBER_BOOST), Occur.SHOULD)
        .add(constant(new Term(Fields.DOC_NUMBER, canonical), CITED_NUMBER_BOOST), Occur.SHOULD)
        .add(all(folded), Occur.SHOULD)
        .build();
  }

  /**
   * A constant score when it matches: with common words BM25 gives an adjacent pair almost no
   * weight, yet adjacency is what the clerk asked for.
   */
  private static void should(BooleanQuery.Builder match, Query query, float boost) {
    match.add(new BoostQuery(new ConstantScoreQuery(query), boost), Occur.SHOULD);
  }

  /**
   * The folded syllables in {@link Fields#ALL}: a word is its term, two syllables their pair term,
   * three their triple term (each the same matches as the phrase of syllables), longer phrases a
   * phrase of triple terms: the same matches as the phrase of syllables, but triples are far rarer
   * than single syllables or pairs, so far fewer documents and positions are read. Only enough
   * triples to cover every syllable are used ({@link #coveringTriples}).
   */
  static Query all(List<String> folded) {
    int n = folded.size();
    if (n == 1) {
      return new TermQuery(new Term(Fields.ALL, folded.get(0)));
    }
    if (n == 2) {
      return new TermQuery(pair(folded.get(0), folded.get(1)));
    }
    if (n == 3) {
      return new TermQuery(triple(folded, 2));
    }
    PhraseQuery.Builder triples = new PhraseQuery.Builder();
    for (int i : coveringTriples(n)) {
      triples.add(triple(folded, i), i);
    }
    return triples.build();
  }

  /**
   * The triples (by the index of their last syllable) that cover all {@code n} syllables of a
   * phrase: 2, 5, 8, … and {@code n - 1} when that is not among them, about a third of its {@code n
   * - 2} triples. Enough, because a triple is indexed only for three consecutive syllables of one
   * value, at the last one's position, and values are {@link Analysis#all() far apart}: triples at
   * positions {@code p} and {@code p + 3} hold six consecutive syllables of one value, the ones
   * between them as adjacent as surely as if their own triples had been read.
   */
  static int[] coveringTriples(int n) {
    if (n < 3) {
      throw new IllegalArgumentException("a phrase of triples has three syllables or more");
    }
    int steps = (n - 3) / 3 + 1;
    boolean tail = 3 * (steps - 1) + 2 != n - 1;
    int[] out = new int[steps + (tail ? 1 : 0)];
    for (int k = 0; k < steps; k++) {
      out[k] = 3 * k + 2;
    }
    if (tail) {
      out[steps] = n - 1;
    }
    return out;
  }

  private static Term triple(List<String> folded, int last) {
    return new Term(
        Fields.ALL,
        Analysis.tripleTerm(folded.get(last - 2), folded.get(last - 1), folded.get(last)));
  }

  private static Term pair(String first, String second) {
    return new Term(Fields.ALL, Analysis.pairTerm(first, second));
  }

  private static Query constant(Term term, float boost) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(term)), boost);
  }

  private static Query words(String field, List<String> syllables) {
    if (syllables.size() == 1) {
      return new TermQuery(new Term(field, syllables.get(0)));
    }
    return phrase(field, syllables, 0);
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
