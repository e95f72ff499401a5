package vn.tangthu.bench.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM plus the engine processes it has waited for (Linux {@code /proc/self/stat}:
 * utime, stime, cutime, cstime), so a figure per page survives a machine shared with other work,
 * where pages per wall-clock second do not.
 */
final class CpuTime {

  private static final double TICKS_PER_SECOND = 100;

  private CpuTime() {}

  /** Seconds of CPU used so far by this JVM and its finished children; NaN when unknown. */
  static double seconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14-17 of stat; f[0] is field 3
      long ticks = 0;
      for (int i = 11; i <= 14; i++) {
        ticks += Long.parseLong(f[i]);
      }
      return ticks / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
