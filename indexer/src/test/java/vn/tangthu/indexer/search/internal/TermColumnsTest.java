package vn.tangthu.indexer.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class TermColumnsTest {

  private static final String COMMON = "common";

  /**
   * One segment of {@code docs} documents: all hold "common" (document d d+1 times), d%10==0
   * "rare".
   */
  private static Directory segment(int docs) throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int d = 0; d < docs; d++) {
        Document doc = new Document();
        String text = (COMMON + " ").repeat(d + 1) + (d % 10 == 0 ? "rare" : "other");
        doc.add(new TextField(Fields.ALL, text, Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
    return dir;
  }

  @Test
  void columnHoldsEachDocumentsFrequencyAndBitsCappedAt255() throws IOException {
    try (Directory dir = segment(300);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      LeafReader leaf = reader.leaves().get(0).reader();
      TermColumns.Column c = new TermColumns(1 << 20, 0.5).of(leaf, new Term(Fields.ALL, COMMON));
      assertThat(c.freq(0)).isEqualTo(1);
      assertThat(c.freq(99)).isEqualTo(100);
      assertThat(c.freq(299)).isEqualTo(255);
      TermColumns.Column rare = new TermColumns(0, 0).of(leaf, new Term(Fields.ALL, "rare"));
      assertThat(rare.bits()[0])
          .isEqualTo(1L | 1L << 10 | 1L << 20 | 1L << 30 | 1L << 40 | 1L << 50 | 1L << 60);
      assertThat(rare.freq(1)).isZero();
      assertThat(rare.freq(10)).isEqualTo(1);
      assertThat(rare.freq(299)).as("absent last document").isZero();
      assertThat(rare.freqs()).as("one per holding document, then a 0").hasSize(31);
      assertThat(new TermColumns(0, 0).of(leaf, new Term(Fields.ALL, "absent"))).isNull();
    }
  }

  @Test
  void everyDocumentReadsItsOwnFrequencyAcrossWords() throws IOException {
    try (Directory dir = segment(1000);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      LeafReader leaf = reader.leaves().get(0).reader();
      TermColumns columns = new TermColumns(0, 0);
      TermColumns.Column common = columns.of(leaf, new Term(Fields.ALL, COMMON));
      TermColumns.Column rare = columns.of(leaf, new Term(Fields.ALL, "rare"));
      TermColumns.Column other = columns.of(leaf, new Term(Fields.ALL, "other"));
      for (int d = 0; d < 1000; d++) {
        assertThat(common.freq(d)).as("common in %d", d).isEqualTo(Math.min(255, d + 1));
        assertThat(rare.freq(d)).as("rare in %d", d).isEqualTo(d % 10 == 0 ? 1 : 0);
        assertThat(other.freq(d)).as("other in %d", d).isEqualTo(d % 10 == 0 ? 0 : 1);
      }
    }
  }

  @Test
  void keepsOnlyCommonTermsWithinTheBudgetAndForgetsClosedSegments() throws IOException {
    try (Directory dir = segment(1000)) {
      long columnBytes = 1000 + 1 + 8L * 16 + 4L * 16;
      TermColumns columns = new TermColumns(columnBytes, 0.5);
      DirectoryReader reader = DirectoryReader.open(dir);
      LeafReader leaf = reader.leaves().get(0).reader();
      TermColumns.Column first = columns.of(leaf, new Term(Fields.ALL, COMMON));
      assertThat(columns.of(leaf, new Term(Fields.ALL, COMMON))).isSameAs(first);
      assertThat(columns.usedBytes()).isEqualTo(columnBytes);
      columns.of(leaf, new Term(Fields.ALL, "rare"));
      assertThat(columns.usedBytes()).as("rare term not kept").isEqualTo(columnBytes);
      columns.of(leaf, new Term(Fields.ALL, "other"));
      assertThat(columns.usedBytes())
          .as("evicts the eldest to stay within budget")
          .isEqualTo(900 + 1 + 8L * 16 + 4L * 16);
      assertThat(columns.of(leaf, new Term(Fields.ALL, COMMON))).isNotSameAs(first);
      reader.close();
      assertThat(columns.usedBytes()).isZero();
    }
  }

  @Test
  void scoringReadsRareTermsFromTheirPostingsAndCommonOnesFromTheCachedColumn() throws IOException {
    try (Directory dir = segment(300);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      LeafReader leaf = reader.leaves().get(0).reader();
      TermColumns columns = new TermColumns(1 << 20, 0.5);
      TermColumns.Frequencies rare = columns.scoring(leaf, new Term(Fields.ALL, "rare"));
      assertThat(rare).isInstanceOf(TermColumns.Postings.class);
      TermColumns.Postings postings = (TermColumns.Postings) rare;
      assertThat(postings.docs())
          .hasSize(31)
          .startsWith(0, 10, 20)
          .endsWith(290, Integer.MAX_VALUE);
      assertThat(postings.freqs()).hasSize(30).containsOnly((byte) 1);
      assertThat(columns.usedBytes()).as("postings are not cached").isZero();
      TermColumns.Frequencies common = columns.scoring(leaf, new Term(Fields.ALL, COMMON));
      assertThat(common).isInstanceOf(TermColumns.Column.class);
      assertThat(columns.of(leaf, new Term(Fields.ALL, COMMON))).isSameAs(common);
      assertThat(columns.scoring(leaf, new Term(Fields.ALL, "absent"))).isNull();
    }
  }
}
