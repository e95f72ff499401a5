package vn.tangthu.archive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shared test corpus, found from the repository root. */
public final class Corpus {

  private Corpus() {}

  public static Path root() {
    Path start = Path.of(System.getProperty("tangthu.root", ".")).toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      Path candidate = p.resolve("../shared/corpus").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      candidate = p.resolve("shared/corpus");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("../shared/corpus not found from " + start);
  }

  public static List<Path> viLegal() {
    try (Stream<Path> files = Files.list(root().resolve("vi-legal"))) {
      return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Files of formats/ whose MANIFEST row is not flagged as an edge case (or only those that are).
   */
  public static List<Path> formats(boolean edgeCases) {
    Path formats = root().resolve("formats");
    try {
      List<Path> out = new ArrayList<>();
      List<String> lines = Files.readAllLines(formats.resolve("MANIFEST.tsv"));
      for (String line : lines.subList(1, lines.size())) {
        String[] cols = line.split("\t", -1);
        boolean edge = "yes".equals(cols[cols.length - 1]);
        if (edge == edgeCases) {
          out.add(formats.resolve(cols[0]));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
