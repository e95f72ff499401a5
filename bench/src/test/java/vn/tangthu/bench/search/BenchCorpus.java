package vn.tangthu.bench.search;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared/corpus} from the repository root (or a module directory inside it). */
final class BenchCorpus {

  private BenchCorpus() {}

  static Path dir() {
    Path root = Path.of(System.getProperty("tangthu.root", ".")).toAbsolutePath();
    Path dir = root;
    while (dir != null && !Files.isDirectory(dir.resolve("../shared/corpus"))) {
      dir = dir.getParent();
    }
    return (dir == null ? root : dir).resolve("../shared/corpus").normalize();
  }
}
