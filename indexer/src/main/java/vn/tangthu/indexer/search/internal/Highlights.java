package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Snippets of the original subject and text around the matched (folded) words, HTML-escaped, with
 * matches in {@code <mark>…</mark>}. Offsets come from the folded fields' postings, which point
 * into the stored original, so a query without diacritics highlights the accented original. Hits
 * are highlighted a few at a time in parallel through the searcher's task executor.
 *
 * <p>The offsets of the query's words and exact phrases are read from the postings by {@link
 * WordOffsets}, which looks each term up once per segment and field and reuses its postings enum
 * for the segment's hits (Lucene's highlighter asks a weight for each hit's matches: a
 * terms-dictionary lookup and a new postings enum per term, hit and field, a quarter of a search's
 * allocations). So that the enums serve as many hits as they can, all the hits of a segment are
 * highlighted by the same task.
 */
public final class Highlights {

  /** Matches beyond this many characters of a text are not looked for. */
  static final int MAX_LENGTH = 1_000_000;

  static final int MAX_SNIPPETS = 3;

  /** Snippets are cut at spaces to about this length (sentence breaking is far too slow). */
  static final int SNIPPET_CHARS = 200;

  /** Hits highlighted by one task of the searcher's executor. */
  private static final int HITS_PER_TASK = 5;

  private static final String SEPARATOR = "\u0000";
  private static final String[] FIELDS = {Fields.SUBJECT_FOLDED, Fields.TEXT_FOLDED};

  private Highlights() {}

  /** Up to 3 snippets per hit, in the order of {@code hits}. */
  public static List<List<String>> of(
      IndexSearcher searcher, Analyzer analyzer, Query highlight, ScoreDoc[] hits)
      throws IOException {
    List<List<String>> out = new ArrayList<>(hits.length);
    if (highlight == null || hits.length == 0) {
      for (int i = 0; i < hits.length; i++) {
        out.add(List.of());
      }
      return out;
    }
    String[] subjects = new String[hits.length];
    String[] texts = new String[hits.length];
    UnifiedHighlighter highlighter = highlighter(searcher, analyzer, highlight);
    List<Callable<Void>> chunks = new ArrayList<>();
    for (int[] task : tasks(searcher, hits)) {
      chunks.add(
          () -> {
            highlight(highlighter, highlight, hits, task, subjects, texts);
            return null;
          });
    }
    searcher.getTaskExecutor().invokeAll(chunks);
    for (int i = 0; i < hits.length; i++) {
      List<String> snippets = new ArrayList<>(MAX_SNIPPETS);
      addSnippets(snippets, subjects[i]);
      addSnippets(snippets, texts[i]);
      out.add(snippets.size() > MAX_SNIPPETS ? snippets.subList(0, MAX_SNIPPETS) : snippets);
    }
    return out;
  }

  /**
   * The hits' indexes in tasks of about {@link #HITS_PER_TASK}, all the hits of a segment in the
   * same task.
   */
  private static List<int[]> tasks(IndexSearcher searcher, ScoreDoc[] hits) {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Map<Integer, List<Integer>> byLeaf = new TreeMap<>();
    for (int i = 0; i < hits.length; i++) {
      byLeaf
          .computeIfAbsent(ReaderUtil.subIndex(hits[i].doc, leaves), k -> new ArrayList<>())
          .add(i);
    }
    List<int[]> tasks = new ArrayList<>();
    List<Integer> task = new ArrayList<>();
    for (List<Integer> ofLeaf : byLeaf.values()) {
      task.addAll(ofLeaf);
      if (task.size() >= HITS_PER_TASK) {
        tasks.add(task.stream().mapToInt(Integer::intValue).toArray());
        task = new ArrayList<>();
      }
    }
    if (!task.isEmpty()) {
      tasks.add(task.stream().mapToInt(Integer::intValue).toArray());
    }
    return tasks;
  }

