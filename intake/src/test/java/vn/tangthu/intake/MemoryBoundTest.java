package vn.tangthu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading one item holds a bounded amount of memory whatever its size: a JVM limited to a 12 MiB
 * heap reads a 1 GiB tar entry and a 192 MiB edXML attachment, and refuses a 256 MiB attribute,
 * without running out ({@link MemoryProbe}); the live heap, sampled after collections, stays within
 * {@link #ITEM_BOUND_BYTES} above the JVM's baseline.
 */
class MemoryBoundTest {

  static final int HEAP_MIB = 12;

  /** What reading one item may hold above the JVM's own baseline, the block cache included. */
  static final long ITEM_BOUND_BYTES = 8L << 20;

  @TempDir Path tmp;

  @Test
  void aGigabyteItemIsReadWithinASmallHeap() throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx" + HEAP_MIB + "m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    classpath,
                    MemoryProbe.class.getName(),
                    tmp.toString()))
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("TAR 1073741824", "EDXML ", "HOSTILE XML_HOSTILE");
    long baseline = value(output, "BASELINE ");
    long live = value(output, "LIVE ");
    System.out.printf(
        "live heap while reading: %.1f MiB above a baseline of %.1f MiB (heap %d MiB)%n",
        (live - baseline) / 1048576.0, baseline / 1048576.0, HEAP_MIB);
    assertThat(live - baseline).isLessThan(ITEM_BOUND_BYTES);
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
