package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a package holds a bounded amount of memory whatever its size and the size of its items: a
 * JVM limited to a 12 MiB heap reads a 1 GiB tar entry and a 192 MiB edXML attachment, refuses a
 * 256 MiB attribute, and reads a 300 MB zip of 1,000 rows (2,000 files) and a 250 MB batch of 64
 * messages item by item, without running out ({@link MemoryProbe}); the live heap, sampled after
 * collections, stays within {@link #ITEM_BOUND_BYTES} above the JVM's baseline, plus {@link
 * #ENTRY_BYTES} per entry of the package being read.
 */
class MemoryBoundTest {

  static final int HEAP_MIB = 12;

  /** What reading one item may hold above the JVM's own baseline, the block cache included. */
  static final long ITEM_BOUND_BYTES = 8L << 20;

  /** What the open package's index may add per zip or tar entry (see {@link PackageReader}). */
  static final long ENTRY_BYTES = 1024;

  @TempDir Path tmp;

  @Test
  void packagesAndItemsFarLargerThanTheHeapAreReadWithinIt() throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path zip = tmp.resolve("many-files.zip");
    LargePackages.writeZipOfFiles(zip);
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx" + HEAP_MIB + "m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    classpath,
                    MemoryProbe.class.getName(),
                    tmp.toString(),
                    zip.toString()))
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("TAR 1073741824", "EDXML ", "HOSTILE XML_HOSTILE", "ZIP ", "BATCH ");
    output.lines().filter(l -> l.matches("(ZIP|BATCH) .*")).forEach(System.out::println);
    long baseline = value(output, "BASELINE ");
    Map<String, Long> entries =
        Map.of(
            "TAR",
            2L,
            "EDXML",
            0L,
            "HOSTILE",
            0L,
            "ZIP",
            2L * LargePackages.ROWS + 1,
            "BATCH",
            (long) LargePackages.MESSAGES);
    entries.forEach(
        (phase, count) -> {
          long above = value(output, "PHASE " + phase + " ") - baseline;
          long bound = ITEM_BOUND_BYTES + count * ENTRY_BYTES;
          System.out.printf(
              "%-7s live heap %.1f MiB above a baseline of %.1f MiB (bound %.1f MiB, heap %d MiB)%n",
              phase, above / 1048576.0, baseline / 1048576.0, bound / 1048576.0, HEAP_MIB);
          assertThat(above).as(phase).isLessThan(bound);
        });
  }

  private static long value(String output, String prefix) {
    return output
        .lines()
        .filter(l -> l.startsWith(prefix))
        .mapToLong(l -> Long.parseLong(l.substring(prefix.length())))
        .findFirst()
        .orElseThrow();
  }
}