  /** The search's highlighter, shared by its tasks (Lucene's highlighter is thread-safe). */
  private static UnifiedHighlighter highlighter(
      IndexSearcher searcher, Analyzer analyzer, Query highlight) {
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new SnippetFormatter())
            .withMaxLength(MAX_LENGTH)
            .withMaxNoHighlightPassages(0)
            .withHighlightPhrasesStrictly(true)
            .withScorer(new CheapScorer())
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        new CustomSeparatorBreakIterator(' '), SNIPPET_CHARS, 0.5f));
    return new WordsHighlighter(builder, words(highlight));
  }

  /** Highlights the hits at the indexes {@code task} into the same positions of the outputs. */
  private static void highlight(
      UnifiedHighlighter highlighter,
      Query highlight,
      ScoreDoc[] hits,
      int[] task,
      String[] subjects,
      String[] texts)
      throws IOException {
    int[] docIds = new int[task.length];
    for (int j = 0; j < task.length; j++) {
      docIds[j] = hits[task[j]].doc;
    }
    Map<String, String[]> byField =
        highlighter.highlightFields(FIELDS, highlight, docIds, new int[] {1, MAX_SNIPPETS});
    for (int j = 0; j < task.length; j++) {
      subjects[task[j]] = byField.get(Fields.SUBJECT_FOLDED)[j];
      texts[task[j]] = byField.get(Fields.TEXT_FOLDED)[j];
    }
  }

  private static void addSnippets(List<String> snippets, String formatted) {
    if (formatted == null) {
      return;
    }
    for (String snippet : formatted.split(SEPARATOR)) {
      if (!snippet.isEmpty()) {
        snippets.add(snippet);
      }
    }
  }

  /**
   * The search's words and exact phrases per highlighted field, each as its terms in order.
   *
   * @throws IllegalArgumentException for a query other than terms and exact phrases (possibly in a
   *     boolean query)
   */
  static Map<String, List<BytesRef[]>> words(Query highlight) {
    Map<String, Set<List<BytesRef>>> byField = new HashMap<>();
    highlight.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            if (query instanceof PhraseQuery phrase && !exact(phrase)) {
              throw new IllegalArgumentException("not an exact phrase: " + query);
            }
            byField
                .computeIfAbsent(terms[0].field(), f -> new LinkedHashSet<>())
                .add(Arrays.stream(terms).map(Term::bytes).toList());
          }

          @Override
          public void visitLeaf(Query query) {
            throw new IllegalArgumentException("only words and phrases are highlighted: " + query);
          }
        });
    Map<String, List<BytesRef[]>> out = new HashMap<>();
    byField.forEach(
        (field, words) ->
            out.put(field, words.stream().map(w -> w.toArray(BytesRef[]::new)).toList()));
    return out;
  }

  private static boolean exact(PhraseQuery phrase) {
    int[] positions = phrase.getPositions();
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] != positions[0] + i) {
        return false;
      }
    }
    return phrase.getSlop() == 0;
  }

  /** A unified highlighter whose postings offsets come from {@link WordOffsets}. */
  private static final class WordsHighlighter extends UnifiedHighlighter {
    private final Map<String, List<BytesRef[]>> words;

    WordsHighlighter(Builder builder, Map<String, List<BytesRef[]>> words) {
      super(builder);
      this.words = words;
    }

    /**
     * The highlighted fields are indexed with offsets ({@link DocumentMapper}): no need to merge
     * every segment's field infos to find out, once per search.
     */
    @Override
    protected OffsetSource getOffsetSource(String field) {
      return Fields.SUBJECT_FOLDED.equals(field) || Fields.TEXT_FOLDED.equals(field)
          ? OffsetSource.POSTINGS
          : super.getOffsetSource(field);
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      return source == OffsetSource.POSTINGS
          ? new WordsStrategy(components, words.getOrDefault(components.getField(), List.of()))
          : super.getOffsetStrategy(source, components);
    }
  }

  /**
   * Offsets of one field's words, a {@link WordOffsets} per segment. The highlighter creates a
   * strategy per field and call, so each task has its own, confined to its thread.
   */
  private static final class WordsStrategy extends FieldOffsetStrategy {
    private final List<BytesRef[]> words;
    private final Map<LeafReader, WordOffsets> segments = new IdentityHashMap<>();

    WordsStrategy(UHComponents components, List<BytesRef[]> words) {
      super(components);
      this.words = words;
    }

    @Override
    public UnifiedHighlighter.OffsetSource getOffsetSource() {
      return UnifiedHighlighter.OffsetSource.POSTINGS;
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content)
        throws IOException {
      if (words.isEmpty()) {
        return OffsetsEnum.EMPTY;
      }
      WordOffsets segment = segments.get(reader);
      if (segment == null) {
        segment = WordOffsets.of(reader, getField(), words);
        segments.put(reader, segment);
      }
      List<OffsetsEnum> found = new ArrayList<>();
      segment.addTo(docId, found);
      return switch (found.size()) {
        case 0 -> OffsetsEnum.EMPTY;
        case 1 -> found.get(0);
        default -> new OffsetsEnum.MultiOffsetsEnum(found);
      };
    }
  }

  /**
   * Ranks passages by distinct matched terms, then matches, slightly preferring early passages.
   * (Lucene's scorer allocates a hash per candidate passage, which dominates on long texts.)
   */
  private static final class CheapScorer extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
      int matches = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      int distinct = 0;
      for (int i = 0; i < matches; i++) {
        boolean seen = false;
        for (int j = 0; j < i && !seen; j++) {
          seen = terms[j].bytesEquals(terms[i]);
        }
        if (!seen) {
          distinct++;
        }
      }
      return (distinct * 4f + Math.min(matches, 20)) * norm(passage.getStartOffset());
    }
  }

  /** Escaped passages separated by NUL (which is removed from the text itself). */
  private static final class SnippetFormatter extends PassageFormatter {

    @Override
    public String format(Passage[] passages, String content) {
      StringBuilder out = new StringBuilder();
      for (Passage passage : passages) {
        StringBuilder sb = new StringBuilder();
        int pos = passage.getStartOffset();
        for (int i = 0; i < passage.getNumMatches(); i++) {
          int start = Math.max(pos, passage.getMatchStarts()[i]);
          int end = passage.getMatchEnds()[i];
          if (start > pos) {
            escape(sb, content, pos, start);
          }
          if (end > pos) {
            sb.append("<mark>");
            escape(sb, content, start, end);
            sb.append("</mark>");
            pos = end;
          }
        }
        escape(sb, content, pos, Math.max(pos, passage.getEndOffset()));
        String snippet = sb.toString().strip();
        if (!snippet.isEmpty()) {
          out.append(snippet).append(SEPARATOR);
        }
      }
      return out.toString();
    }

    /** Appends the content escaped, each run of ASCII whitespace as one space. */
    private static void escape(StringBuilder sb, String content, int start, int end) {
      for (int i = start; i < end; i++) {
        char c = content.charAt(i);
        switch (c) {
          case ' ', '\t', '\n', '\u000B', '\f', '\r' -> {
            if (sb.isEmpty() || sb.charAt(sb.length() - 1) != ' ') {
              sb.append(' ');
            }
          }
          case '&' -> sb.append("&amp;");
          case '<' -> sb.append("&lt;");
          case '>' -> sb.append("&gt;");
          case '"' -> sb.append("&quot;");
          case '\'' -> sb.append("&#x27;");
          case '\u0000' -> {}
          default -> sb.append(c);
        }
      }
    }
  }
}
