package vn.tangthu.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates the shared signature corpus and reads the expectations written from its README. */
final class SignatureCorpus {
  private SignatureCorpus() {}

  /** One row of {@code signature/corpus-expectations.tsv}. */
  record Expectation(
      String file, String expected, boolean alteredAfterSigning, String detached, String note) {
    @Override
    public String toString() {
      return file + " (" + expected + ")";
    }
  }

  static Path root() {
    Path fromProperty =
        Path.of(System.getProperty("tangthu.root", "."))
            .toAbsolutePath()
            .resolve("../shared/corpus");
    if (Files.isDirectory(fromProperty)) {
      return fromProperty.normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("../shared/corpus");
      if (Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    Path fixed = Path.of("/work/shared/corpus");
    if (Files.isDirectory(fixed)) {
      return fixed;
    }
    throw new IllegalStateException("shared corpus not found");
  }

  static Path signatures() {
    return root().resolve("signatures");
  }

  static List<Expectation> expectations() throws IOException {
    try (InputStream in =
        SignatureCorpus.class.getResourceAsStream("/signature/corpus-expectations.tsv")) {
      List<Expectation> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        rows.add(new Expectation(f[0], f[1], "yes".equals(f[2]), f[3], f[4]));
      }
      return rows;
    }
  }
}
