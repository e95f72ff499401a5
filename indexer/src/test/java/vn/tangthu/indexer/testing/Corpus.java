package vn.tangthu.indexer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared test corpus from the repository root. */
public final class Corpus {

  private Corpus() {}

  public static Path root() {
    Path fromProperty =
        Path.of(System.getProperty("tangthu.root", ".")).resolve("../shared/corpus");
    if (Files.isDirectory(fromProperty)) {
      return fromProperty.normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/corpus");
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException("shared corpus not found");
  }

  public static Path viLegal() {
    return root().resolve("vi-legal");
  }

  public static Path formats() {
    return root().resolve("formats");
  }

  public static List<Path> viLegalFiles() {
    try (Stream<Path> files = Files.list(viLegal())) {
      return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One row of formats/MANIFEST.tsv. */
  public record FormatFile(Path path, String name, String family, boolean edgeCase) {
    @Override
    public String toString() {
      return name;
    }
  }

  public static List<FormatFile> formatFiles() {
    try {
      List<String> lines =
          Files.readAllLines(formats().resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
      List<FormatFile> files = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cols = line.split("\t", -1);
        files.add(
            new FormatFile(
                formats().resolve(cols[0]), cols[0], cols[5], "yes".equalsIgnoreCase(cols[6])));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FormatFile formatFile(String name) {
    return formatFiles().stream()
        .filter(f -> f.name().endsWith(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name));
  }
}
