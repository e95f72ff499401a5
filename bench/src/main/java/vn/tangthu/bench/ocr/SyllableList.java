package vn.tangthu.bench.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import vn.tangthu.indexer.text.VietnameseText;

/**
 * Generates the syllable list of the OCR post-processing ({@code
 * indexer/src/main/resources/vn/tangthu/indexer/ocr/syllables.tsv}): every well-formed Vietnamese
 * syllable ({@link VietnameseText#isSyllable}) seen at least twice in the lexicon half of the legal
 * corpus ({@link SourceText#lexiconFiles}; the test pages come from the other half), in its exact
 * form (lower case, tone on the vowel the index uses), with its count. Usage: {@code SyllableList
 * <corpus/vi-legal> <out>}.
 */
public final class SyllableList {

  static final int MIN_COUNT = 2;

  private SyllableList() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]);
    Map<String, Integer> counts = new TreeMap<>();
    for (Path file : SourceText.lexiconFiles(corpus)) {
      for (String word : SourceText.read(file).split("[^\\p{L}\\p{M}]+")) {
        if (!word.isEmpty() && VietnameseText.isSyllable(word)) {
          counts.merge(VietnameseText.exact(word), 1, Integer::sum);
        }
      }
    }
    StringBuilder out =
        new StringBuilder(
            "# Vietnamese syllables and their counts in half of the legal corpus"
                + " (bench: vn.tangthu.bench.ocr.SyllableList)\n");
    int kept = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() >= MIN_COUNT) {
        out.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        kept++;
      }
    }
    Files.writeString(Path.of(args[1]), out, StandardCharsets.UTF_8);
    System.out.printf(
        "%d syllables (%d seen once left out) into %s%n", kept, counts.size() - kept, args[1]);
  }
}
