package vn.tangthu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The benchmark's document set: the Vietnamese legal corpus and the ordinary format files. */
final class BenchFiles {

  private BenchFiles() {}

  static List<Path> load(Path corpus) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(corpus.resolve("vi-legal"))) {
      s.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(files::add);
    }
    Path formats = corpus.resolve("formats");
    List<String> lines = Files.readAllLines(formats.resolve("MANIFEST.tsv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split("\t", -1);
      if (!"yes".equals(cols[cols.length - 1])) {
        files.add(formats.resolve(cols[0]));
      }
    }
    return files;
  }
}
