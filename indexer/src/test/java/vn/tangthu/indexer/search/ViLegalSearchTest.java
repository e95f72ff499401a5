package vn.tangthu.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tangthu.indexer.extract.ExtractionLimits;
import vn.tangthu.indexer.extract.ExtractionResult;
import vn.tangthu.indexer.extract.TikaTextExtractor;
import vn.tangthu.indexer.testing.Corpus;
import vn.tangthu.indexer.testing.TonePlacement;
import vn.tangthu.indexer.text.LegacyVietnamese;
import vn.tangthu.indexer.text.LegacyVietnamese.Encoding;
import vn.tangthu.indexer.text.VietnameseText;

/** The Vietnamese legal corpus, indexed once; phrases from each text must find it back. */
class ViLegalSearchTest {

  private static final int PHRASE_WORDS = 6;
  @TempDir static Path dir;
  private static SearchIndex index;
  private static final Map<String, String> TEXTS = new HashMap<>();
  private static final Map<String, String> EXACT_WORDS = new HashMap<>();

  /** Laws whose source has no legacy-code residue (soft hyphens, Icelandic eth, ¬). */
  private static final List<String> LEGACY =
      List.of(
          "luat-khuyen-khich-dau-tu-trong-nuoc",
          "luat-thue-thu-nhap-doanh-nghiep",
          "luat-thue-gia-tri-gia-tang",
          "luat-binh-dang-gioi",
          "luat-quoc-tich-viet-nam",
          "luat-dien-anh");

