package vn.tangthu.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The size rule of every module, bench included: no main source file over 500 lines and no method
 * (or constructor) over 80, counted from its declaration to its closing brace in the
 * google-java-format layout the build enforces.
 */
class CodeSizeTest {

  private static final int MAX_FILE_LINES = 500;
  private static final int MAX_METHOD_LINES = 80;

  private static final Pattern DECLARATION =
      Pattern.compile(
          "^( *)(?:@\\w+(?:\\([^)]*\\))?\\s+)*"
              + "(?:(?:public|protected|private|static|final|abstract|synchronized|default|native)"
              + "\\s+)*(?:<[^>]+>\\s+)?([\\w.<>\\[\\]?][\\w.<>\\[\\]?, ]*\\s+)?(\\w+)\\s*\\(");
  private static final Pattern TYPE_OR_STATEMENT =
      Pattern.compile(
          "\\b(record|class|interface|enum|new)\\s|^(if|for|while|switch|try|catch|else|do"
              + "|synchronized|return|case|throw)\\b");

  /** Methods of {@code lines} longer than the limit, as "line name length". */
  static List<String> longMethods(List<String> lines, int max) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String stripped = lines.get(i).strip();
      Matcher m = DECLARATION.matcher(lines.get(i));
      String head = stripped.split("\\(", 2)[0];
      if (!m.find() || TYPE_OR_STATEMENT.matcher(head).find() || head.contains("=")) {
        continue;
      }
      String name = m.group(3);
      if (m.group(2) == null && !Character.isUpperCase(name.charAt(0))) {
        continue; // a call statement, not a constructor
      }
      int open = i;
      while (open < lines.size()
          && !lines.get(open).stripTrailing().endsWith("{")
          && !lines.get(open).stripTrailing().endsWith(";")) {
        open++;
      }
      if (open == lines.size() || !lines.get(open).stripTrailing().endsWith("{")) {
        continue;
      }
      String close = m.group(1) + "}";
      for (int k = open + 1; k < lines.size(); k++) {
        if (lines.get(k).equals(close)) {
          int length = k - i + 1;
          if (length > max) {
            found.add((i + 1) + " " + name + " " + length);
          }
          break;
        }
      }
    }
    return found;
  }

  @Test
  void noMainFileOver500LinesAndNoMethodOver80() throws IOException {
    Path root = Path.of(System.getProperty("tangthu.root", "..")).toAbsolutePath().normalize();
    List<String> offenders = new ArrayList<>();
    int files = 0;
    try (Stream<Path> modules = Files.list(root)) {
      for (Path main :
          modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> sources = Files.walk(main)) {
          for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
            files++;
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            String name = root.relativize(f).toString();
            if (lines.size() > MAX_FILE_LINES) {
              offenders.add(name + " has " + lines.size() + " lines");
            }
            longMethods(lines, MAX_METHOD_LINES).forEach(m -> offenders.add(name + ":" + m));
          }
        }
      }
    }
    assertThat(files).as("main sources found under " + root).isGreaterThan(100);
    assertThat(offenders).isEmpty();
  }

  /** A class whose method {@code m} spans {@code length} lines, and a short constructor. */
  private static List<String> classWithMethodOf(int length) {
    List<String> lines = new ArrayList<>(List.of("final class A {", "  void m(int a) {"));
    lines.addAll(Collections.nCopies(length - 2, "    a++;"));
    lines.addAll(List.of("  }", "", "  A() {", "    this(1);", "  }", "}"));
    return lines;
  }

  @Test
  void aMethodOneLinePastTheLimitIsFoundAndOneAtTheLimitIsNot() {
    assertThat(longMethods(classWithMethodOf(MAX_METHOD_LINES + 1), MAX_METHOD_LINES))
        .containsExactly("2 m 81");
    assertThat(longMethods(classWithMethodOf(MAX_METHOD_LINES), MAX_METHOD_LINES)).isEmpty();
  }
}
