package vn.tangthu.bench.ocr;

import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The paragraphs pages are set from: the Vietnamese legal corpus, split in two halves by file
 * (sorted by name, non-empty files alternately): pages come from the odd half, the syllable
 * frequencies of the OCR post-processing from the even half ({@link #lexiconFiles}), so corrections
 * are never tuned on the text they are measured on. Paragraphs are NFC (tone marks kept where the
 * source put them) and only those every face can draw in ordinary characters are kept (the corpus
 * has a few with residue of legacy encodings).
 */
final class SourceText {

  private static final Pattern ORDINARY =
      Pattern.compile("[\\p{IsLatin}\\p{Nd} .,;:!?()\\-–\"'/%“”…*+=§<>\\[\\]]+");

  private final List<String> paragraphs;

  private SourceText(List<String> paragraphs) {
    this.paragraphs = List.copyOf(paragraphs);
  }

  /** The page half of the corpus, paragraphs every font can draw. */
  static SourceText load(Path corpus, List<Font> fonts) {
    List<String> kept = new ArrayList<>();
    for (Path file : pageFiles(corpus)) {
      for (String line : read(file).split("\n")) {
        String p = Normalizer.normalize(line, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (p.length() >= 2 && ORDINARY.matcher(p).matches() && drawable(p, fonts)) {
          kept.add(p);
        }
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalStateException("no usable text in " + corpus);
    }
    return new SourceText(kept);
  }

  private static boolean drawable(String p, List<Font> fonts) {
    for (Font font : fonts) {
      if (font.canDisplayUpTo(p) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Paragraphs from a random place in the corpus onwards (wrapping round). */
  Stream<String> from(Random random) {
    int start = random.nextInt(paragraphs.size());
    return Stream.iterate(start, i -> (i + 1) % paragraphs.size()).map(paragraphs::get);
  }

  /** The files pages are set from (the odd half). */
  static List<Path> pageFiles(Path corpus) {
    return half(corpus, 1);
  }

  /** The files syllable frequencies are counted in (the even half). */
  static List<Path> lexiconFiles(Path corpus) {
    return half(corpus, 0);
  }

  private static List<Path> half(Path corpus, int parity) {
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files =
          s.filter(f -> f.toString().endsWith(".txt"))
              .filter(f -> f.toFile().length() > 0)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> half = new ArrayList<>();
    for (int i = parity; i < files.size(); i += 2) {
      half.add(files.get(i));
    }
    return half;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
