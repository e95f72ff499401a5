package vn.tangthu.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.tangthu.indexer.search.SearchRequest.Sort;

class SearchIndexTest {

  @TempDir Path dir;
  private SearchIndex index;

  @BeforeEach
  void open() throws IOException {
    index = SearchIndex.open(dir);
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  @Test
  void searchThreadsOutsideOneTo256AreRefused(@TempDir Path other) {
    for (int bad : new int[] {0, 257}) {
      assertThatThrownBy(() -> SearchIndex.open(other, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("searchThreads");
    }
  }

  private static IndexDocument doc(
      String id,
      String agency,
      List<String> path,
      String access,
      List<String> grantees,
      String subject,
      String type,
      String number,
      String notation,
      LocalDate issued,
      String text) {
    return new IndexDocument(
        id,
        agency,
        path,
        access,
        grantees,
        subject,
        type,
        number,
        notation,
        "Sở Tư pháp",
        issued,
        "DOC-" + id,
        null,
        null,
        null,
        text,
        "VALID",
        "ACTIVE",
        "ACTIVE",
        null);
  }

  private static IndexDocument simple(String id, String subject, String text) {
    return doc(
        id,
        "BN",
        List.of("BN"),
        "PUBLIC",
        List.of(),
        subject,
        "Văn bản",
        null,
        null,
        LocalDate.of(2020, 1, 1),
        text);
  }

  private SearchResult search(String q) throws IOException {
    return index.search(SearchRequest.of(q, 20), Visibility.all());
  }

  private List<String> ids(String q) throws IOException {
    return search(q).hits().stream().map(SearchHit::id).toList();
  }

  private static SearchRequest request(
      String q, String agency, String type, Sort sort, int size, String cursor) {
    return new SearchRequest(q, agency, type, null, null, null, null, sort, size, cursor);
  }

  @Test
  void allWordsMustMatchWithOrWithoutDiacritics() throws IOException {
    index.upsert(simple("1", "Quyết định về thủy lợi", "Ban hành quy chế quản lý công trình."));
    index.upsert(simple("2", "Kế hoạch", "Quyết định này có hiệu lực kể từ ngày ký."));
    index.upsert(simple("3", "Báo cáo", "Hòa giải ở cơ sở."));
    index.refresh();
    assertThat(ids("quyết định")).containsExactlyInAnyOrder("1", "2");
    assertThat(ids("quyet dinh")).containsExactlyInAnyOrder("1", "2");
    assertThat(ids("quyet dinh thuy loi")).containsExactly("1");
    assertThat(ids("thuỷ lợi")).containsExactly("1");
    assertThat(ids("hoà giải")).containsExactly("3");
    assertThat(ids("QUYẾT ĐỊNH hiệu lực")).containsExactly("2");
    assertThat(ids("quyết định không-có-từ-này")).isEmpty();
  }

  @Test
  void exactFormRanksAboveFoldedCollision() throws IOException {
    index.upsert(simple("ban", "Ban hành", "Ban chỉ đạo."));
    index.upsert(simple("bán", "Bán đấu giá", "Bán tài sản."));
    index.refresh();
    assertThat(ids("bán")).containsExactly("bán", "ban");
    assertThat(ids("ban")).containsExactlyInAnyOrder("ban", "bán");
  }

  @Test
  void closeWordsRankAboveScatteredWords() throws IOException {
    index.upsert(
        simple("far", "Văn bản", "nhân viên làm việc tại kho. Sau đó là dân số của tỉnh."));
    index.upsert(simple("near", "Văn bản", "Ủy ban nhân dân tỉnh ra thông báo."));
    index.refresh();
    assertThat(ids("nhân dân")).containsExactly("near", "far");
    assertThat(ids("nhan dan")).containsExactly("near", "far");
  }

  @Test
  void phrasesAndExclusions() throws IOException {
    index.upsert(simple("1", "A", "hội đồng nhân dân tỉnh"));
    index.upsert(simple("2", "B", "nhân dân hội đồng"));
    index.refresh();
    assertThat(ids("\"hội đồng nhân dân\"")).containsExactly("1");
    assertThat(ids("\"hoi dong nhan dan\"")).containsExactly("1");
    assertThat(ids("hội đồng -tỉnh")).containsExactly("2");
    assertThat(ids("hội đồng -\"đồng nhân\"")).containsExactly("2");
    assertThat(ids("-tinh")).containsExactly("2");
  }

  @Test
  void longPhrasesMatchOnlyConsecutiveSyllablesOfOneValue() throws IOException {
    index.upsert(simple("whole", "Thông báo", "Ủy ban nhân dân tỉnh Bắc Ninh quyết định"));
    index.upsert(simple("split", "Ủy ban nhân", "dân tỉnh Bắc Ninh"));
    index.upsert(
        simple(
            "gap",
            "Thông báo",
            "ủy ban nhân và dân tỉnh; ban nhân hòa dân tỉnh; ủy ban hòa dân tỉnh"));
    index.upsert(simple("shuffled", "Thông báo", "nhân dân ủy ban tỉnh, tỉnh dân nhân ban"));
    index.refresh();
    assertThat(ids("\"ủy ban nhân dân tỉnh\"")).containsExactly("whole");
    assertThat(ids("\"uy ban nhan dan tinh\"")).containsExactly("whole");
    assertThat(ids("\"ban nhân dân tỉnh\"")).containsExactly("whole");
    assertThat(ids("\"nhân dân tỉnh\"")).containsExactly("whole");
    assertThat(ids("\"ban nhân dân\"")).containsExactly("whole");
    assertThat(ids("\"ủy ban nhân dân\"")).containsExactly("whole");
    assertThat(ids("\"nhân dân tỉnh Bắc Ninh quyết\"")).containsExactly("whole");
    assertThat(ids("tỉnh -\"ủy ban nhân dân tỉnh\""))
        .containsExactlyInAnyOrder("split", "gap", "shuffled");
  }

  @Test
  void documentNumbersMatchInAnySpelling() throws IOException {
    index.upsert(
        doc(
            "qd",
            "BN",
            null,
            "PUBLIC",
            null,
            "Về việc phê duyệt",
            "Quyết định",
            "123",
            "QĐ-UBND",
            LocalDate.of(2021, 3, 4),
            "Nội dung."));
    index.upsert(
        simple(
            "cites",
            "Thông báo",
            "Thực hiện Nghị định 15/2020/NĐ-CP và Quyết định số 123/QĐ-UBND."));
    index.upsert(simple("other", "Thông báo", "Quyết định số 124/QĐ-UBND."));
    index.refresh();
    for (String q : List.of("123/QĐ-UBND", "123/qd-ubnd", "123/QD-UBND", "0123/qđ-ubnd")) {
      assertThat(ids(q)).as(q).startsWith("qd").containsExactlyInAnyOrder("qd", "cites");
    }
    assertThat(ids("15/2020/nd-cp")).containsExactly("cites");
  }

  @Test
  void emptyQueryListsEverythingMatchingTheFilters() throws IOException {
    index.upsert(
        doc(
            "a",
            "SO-TP",
            List.of("BN", "SO-TP"),
            "PUBLIC",
            null,
            "A",
            "Công văn",
            null,
            null,
            LocalDate.of(2019, 5, 1),
            "x"));
    index.upsert(
        doc(
            "b",
            "PHONG-1",
            List.of("BN", "SO-TP", "PHONG-1"),
            "PUBLIC",
            null,
            "B",
            "Quyết định",
            null,
            null,
            LocalDate.of(2020, 5, 1),
            "x"));
    index.upsert(
        doc(
            "c",
            "SO-YT",
            List.of("BN", "SO-YT"),
            "PUBLIC",
            null,
            "C",
            "Quyết định",
            null,
            null,
            LocalDate.of(2021, 5, 1),
            "x"));
    index.refresh();
    assertThat(ids("")).containsExactlyInAnyOrder("a", "b", "c");
    SearchResult byAgency =
        index.search(request("", "SO-TP", null, Sort.RELEVANCE, 20, null), Visibility.all());
    assertThat(byAgency.hits()).extracting(SearchHit::id).containsExactlyInAnyOrder("a", "b");
    SearchResult byType =
        index.search(request("", null, "Quyết định", Sort.RELEVANCE, 20, null), Visibility.all());
    assertThat(byType.hits()).extracting(SearchHit::id).containsExactlyInAnyOrder("b", "c");
    SearchResult byDate =
        index.search(
            new SearchRequest(
                "",
                null,
                null,
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 12, 31),
                null,
                null,
                Sort.RELEVANCE,
                20,
                null),
            Visibility.all());
    assertThat(byDate.hits()).extracting(SearchHit::id).containsExactly("b");
    SearchResult byAccess =
        index.search(
            new SearchRequest(
                "", null, null, null, null, "public", "valid", Sort.RELEVANCE, 20, null),
            Visibility.all());
    assertThat(byAccess.total()).isEqualTo(3);
    assertThat(byType.facets().get("agencyCode")).isEqualTo(Map.of("PHONG-1", 1L, "SO-YT", 1L));
    assertThat(byType.facets().get("year")).isEqualTo(Map.of("2020", 1L, "2021", 1L));
    assertThat(byType.facets().get("typeName")).isEqualTo(Map.of("Quyết định", 2L));
  }

  @Test
  void hitsOfARecordWithoutOptionalFieldsCarryNulls() throws IOException {
    index.upsert(
        new IndexDocument(
            "bare",
            "BN",
            List.of("BN"),
            "PUBLIC",
            List.of(),
            "Tờ trình zzbare",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "",
            null,
            null,
            "ACTIVE",
            null));
    index.refresh();
    SearchHit hit = search("zzbare").hits().get(0);
    assertThat(hit.id()).isEqualTo("bare");
    assertThat(hit.subject()).isEqualTo("Tờ trình zzbare");
    assertThat(hit.typeName()).isNull();
    assertThat(hit.number()).isNull();
    assertThat(hit.notation()).isNull();
    assertThat(hit.issuer()).isNull();
    assertThat(hit.issuedDate()).isNull();
    assertThat(hit.agencyCode()).isEqualTo("BN");
  }

  @Test
  void hitsCarryTheRecordData() throws IOException {
    index.upsert(
        doc(
            "qd",
            "BN",
            null,
            "PUBLIC",
            null,
            "Về việc phê duyệt",
            "Quyết định",
            "123",
            "QĐ-UBND",
            LocalDate.of(2021, 3, 4),
            "Nội dung <b>phê duyệt</b> & chi tiết."));
    index.refresh();
    SearchHit hit = search("phe duyet").hits().get(0);
    assertThat(hit.id()).isEqualTo("qd");
    assertThat(hit.subject()).isEqualTo("Về việc phê duyệt");
    assertThat(hit.typeName()).isEqualTo("Quyết định");
    assertThat(hit.number()).isEqualTo("123");
    assertThat(hit.notation()).isEqualTo("QĐ-UBND");
    assertThat(hit.issuer()).isEqualTo("Sở Tư pháp");
    assertThat(hit.issuedDate()).isEqualTo(LocalDate.of(2021, 3, 4));
    assertThat(hit.agencyCode()).isEqualTo("BN");
    assertThat(hit.score()).isPositive();
    assertThat(hit.highlights())
        .containsExactly(
            "Về việc <mark>phê</mark> <mark>duyệt</mark>",
            "Nội dung &lt;b&gt;<mark>phê</mark> <mark>duyệt</mark>&lt;/b&gt; &amp; chi tiết.");
  }

  @Test
  void highlightsOfNfdTextPointAtTheOriginal() throws IOException {
    String nfd =
        java.text.Normalizer.normalize("Ủy ban nhân dân tỉnh", java.text.Normalizer.Form.NFD);
    index.upsert(simple("nfd", "x", nfd));
    index.refresh();
    assertThat(search("uy ban").hits().get(0).highlights())
        .containsExactly(
            "<mark>"
                + nfd.substring(0, nfd.indexOf(' '))
                + "</mark> <mark>ban</mark>"
                + nfd.substring(nfd.indexOf(' ', nfd.indexOf(' ') + 1)));
  }

  @Test
  void visibilityFiltersHitsTotalsAndFacets() throws IOException {
    List<String> province = List.of("BN");
    List<String> dept = List.of("BN", "SO-TP");
    index.upsert(
        doc(
            "pub",
            "SO-YT",
            List.of("BN", "SO-YT"),
            "PUBLIC",
            null,
            "quy chế",
            "A",
            null,
            null,
            LocalDate.of(2020, 1, 1),
            "quy chế"));
    index.upsert(
        doc(
            "int-tp",
            "SO-TP",
            dept,
            "INTERNAL",
            null,
            "quy chế",
            "B",
            null,
            null,
            LocalDate.of(2021, 1, 1),
            "quy chế"));
    index.upsert(
        doc(
            "int-bn",
            "BN",
            province,
            "INTERNAL",
            null,
            "quy chế",
            "B",
            null,
            null,
            LocalDate.of(2021, 1, 1),
            "quy chế"));
    index.upsert(
        doc(
            "res-tp",
            "SO-TP",
            dept,
            "RESTRICTED",
            List.of("lan"),
            "quy chế",
            "C",
            null,
            null,
            LocalDate.of(2022, 1, 1),
            "quy chế"));
    index.refresh();

    Visibility outsider = new Visibility(false, Set.of("SO-YT"), "minh");
    Visibility tpClerk = new Visibility(false, Set.of("SO-TP"), "hoa");
    Visibility provinceClerk = new Visibility(false, Set.of("BN"), "nam");
    Visibility grantee = new Visibility(false, Set.of("SO-YT"), "lan");

    assertVisible(outsider, "pub");
    assertVisible(tpClerk, "pub", "int-tp", "res-tp");
    assertVisible(provinceClerk, "pub", "int-tp", "int-bn");
    assertVisible(grantee, "pub", "res-tp");
    assertVisible(Visibility.all(), "pub", "int-tp", "int-bn", "res-tp");
  }

  private void assertVisible(Visibility visibility, String... expected) throws IOException {
    SearchResult result = index.search(SearchRequest.of("quy che", 20), visibility);
    assertThat(result.hits()).extracting(SearchHit::id).containsExactlyInAnyOrder(expected);
    assertThat(result.total()).isEqualTo(expected.length);
    long facetTotal = result.facets().get("agencyCode").values().stream().mapToLong(l -> l).sum();
    assertThat(facetTotal).isEqualTo(expected.length);
    assertThat(index.count(visibility)).isEqualTo(expected.length);
    SearchResult listing = index.search(SearchRequest.of("", 20), visibility);
    assertThat(listing.total()).isEqualTo(expected.length);
  }

  @ParameterizedTest
  @EnumSource(Sort.class)
  void cursorPagingHasNoDuplicatesOrGaps(Sort sort) throws IOException {
    for (int i = 0; i < 47; i++) {
      LocalDate issued = i % 5 == 0 ? null : LocalDate.of(2000 + i % 7, 1 + i % 12, 1);
      index.upsert(
          doc(
              String.format("r%02d", i),
              "BN",
              null,
              "PUBLIC",
              null,
              "Báo cáo số " + i,
              "Báo cáo",
              null,
              null,
              issued,
              "báo cáo tình hình " + "thực hiện ".repeat(i % 4)));
    }
    index.refresh();
    Set<String> seen = new HashSet<>();
    List<SearchHit> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      SearchResult page =
          index.search(request("bao cao", null, null, sort, 10, cursor), Visibility.all());
      assertThat(page.total()).isEqualTo(47);
      for (SearchHit hit : page.hits()) {
        assertThat(seen.add(hit.id())).as("duplicate %s", hit.id()).isTrue();
        all.add(hit);
      }
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null);
    assertThat(seen).hasSize(47);
    assertThat(pages).isEqualTo(5);
    if (sort == Sort.ISSUED_DATE_ASC) {
      List<LocalDate> dates =
          all.stream().map(SearchHit::issuedDate).filter(d -> d != null).toList();
      assertThat(dates).isSorted();
      assertThat(all.subList(all.size() - 10, all.size())).allMatch(h -> h.issuedDate() == null);
    }
    if (sort == Sort.RELEVANCE) {
      for (int i = 1; i < all.size(); i++) {
        assertThat(all.get(i).score()).isLessThanOrEqualTo(all.get(i - 1).score());
      }
    }
  }

  @Test
  void malformedCursorsAndQueriesAreRejectedClearly() throws IOException {
    index.upsert(simple("1", "a", "b"));
    index.refresh();
    assertThatThrownBy(
            () -> index.search(request("", null, null, Sort.RELEVANCE, 5, "%%%"), Visibility.all()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("malformed cursor");
    assertThatThrownBy(
            () ->
                index.search(
                    request("", null, null, Sort.RELEVANCE, 5, "djF8eHx5"), Visibility.all()))
        .isInstanceOf(IllegalArgumentException.class);
    for (int i = 0; i < 3; i++) {
      index.upsert(simple("x" + i, "a", "b"));
    }
    index.refresh();
    String dateCursor =
        index
            .search(request("", null, null, Sort.ISSUED_DATE_ASC, 1, null), Visibility.all())
            .nextCursor();
    assertThatThrownBy(
            () ->
                index.search(
                    request("", null, null, Sort.RELEVANCE, 5, dateCursor), Visibility.all()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sort order");
    assertThatThrownBy(() -> search("\"unclosed phrase"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quotation mark");
    assertThatThrownBy(() -> search("a ".repeat(600)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too long");
  }

  @Test
  void checkpointSurvivesReopenAndUncommittedChangesDoNot() throws IOException {
    assertThat(index.checkpoint()).isZero();
    index.upsert(simple("1", "a", "durable"));
    index.commit(41);
    index.upsert(simple("2", "b", "not committed"));
    index.refresh();
    assertThat(index.contains("2")).isTrue();
    index.close();
    index = SearchIndex.open(dir);
    assertThat(index.checkpoint()).isEqualTo(41);
    index.refresh();
    assertThat(index.contains("1")).isTrue();
    assertThat(index.contains("2")).isFalse();
  }

  @Test
  void upsertReplacesAndDeleteRemoves() throws IOException {
    index.upsert(simple("1", "a", "phiên bản một"));
    index.upsert(simple("1", "a", "phiên bản hai"));
    index.refresh();
    assertThat(ids("phien ban")).containsExactly("1");
    assertThat(ids("một")).isEmpty();
    index.delete("1");
    index.delete("missing");
    index.refresh();
    assertThat(index.contains("1")).isFalse();
    assertThat(index.count(Visibility.all())).isZero();
  }

  @Test
  void deletedTextLeavesTheIndexFilesAfterForceMergeDeletes() throws IOException {
    for (int i = 0; i < 5; i++) {
      index.upsert(simple("keep" + i, "a", "bình thường " + i));
    }
    index.upsert(simple("secret", "a", "bímậtđộcnhất xyzzyqwerty"));
    index.commit(1);
    index.delete("secret");
    index.commit(2);
    try (DirectoryReader before = DirectoryReader.open(FSDirectory.open(dir))) {
      assertThat(before.docFreq(new Term("text_f", "xyzzyqwerty"))).isEqualTo(1);
    }
    index.forceMergeDeletes();
    try (DirectoryReader after = DirectoryReader.open(FSDirectory.open(dir))) {
      assertThat(after.docFreq(new Term("text_f", "xyzzyqwerty"))).isZero();
      assertThat(after.maxDoc()).isEqualTo(after.numDocs()).isEqualTo(5);
    }
    assertThat(index.checkpoint()).isEqualTo(2);
  }

  @Test
  void secondOpenOfTheSameDirectoryFails() {
    assertThatThrownBy(() -> SearchIndex.open(dir)).isInstanceOf(IOException.class);
  }

  @Test
  void pagingAcrossTheRescoredWindowNeitherRepeatsNorSkips() throws IOException {
    index.close();
    index = SearchIndex.open(dir, 15, SearchIndex.DEFAULT_DENSE_FRACTION, 1);
    for (int i = 0; i < 47; i++) {
      String text =
          i % 3 == 0
              ? "báo cáo tình hình " + "thực hiện ".repeat(i % 4)
              : "báo " + "nội dung ".repeat(1 + i % 5) + "cáo " + "khác ".repeat(i % 7);
      index.upsert(simple(String.format("r%02d", i), "Văn bản " + i, text));
    }
    index.refresh();
    List<SearchHit> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      SearchResult page =
          index.search(
              request("bao cao", null, null, Sort.RELEVANCE, 10, cursor), Visibility.all());
      assertThat(page.total()).isEqualTo(47);
      for (SearchHit hit : page.hits()) {
        assertThat(seen.add(hit.id())).as("duplicate %s", hit.id()).isTrue();
        all.add(hit);
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    assertThat(seen).hasSize(47);
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).score()).isLessThanOrEqualTo(all.get(i - 1).score());
    }
    assertThat(all.subList(0, 10))
        .as("adjacent words lead the rescored window")
        .allMatch(h -> Integer.parseInt(h.id().substring(1)) % 3 == 0);
  }

  @Test
  void indexOfAnOlderLayoutIsEmptiedSoTheChangeLogRebuildsIt() throws IOException {
    index.close();
    try (org.apache.lucene.index.IndexWriter old =
        new org.apache.lucene.index.IndexWriter(
            FSDirectory.open(dir), new org.apache.lucene.index.IndexWriterConfig())) {
      org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
      doc.add(
          new org.apache.lucene.document.StringField(
              "id", "legacy", org.apache.lucene.document.Field.Store.YES));
      old.addDocument(doc);
      old.setLiveCommitData(Map.of("checkpoint", "42").entrySet());
      old.commit();
    }
    index = SearchIndex.open(dir);
    assertThat(index.checkpoint()).isZero();
    assertThat(index.count(Visibility.all())).isZero();
    index.upsert(simple("1", "a", "mới"));
    index.commit(1);
    index.close();
    index = SearchIndex.open(dir);
    assertThat(index.checkpoint()).isEqualTo(1);
    assertThat(index.contains("1")).isTrue();
  }
}