  private static final Map<String, String> PHRASES = new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeAll
  static void indexCorpus() throws IOException {
    index = SearchIndex.open(dir.resolve("index"));
    long start = System.nanoTime();
    for (Path file : Corpus.viLegalFiles()) {
      String id = file.getFileName().toString().replace(".txt", "");
      String text = Files.readString(file, StandardCharsets.UTF_8);
      TEXTS.put(id, text);
      EXACT_WORDS.put(id, " " + String.join(" ", words(VietnameseText.exact(text))) + " ");
      index.upsert(document(id, text));
    }
    try (TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.DEFAULT)) {
      for (String id : LEGACY) {
        for (Encoding encoding : Encoding.values()) {
          Path copy = dir.resolve(id + "." + encoding + ".txt");
          Files.writeString(
              copy, LegacyVietnamese.encode(TEXTS.get(id), encoding), StandardCharsets.UTF_8);
          ExtractionResult extracted = extractor.extract(copy, copy.getFileName().toString());
          assertThat(extracted.status()).isEqualTo(ExtractionResult.Status.DONE);
          assertThat(extracted.language()).isEqualTo("vi");
          index.upsert(document(id + "~" + encoding.name().toLowerCase(), extracted.text()));
        }
      }
    }
    index.commit(55);
    index.refresh();
    System.out.printf(
        "indexed %d vi-legal files in %d ms%n",
        TEXTS.size(), (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  static IndexDocument document(String id, String text) {
    return new IndexDocument(
        id,
        "UBND-BN",
        List.of("UBND-BN"),
        "PUBLIC",
        List.of(),
        id.replace('-', ' '),
        "Luật",
        null,
        null,
        "Quốc hội",
        LocalDate.of(2015, 6, 22),
        id,
        null,
        null,
        null,
        text,
        null,
        null,
        "ACTIVE",
        null);
  }

  static List<String> words(String s) {
    return List.of(s.split("[^\\p{L}\\p{M}\\p{N}]+")).stream().filter(w -> !w.isEmpty()).toList();
  }

  static List<String> ids() {
    return Corpus.viLegalFiles().stream()
        .filter(
            p -> {
              try {
                return Files.size(p) > 0;
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .map(p -> p.getFileName().toString().replace(".txt", ""))
        .toList();
  }

  /**
   * A phrase of the original text (as written there) that no other text contains, preferring one
   * with a syllable whose tone placement has two conventions.
   */
  static String uniquePhrase(String id) {
    return PHRASES.computeIfAbsent(id, ViLegalSearchTest::findUniquePhrase);
  }

  private static String findUniquePhrase(String id) {
    String text = TEXTS.get(id);
    List<String> original = words(text);
    String fallback = null;
    for (int i = original.size() / 3; i + PHRASE_WORDS < original.size(); i += 7) {
      List<String> window = original.subList(i, i + PHRASE_WORDS);
      String phrase = String.join(" ", window);
      String exact = " " + VietnameseText.exact(phrase) + " ";
      if (window.stream().anyMatch(w -> w.chars().allMatch(Character::isDigit))) {
        continue;
      }
      boolean unique =
          EXACT_WORDS.entrySet().stream()
              .noneMatch(e -> !e.getKey().equals(id) && e.getValue().contains(exact));
      if (!unique) {
        continue;
      }
      if (!TonePlacement.other(phrase).equals(phrase)) {
        return phrase;
      }
      if (fallback == null) {
        fallback = phrase;
      }
      if (i > original.size() / 3 + 7 * 60) {
        break;
      }
    }
    return fallback;
  }

  private static List<String> top(String q, int n) throws IOException {
    return index.search(SearchRequest.of(q, n), Visibility.all()).hits().stream()
        .map(SearchHit::id)
        .toList();
  }

  private static String base(String id) {
    int tilde = id.indexOf('~');
    return tilde < 0 ? id : id.substring(0, tilde);
  }

  @ParameterizedTest
  @MethodSource("ids")
  void phraseVariantsFindTheirDocument(String id) throws IOException {
    String phrase = uniquePhrase(id);
    String nfd = Normalizer.normalize(phrase, Normalizer.Form.NFD);
    assertThat(top(VietnameseText.folded(phrase), 10)).as("folded %s", phrase).contains(id);
    assertThat(top(TonePlacement.other(phrase), 10)).as("other tones %s", phrase).contains(id);
    assertThat(top(nfd, 10)).as("NFD %s", phrase).contains(id);
    assertThat(top(phrase, 3).stream().map(ViLegalSearchTest::base))
        .as("exact %s", phrase)
        .first()
        .isEqualTo(id);
    assertThat(top("\"" + phrase + "\"", 10).stream().map(ViLegalSearchTest::base).distinct())
        .as("quoted %s", phrase)
        .containsExactly(id);
  }

  @ParameterizedTest
  @MethodSource("ids")
  void highlightsMarkTheOriginalWords(String id) throws IOException {
    String phrase = uniquePhrase(id);
    SearchResult result =
        index.search(
            SearchRequest.of("\"" + VietnameseText.folded(phrase) + "\"", 1), Visibility.all());
    assertThat(result.hits()).hasSize(1);
    String snippet = String.join(" ", result.hits().get(0).highlights());
    String marked =
        java.util.regex.Pattern.compile("<mark>(.*?)</mark>")
            .matcher(snippet)
            .results()
            .map(m -> m.group(1))
            .collect(Collectors.joining(" "));
    assertThat(VietnameseText.exact(marked)).contains(VietnameseText.exact(words(phrase).get(0)));
  }

  static List<String> legacyIds() {
    return LEGACY;
  }

  @ParameterizedTest
  @MethodSource("legacyIds")
  void legacyEncodedCopiesAreFoundByTheSameQueries(String id) throws IOException {
    String phrase = uniquePhrase(id);
    for (String q :
        List.of(
            VietnameseText.folded(phrase),
            TonePlacement.other(phrase),
            Normalizer.normalize(phrase, Normalizer.Form.NFD))) {
      assertThat(top(q, 10)).as(q).contains(id + "~tcvn3", id + "~vni");
    }
  }

  @Test
  void everyNonEmptyTextIsIndexedAndTheEmptyOneToo() throws IOException {
    assertThat(index.count(Visibility.all())).isEqualTo(TEXTS.size() + 2L * LEGACY.size());
    assertThat(index.contains("luat-ban-hanh-van-ban-quy-pham-phap-luat")).isTrue();
  }

  @Test
  void everyPhraseQueryFindsSomethingAndLatencyIsReported() throws IOException {
    List<String> queries = new ArrayList<>();
    for (String id : ids()) {
      String phrase = uniquePhrase(id);
      queries.add(VietnameseText.folded(phrase));
      queries.add(words(phrase).get(0) + " " + words(phrase).get(2));
    }
    for (String q : queries.subList(0, 10)) {
      top(q, 20);
    }
    List<Long> micros = new ArrayList<>();
    List<Long> cpuMicros = new ArrayList<>();
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (String q : queries) {
      long start = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      SearchResult result = index.search(SearchRequest.of(q, 20), Visibility.all());
      cpuMicros.add((threads.getCurrentThreadCpuTime() - cpu) / 1_000);
      micros.add((System.nanoTime() - start) / 1_000);
      assertThat(result.total()).as(q).isPositive();
    }
    micros.sort(null);
    cpuMicros.sort(null);
    System.out.printf(
        "vi-legal query CPU time: p50 %d us, p99 %d us%n",
        cpuMicros.get(cpuMicros.size() / 2), cpuMicros.get(cpuMicros.size() * 99 / 100));
    System.out.printf(
        "vi-legal query latency over %d queries: p50 %d us, p99 %d us, max %d us; index %d KB%n",
        micros.size(),
        micros.get(micros.size() / 2),
        micros.get(micros.size() * 99 / 100),
        micros.get(micros.size() - 1),
        indexBytes() / 1024);
  }

  private static long indexBytes() throws IOException {
    try (var files = Files.list(dir.resolve("index"))) {
      return files
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }

  static Set<String> allIds() {
    return TEXTS.keySet();
  }
}
