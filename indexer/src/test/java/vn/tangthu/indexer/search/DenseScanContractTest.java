package vn.tangthu.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tangthu.indexer.testing.Corpus;

/**
 * The term-at-a-time evaluation of common words ({@code DenseScan}) answers exactly what Lucene's
 * own query evaluation answers: two indexes of the same records (the legal corpus cut into
 * paragraphs, several segments, replaced and deleted records), one evaluating every eligible query
 * densely, the other never; same totals, facets and hits page after page (scores equal but for
 * rounding, so hits are compared up to ties) with the same snippets. The dense index spreads each
 * search over three threads, the other runs it on the calling thread alone. A third index, set up
 * as in production (only words in 5 % of the records are common), scans the common words densely
 * and reads its rarer optional terms from their postings; it answers the same too.
 */
class DenseScanContractTest {

  private static final int PAGES = 4;
  private static final int PAGE_SIZE = 15;
  private static final float EPSILON = 1e-4f;
  private static final Visibility CLERK =
      new Visibility(false, Set.of("UBND-BN", "SO-TP"), "clerk");

  @TempDir static Path dir;
  private static SearchIndex dense;
  private static SearchIndex plain;
  private static SearchIndex production;

  @BeforeAll
  static void indexParagraphs() throws IOException {
    dense = SearchIndex.open(dir.resolve("dense"), 10, 0.0, 3);
    plain = SearchIndex.open(dir.resolve("plain"), 10, 2.0, 1);
    production = SearchIndex.open(dir.resolve("production"), 10, 0.05, 2);
    List<IndexDocument> docs = paragraphs();
    for (int i = 0; i < docs.size(); i++) {
      for (SearchIndex index : List.of(dense, plain, production)) {
        index.upsert(docs.get(i));
        if (i % 7 == 3) {
          index.upsert(docs.get(i));
        }
        if (i % 13 == 5) {
          index.delete(docs.get(i - 1).id());
        }
        if (i % 400 == 399) {
          index.refresh();
        }
      }
    }
    dense.refresh();
    plain.refresh();
    production.refresh();
  }

  @AfterAll
  static void close() throws IOException {
    dense.close();
    plain.close();
    production.close();
  }

  private static List<IndexDocument> paragraphs() throws IOException {
    List<String> agencies = List.of("UBND-BN", "SO-TP", "SO-TC", "UBND-TS");
    List<String> types = List.of("Quyết định", "Công văn", "Báo cáo");
    List<String> levels = List.of("PUBLIC", "INTERNAL", "RESTRICTED");
    List<IndexDocument> out = new ArrayList<>();
    for (Path file : Corpus.viLegalFiles().subList(0, 20)) {
      String[] paragraphs = Files.readString(file, StandardCharsets.UTF_8).split("\n\\s*\n|\n");
      for (String p : paragraphs) {
        if (p.isBlank()) {
          continue;
        }
        int n = out.size();
        String agency = agencies.get(n % agencies.size());
        out.add(
            new IndexDocument(
                String.format("p%05d", n),
                agency,
                List.of(agency.startsWith("SO") ? "UBND-BN" : agency, agency),
                levels.get(n % levels.size()),
                n % 11 == 0 ? List.of("clerk") : List.of(),
                p.length() > 80 ? p.substring(0, 80) : p,
                types.get(n % types.size()),
                null,
                null,
                null,
                LocalDate.of(2000 + n % 25, 1 + n % 12, 1 + n % 28),
                null,
                null,
                null,
                null,
                p,
                null,
                null,
                "ACTIVE",
                null));
      }
    }
    return out;
  }

  static Stream<Arguments> searches() {
    List<String> queries =
        List.of(
            "quyet dinh",
            "quyết định",
            "luat",
            "co quan nha nuoc",
            "trách nhiệm của",
            "to chuc ca nhan",
            "\"quy định\"",
            "\"nhà nước\" quyen",
            "quy dinh -luat",
            "thực hiện -\"cơ quan\"",
            "hoà hợp",
            "\"ủy ban nhân dân\"",
            "\"theo quy định của pháp luật\" co quan",
            "\"quyền và nghĩa vụ\" -\"xử phạt\"",
            "\"cơ quan nhà nước có thẩm quyền\" -luat",
            "xyzzy khong",
            "va");
    List<Arguments> out = new ArrayList<>();
    for (String q : queries) {
      out.add(Arguments.of(q, null, null, null, Visibility.all()));
      out.add(Arguments.of(q, "UBND-BN", null, null, CLERK));
    }
    out.add(Arguments.of("quy dinh", "SO-TP", "Công văn", null, Visibility.all()));
    out.add(Arguments.of("co quan", null, null, LocalDate.of(2010, 1, 1), Visibility.all()));
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("searches")
  void denseEvaluationAnswersWhatLuceneAnswers(
      String q, String agency, String type, LocalDate from, Visibility who) throws IOException {
    assertSameAnswers(dense, q, agency, type, from, who);
  }

  @ParameterizedTest
  @MethodSource("searches")
  void productionSettingsAnswerWhatLuceneAnswers(
      String q, String agency, String type, LocalDate from, Visibility who) throws IOException {
    assertSameAnswers(production, q, agency, type, from, who);
  }

  private static void assertSameAnswers(
      SearchIndex dense, String q, String agency, String type, LocalDate from, Visibility who)
      throws IOException {
    String cursorDense = null;
    String cursorPlain = null;
    List<SearchHit> hitsDense = new ArrayList<>();
    List<SearchHit> hitsPlain = new ArrayList<>();
    for (int page = 0; page < PAGES; page++) {
      SearchResult a = dense.search(request(q, agency, type, from, cursorDense), who);
      SearchResult b = plain.search(request(q, agency, type, from, cursorPlain), who);
      assertThat(a.total()).as("total of %s", q).isEqualTo(b.total());
      assertThat(a.facets()).as("facets of %s", q).isEqualTo(b.facets());
      hitsDense.addAll(a.hits());
      hitsPlain.addAll(b.hits());
      assertThat(a.nextCursor() == null).isEqualTo(b.nextCursor() == null);
      if (a.nextCursor() == null) {
        break;
      }
      cursorDense = a.nextCursor();
      cursorPlain = b.nextCursor();
    }
    assertSameUpToTies(hitsDense, hitsPlain);
  }

  /** Same scores position by position; the same records but where neighbours tie. */
  private static void assertSameUpToTies(List<SearchHit> a, List<SearchHit> b) {
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).score()).isCloseTo(b.get(i).score(), within(EPSILON));
      boolean tied =
          (i > 0 && Math.abs(a.get(i).score() - a.get(i - 1).score()) < EPSILON)
              || (i + 1 < a.size() && Math.abs(a.get(i).score() - a.get(i + 1).score()) < EPSILON);
      if (!tied) {
        assertThat(a.get(i).id()).as("hit %d", i).isEqualTo(b.get(i).id());
      }
    }
    assertThat(a.stream().map(SearchHit::id).distinct().count()).isEqualTo(a.size());
    Map<String, SearchHit> byId = new HashMap<>();
    b.forEach(hit -> byId.put(hit.id(), hit));
    for (SearchHit hit : a) {
      if (byId.containsKey(hit.id())) {
        assertThat(hit.highlights())
            .as("snippets of %s", hit.id())
            .isEqualTo(byId.get(hit.id()).highlights());
      }
    }
  }

  private static SearchRequest request(
      String q, String agency, String type, LocalDate from, String cursor) {
    return new SearchRequest(
        q, agency, type, from, null, null, null, SearchRequest.Sort.RELEVANCE, PAGE_SIZE, cursor);
  }
}
