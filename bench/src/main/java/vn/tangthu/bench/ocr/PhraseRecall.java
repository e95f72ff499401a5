package vn.tangthu.bench.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.tangthu.indexer.search.IndexDocument;
import vn.tangthu.indexer.search.SearchHit;
import vn.tangthu.indexer.search.SearchIndex;
import vn.tangthu.indexer.search.SearchRequest;
import vn.tangthu.indexer.search.Visibility;
import vn.tangthu.indexer.text.VietnameseText;

/**
 * Search recall of OCR text through the archive's own index ({@link SearchIndex}: its analysers and
 * its query parser). Each page index gets {@value #PHRASES} phrases: 4 consecutive syllables of its
 * ground truth, typed without diacritics, chosen (seeded) among those that find the page in the top
 * 10 of an index of the ground-truth pages plus distractors, so a miss is the OCR's doing, not the
 * phrase's. The distractors are page-sized passages of the other half of the legal corpus ({@link
 * SourceText#lexiconFiles}), about a thousand similar legal texts.
 */
final class PhraseRecall {

  static final int TOP = 10;
  static final int WORDS = 4;
  static final int PHRASES = 5;
  private static final int PASSAGE_CHARS = 3000;

  private final List<IndexDocument> distractors;
  private final Map<Integer, List<String>> phrases = new HashMap<>();

  private PhraseRecall(List<IndexDocument> distractors) {
    this.distractors = distractors;
  }

  /** Picks a phrase for each page text ({@code truths} by page index). */
  static PhraseRecall prepare(Path corpus, Map<Integer, String> truths, Path work, long seed)
      throws IOException {
    List<IndexDocument> distractors = new ArrayList<>();
    for (Path file : SourceText.lexiconFiles(corpus)) {
      String name = file.getFileName().toString().replace(".txt", "");
      StringBuilder passage = new StringBuilder();
      int n = 0;
      for (String paragraph : SourceText.read(file).split("\n")) {
        passage.append(paragraph).append('\n');
        if (passage.length() >= PASSAGE_CHARS) {
          distractors.add(document("x-" + name + "-" + n++, passage.toString()));
          passage.setLength(0);
        }
      }
      if (passage.length() > 0) {
        distractors.add(document("x-" + name + "-" + n, passage.toString()));
      }
    }
    PhraseRecall recall = new PhraseRecall(distractors);
    Map<String, String> pages = new HashMap<>();
    truths.forEach((i, text) -> pages.put("p" + i, text));
    try (SearchIndex index = recall.index(work.resolve("truth"), pages)) {
      for (Map.Entry<Integer, String> e : truths.entrySet()) {
        recall.pick(index, e.getKey(), e.getValue(), new Random(seed + e.getKey()));
      }
    }
    return recall;
  }

  private void pick(SearchIndex index, int page, String truth, Random random) throws IOException {
    List<String> words = new ArrayList<>();
    for (String w : truth.split("\\s+")) {
      String letters = w.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
      words.add(letters.chars().allMatch(Character::isLetter) ? letters : "");
    }
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i + WORDS <= words.size(); i++) {
      if (words.subList(i, i + WORDS).stream().noneMatch(String::isEmpty)) {
        starts.add(i);
      }
    }
    java.util.Collections.shuffle(starts, random);
    for (int start : starts) {
      String phrase = VietnameseText.folded(String.join(" ", words.subList(start, start + WORDS)));
      List<String> picked = phrases.computeIfAbsent(page, p -> new ArrayList<>());
      if (!picked.contains(phrase) && finds(index, phrase, "p" + page)) {
        picked.add(phrase);
        if (picked.size() == PHRASES) {
          return;
        }
      }
    }
  }

  /** The phrases for a page index (fewer when few find even its ground truth). */
  List<String> phrases(int page) {
    return phrases.getOrDefault(page, List.of());
  }

  /** An index of the distractors and {@code pages} (id → text). */
  SearchIndex index(Path dir, Map<String, String> pages) throws IOException {
    Files.createDirectories(dir);
    SearchIndex index = SearchIndex.open(dir);
    for (IndexDocument d : distractors) {
      index.upsert(d);
    }
    for (Map.Entry<String, String> e : pages.entrySet()) {
      index.upsert(document(e.getKey(), e.getValue()));
    }
    index.commit(1);
    index.refresh();
    return index;
  }

  /** Whether {@code phrase} finds {@code id} among the top {@value #TOP}. */
  static boolean finds(SearchIndex index, String phrase, String id) throws IOException {
    for (SearchHit hit : index.search(SearchRequest.of(phrase, TOP), Visibility.all()).hits()) {
      if (hit.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static IndexDocument document(String id, String text) {
    return new IndexDocument(
        id,
        "UBND-BN",
        List.of("UBND-BN"),
        "PUBLIC",
        List.of(),
        "Bản scan",
        "Công văn",
        null,
        null,
        null,
        LocalDate.of(2024, 1, 2),
        null,
        null,
        null,
        null,
        text,
        null,
        null,
        "ACTIVE",
        null);
  }
}
