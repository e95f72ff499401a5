package vn.tangthu.indexer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HitsQuery#confine}: the rescoring query confined to a window gives the window's documents
 * exactly the scores the whole query gives them, and matches nothing else, in every segment.
 */
class HitsQueryTest {
  private static final String[] SYLLABLES = {"quy", "định", "cơ", "quan", "số", "tại"};
  private static final int DOCS = 400;

  private static Directory directory;
  private static DirectoryReader reader;

  @BeforeAll
  static void index() throws IOException {
    directory = new ByteBuffersDirectory();
    Random random = new Random(7);
    IndexWriterConfig config =
        new IndexWriterConfig(Analysis.perField()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int d = 0; d < DOCS; d++) {
        Document doc = new Document();
        String subject = words(random, 1 + random.nextInt(4));
        String text = words(random, 3 + random.nextInt(30));
        doc.add(new TextField(Fields.SUBJECT_EXACT, subject, Field.Store.NO));
        doc.add(new TextField(Fields.SUBJECT_FOLDED, subject, Field.Store.NO));
        doc.add(new TextField(Fields.ALL, subject, Field.Store.NO));
        doc.add(new TextField(Fields.ALL, text, Field.Store.NO));
        writer.addDocument(doc);
        if (d % 97 == 96) {
          writer.commit();
        }
      }
    }
    reader = DirectoryReader.open(directory);
    assertThat(reader.leaves()).hasSizeGreaterThan(3);
  }

  private static String words(Random random, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]).append(' ');
    }
    return sb.toString();
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"quy định", "quy dinh tai", "cơ quan số", "\"quy định\" tại"})
  void windowDocumentsKeepTheirScoresAndNoOtherMatches(String q) throws IOException {
    Query proximity = ClerkQuery.parse(q).proximity();
    IndexSearcher searcher = new IndexSearcher(reader);
    Map<Integer, Float> whole = scores(searcher, proximity);
    assertThat(whole).as("the query matches some documents").hasSizeGreaterThan(20);
    Random random = new Random(q.hashCode());
    for (int round = 0; round < 20; round++) {
      int[] window =
          IntStream.generate(() -> random.nextInt(DOCS)).limit(1 + random.nextInt(60)).toArray();
      Map<Integer, Float> expected = new HashMap<>();
      for (int doc : window) {
        if (whole.containsKey(doc)) {
          expected.put(doc, whole.get(doc));
        }
      }
      assertThat(scores(searcher, new HitsQuery(window).confine(proximity)))
          .as("window of %d", window.length)
          .isEqualTo(expected);
    }
  }

  @Test
  void repeatedWindowDocumentsMatchOnceEach() throws IOException {
    Query proximity = ClerkQuery.parse("quy định").proximity();
    IndexSearcher searcher = new IndexSearcher(reader);
    Map<Integer, Float> whole = scores(searcher, proximity);
    int[] twice =
        IntStream.range(0, 2 * DOCS).map(i -> i < DOCS ? DOCS - 1 - i : i - DOCS).toArray();

    ScoreDoc[] hits = searcher.search(new HitsQuery(twice).confine(proximity), 2 * DOCS).scoreDocs;

    assertThat(Arrays.stream(hits).mapToInt(h -> h.doc).toArray())
        .doesNotHaveDuplicates()
        .hasSize(whole.size());
  }

  private static Map<Integer, Float> scores(IndexSearcher searcher, Query query)
      throws IOException {
    Map<Integer, Float> out = new HashMap<>();
    for (ScoreDoc hit : searcher.search(query, DOCS).scoreDocs) {
      out.put(hit.doc, hit.score);
    }
    return out;
  }
}
