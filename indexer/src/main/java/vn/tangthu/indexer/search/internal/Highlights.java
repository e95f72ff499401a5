package vn.tangthu.indexer.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Snippets of the original subject and text around the matched (folded) words, HTML-escaped, with
 * matches in {@code <mark>…</mark>}. Offsets come from the folded fields' postings, which point
 * into the stored original, so a query without diacritics highlights the accented original. Hits
 * are highlighted a few at a time in parallel through the searcher's task executor.
 *
 * <p>The matches come from one weight of the highlight query per search, shared by every hit, field
 * and task (Lucene's highlighter would rewrite the query and create a weight, with a
 * terms-dictionary lookup per term, for each hit and field). A non-scoring weight looks its terms
 * up lazily per segment, into state it does not guard, so all the hits of a segment are highlighted
 * by the same task.
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
      IndexSearcher searcher, Analyzer analyzer, Query highlight) throws IOException {
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
    Weight matcher =
        searcher.createWeight(searcher.rewrite(highlight), ScoreMode.COMPLETE_NO_SCORES, 1f);
    return new SharedWeightHighlighter(builder, searcher, matcher);
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

  /** A unified highlighter whose postings offsets come from {@link SharedWeightOffsets}. */
  private static final class SharedWeightHighlighter extends UnifiedHighlighter {
    private final List<LeafReaderContext> leaves;
    private final Weight matcher;

    SharedWeightHighlighter(Builder builder, IndexSearcher searcher, Weight matcher) {
      super(builder);
      this.leaves = searcher.getIndexReader().leaves();
      this.matcher = matcher;
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
          ? new SharedWeightOffsets(components, leaves, matcher)
          : super.getOffsetStrategy(source, components);
    }
  }

  /**
   * Offsets from the postings through the shared weight's matches: what Lucene's own strategy finds
   * (it remaps no field here: the highlighted fields are the query's own), without a weight per
   * document.
   */
  private static final class SharedWeightOffsets extends PostingsOffsetStrategy {
    private final List<LeafReaderContext> leaves;
    private final Weight matcher;

    SharedWeightOffsets(UHComponents components, List<LeafReaderContext> leaves, Weight matcher) {
      super(components);
      this.leaves = leaves;
      this.matcher = matcher;
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(
        LeafReader reader, int doc, List<OffsetsEnum> results) throws IOException {
      LeafReaderContext leaf = contextOf(reader);
      if (leaf == null) {
        super.createOffsetsEnumsWeightMatcher(reader, doc, results);
        return;
      }
      Matches matches = matcher.matches(leaf, doc);
      if (matches == null) {
        return;
      }
      for (String field : matches) {
        if (components.getFieldMatcher().test(field)) {
          MatchesIterator iterator = matches.getMatches(field);
          if (iterator != null) {
            results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
          }
        }
      }
    }

    /** The searcher's context of a segment reader; null for another reader. */
    private LeafReaderContext contextOf(LeafReader reader) {
      for (LeafReaderContext leaf : leaves) {
        if (leaf.reader() == reader) {
          return leaf;
        }
      }
      return null;
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
