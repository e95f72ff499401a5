package vn.tangthu.bench.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The OCR test set: pages set from the legal corpus ({@link SourceText}) in the {@link PageFonts}
 * faces, every third page under a generated two-column heading ({@link Headings}), drawn at the
 * condition's resolution, degraded, and written as image-only PDF, PNG, TIFF or JPEG, each with its
 * ground-truth text. Fully determined by the seed: page {@code i} has the same text and face in
 * every condition (so conditions differ only by what was done to the page), and its degradation
 * draws from a source seeded by the condition and {@code i}. A manifest ({@value #MANIFEST}) lists
 * the pages.
 */
final class TestSet {

  static final String MANIFEST = "manifest.tsv";

  /** A resolution and what was done to the page; a null degradation mixes all but CLEAN. */
  record Condition(String name, Degradation degradation, int dpi) {
    boolean degraded() {
      return degradation != Degradation.CLEAN;
    }
  }

  /** One page of the set. */
  record Sample(
      String id, Condition condition, PageFiles container, String face, Path file, String truth) {}

  static final List<Condition> CONDITIONS =
      List.of(
          new Condition("clean-300", Degradation.CLEAN, 300),
          new Condition("clean-200", Degradation.CLEAN, 200),
          new Condition("noise-300", Degradation.NOISE, 300),
          new Condition("blur-300", Degradation.BLUR, 300),
          new Condition("skew2-300", Degradation.SKEW, 300),
          new Condition("jpeg-300", Degradation.JPEG, 300),
          new Condition("photocopy-300", Degradation.PHOTOCOPY, 300),
          new Condition("degraded-200", null, 200));

  private static final Degradation[] MIXED = {
    Degradation.NOISE, Degradation.BLUR, Degradation.SKEW, Degradation.JPEG, Degradation.PHOTOCOPY
  };

  private TestSet() {}

  static Condition condition(String name) {
    return CONDITIONS.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no condition " + name));
  }

  /**
   * Generates {@code pages} pages for each condition into {@code dir}, in every container in turn
   * or, when {@code only} is given, all in that one.
   */
  static List<Sample> generate(
      Path corpus, Path dir, long seed, int pages, List<Condition> conditions, PageFiles only)
      throws IOException {
    List<PageFonts.Face> faces = PageFonts.load();
    SourceText source = SourceText.load(corpus, faces.stream().map(PageFonts.Face::font).toList());
    PageFiles[] containers = PageFiles.values();
    List<Sample> samples = new ArrayList<>();
    for (Condition condition : conditions) {
      Path folder = Files.createDirectories(dir.resolve(condition.name()));
      for (int i = 0; i < pages; i++) {
        PageFonts.Face face = faces.get(i % faces.size());
        PageFiles container =
            only != null ? only : containers[(i + i / faces.size()) % containers.length];
        Random text = new Random(seed * 1_000_003L + i);
        PageLayout.Heading heading = i % 3 == 0 ? Headings.random(text) : null;
        PageLayout.Page page =
            PageLayout.set(source.from(text).iterator(), face, condition.dpi(), heading);
        Degradation degradation =
            condition.degradation() != null ? condition.degradation() : MIXED[i % MIXED.length];
        Random noise = new Random(seed * 7_919L + condition.name().hashCode() * 31L + i);
        String id = String.format("%s-%03d", condition.name(), i);
        Path file = folder.resolve(id + "." + container.extension);
        container.write(
            degradation.apply(page.image(), condition.dpi(), noise), condition.dpi(), file);
        Files.writeString(folder.resolve(id + ".gt.txt"), page.truth(), StandardCharsets.UTF_8);
        samples.add(new Sample(id, condition, container, face.name(), file, page.truth()));
      }
    }
    writeManifest(dir, samples);
    return samples;
  }

  private static void writeManifest(Path dir, List<Sample> samples) throws IOException {
    StringBuilder out = new StringBuilder("id\tcondition\tdpi\tcontainer\tface\tfile\n");
    for (Sample s : samples) {
      out.append(s.id())
          .append('\t')
          .append(s.condition().name())
          .append('\t')
          .append(s.condition().dpi())
          .append('\t')
          .append(s.container())
          .append('\t')
          .append(s.face())
          .append('\t')
          .append(dir.relativize(s.file()))
          .append('\n');
    }
    Files.writeString(dir.resolve(MANIFEST), out, StandardCharsets.UTF_8);
  }

  /** The pages of a generated set, at most the first {@code limit} of each condition. */
  static List<Sample> load(Path dir, int limit) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(MANIFEST), StandardCharsets.UTF_8);
    List<Sample> samples = new ArrayList<>();
    java.util.Map<String, Integer> perCondition = new java.util.HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split("\t", -1);
      if (perCondition.merge(c[1], 1, Integer::sum) > limit) {
        continue;
      }
      Path file = dir.resolve(c[5]);
      String truthName = c[0] + ".gt.txt";
      String truth = Files.readString(file.resolveSibling(truthName), StandardCharsets.UTF_8);
      samples.add(new Sample(c[0], condition(c[1]), PageFiles.valueOf(c[3]), c[4], file, truth));
    }
    return samples;
  }
}
