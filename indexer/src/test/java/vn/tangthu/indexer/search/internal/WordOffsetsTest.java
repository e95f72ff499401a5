package vn.tangthu.indexer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link WordOffsets} against the matches Lucene's own term and phrase weights report. */
class WordOffsetsTest {
  private static final String FIELD = "f";
  private static final String[] SYLLABLES = {"quy", "dinh", "co", "quan", "so"};
  private static final int DOCS = 300;

  private static Directory directory;
  private static DirectoryReader reader;

  @BeforeAll
  static void index() throws IOException {
    directory = new ByteBuffersDirectory();
    Random random = new Random(42);
    FieldType withOffsets = new FieldType();
    withOffsets.setTokenized(true);
    withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    withOffsets.freeze();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new Gapped()))) {
      for (int d = 0; d < DOCS; d++) {
        Document doc = new Document();
        int values = 1 + random.nextInt(3);
        for (int v = 0; v < values; v++) {
          doc.add(new Field(FIELD, text(random), withOffsets));
        }
        writer.addDocument(doc);
        if (d % 100 == 99) {
          writer.commit();
        }
      }
    }
    reader = DirectoryReader.open(directory);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  @Test
  void offsetsAreLucenesMatchesForWordsAndPhrasesInAnyOrderOfHits() throws IOException {
    List<BytesRef[]> words = words();
    IndexSearcher searcher = new IndexSearcher(reader);
    Random random = new Random(7);
    int compared = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      WordOffsets offsets = WordOffsets.of(leaf.reader(), FIELD, words);
      int[] docs = visitingOrder(leaf.reader().maxDoc(), random);
      for (int doc : docs) {
        List<OffsetsEnum> found = new ArrayList<>();
        offsets.addTo(doc, found);
        List<List<int[]>> expected = new ArrayList<>();
        for (BytesRef[] word : words) {
          List<int[]> matches = lucene(searcher, leaf, doc, word);
          if (!matches.isEmpty()) {
            expected.add(matches);
          }
        }
        assertThat(found.stream().map(WordOffsetsTest::drain).map(WordOffsetsTest::text))
            .as("doc %d of segment %d", doc, leaf.ord)
            .containsExactlyElementsOf(expected.stream().map(WordOffsetsTest::text).toList());
        compared += expected.size();
      }
    }
    assertThat(compared).isGreaterThan(DOCS);
  }

  @Test
  void phraseIsLabelledByItsTermsAndSpansFirstStartToLastEnd() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      FieldType type = new FieldType();
      type.setTokenized(true);
      type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new Gapped()))) {
        Document doc = new Document();
        doc.add(new Field(FIELD, "so quy dinh quy quy dinh", type));
        doc.add(new Field(FIELD, "quy", type));
        doc.add(new Field(FIELD, "dinh so", type));
        writer.addDocument(doc);
      }
      try (DirectoryReader small = DirectoryReader.open(dir)) {
        WordOffsets offsets =
            WordOffsets.of(
                small.leaves().get(0).reader(),
                FIELD,
                List.of(terms("quy", "dinh"), terms("absent"), terms("dinh")));
        List<OffsetsEnum> found = new ArrayList<>();
        offsets.addTo(0, found);
        assertThat(found).hasSize(2);
        assertThat(found.get(0).getTerm().utf8ToString()).isEqualTo("quy dinh");
        assertThat(text(drain(found.get(0)))).isEqualTo("3-11 16-24");
        assertThat(text(drain(found.get(1)))).isEqualTo("7-11 20-24 29-33");
      }
    }
  }

  @Test
  void wordsOfTheHighlightQueryAreItsTermsAndExactPhrasesPerField() {
    Query query =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term("a", "quy")), Occur.SHOULD)
            .add(new PhraseQuery("a", "quy", "dinh"), Occur.SHOULD)
            .add(new TermQuery(new Term("a", "quy")), Occur.SHOULD)
            .add(new TermQuery(new Term("b", "so")), Occur.SHOULD)
            .add(new TermQuery(new Term("b", "excluded")), Occur.MUST_NOT)
            .build();
    var words = Highlights.words(query);
    assertThat(words.keySet()).containsExactlyInAnyOrder("a", "b");
    assertThat(words.get("a"))
        .map(WordOffsetsTest::joined)
        .containsExactlyInAnyOrder("quy", "quy dinh");
    assertThat(words.get("b")).map(WordOffsetsTest::joined).containsExactly("so");
  }

  @Test
  void sloppyPhrasesAreNotHighlighted() {
    assertThatThrownBy(() -> Highlights.words(new PhraseQuery(1, "a", "quy", "dinh")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<int[]> lucene(
      IndexSearcher searcher, LeafReaderContext leaf, int doc, BytesRef[] word) throws IOException {
    Query query =
        word.length == 1 ? new TermQuery(new Term(FIELD, word[0])) : new PhraseQuery(FIELD, word);
    Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
    Matches matches = weight.matches(leaf, doc);
    List<int[]> out = new ArrayList<>();
    if (matches != null) {
      MatchesIterator it = matches.getMatches(FIELD);
      while (it != null && it.next()) {
        out.add(new int[] {it.startOffset(), it.endOffset()});
      }
    }
    return out;
  }

  private static List<int[]> drain(OffsetsEnum offsets) {
    List<int[]> out = new ArrayList<>();
    try {
      while (offsets.nextPosition()) {
        out.add(new int[] {offsets.startOffset(), offsets.endOffset()});
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  private static String text(List<int[]> offsets) {
    return String.join(" ", offsets.stream().map(o -> o[0] + "-" + o[1]).toList());
  }

  private static int[] visitingOrder(int maxDoc, Random random) {
    int[] docs = new int[maxDoc + maxDoc / 4];
    for (int i = 0; i < maxDoc; i++) {
      docs[i] = i;
    }
    for (int i = maxDoc; i < docs.length; i++) {
      docs[i] = random.nextInt(maxDoc);
    }
    return docs;
  }

  private static List<BytesRef[]> words() {
    List<BytesRef[]> words = new ArrayList<>();
    for (String a : SYLLABLES) {
      words.add(terms(a));
      for (String b : SYLLABLES) {
        words.add(terms(a, b));
      }
    }
    words.add(terms("quy", "dinh", "quy"));
    words.add(terms("co", "quan", "so", "dinh"));
    words.add(terms("missing", "quy"));
    return words;
  }

  private static BytesRef[] terms(String... terms) {
    return Arrays.stream(terms).map(BytesRef::new).toArray(BytesRef[]::new);
  }

  private static String joined(BytesRef[] terms) {
    return String.join(" ", Arrays.stream(terms).map(BytesRef::utf8ToString).toList());
  }

  private static String text(Random random) {
    int n = random.nextInt(30);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(SYLLABLES[random.nextInt(SYLLABLES.length)]).append(' ');
    }
    return text.toString();
  }

  /** Whitespace tokens; values of one field 100 positions apart, as in the archive's fields. */
  private static final class Gapped extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      return new TokenStreamComponents(new WhitespaceTokenizer());
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return 100;
    }
  }
}
