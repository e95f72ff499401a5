package vn.tangthu.intake;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's {@code samples/} and the shared {@code ../shared/corpus} are. */
final class Repository {

  private Repository() {}

  /** The repository root: {@code tangthu.root} (set by the build), else found from here. */
  static Path root() {
    Path start = Path.of(System.getProperty("tangthu.root", ".")).toAbsolutePath().normalize();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("samples")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no repository root with samples/ above " + start);
  }

  static Path samples() {
    return root().resolve("samples");
  }

  /** {@code ../shared/corpus} beside the repository (see its README). */
  static Path corpus() {
    Path corpus = root().resolve("../shared/corpus").normalize();
    if (!Files.isDirectory(corpus)) {
      throw new IllegalStateException("../shared/corpus not found beside " + root());
    }
    return corpus;
  }
}
