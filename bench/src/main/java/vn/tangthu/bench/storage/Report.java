package vn.tangthu.bench.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The benchmark's table, goals and the node's group-commit counters. */
final class Report {
  private Report() {}

  /**
   * The table: per row, each server's rate and CPU per operation (µs; ms per MiB for 256 MiB), the
   * ratios, and the goals of issue 24.
   */
  static void print(Map<Row, double[]> node, Map<Row, double[]> proxy, Map<Row, Double> disk) {
    double diskSmall = disk.values().stream().toList().get(0);
    double diskSeq = disk.values().stream().toList().get(1);
    System.out.println();
    System.out.printf(
        "| %-11s | %-5s | %8s | %8s | %6s | %9s | %-24s | %9s |%n",
        "operation",
        "unit",
        "node",
        "S3Proxy",
        "ratio",
        "node/disk",
        "server CPU node / S3Proxy",
        "CPU ratio");
    System.out.println(
        "|-------------|-------|---------:|---------:|-------:|----------:|"
            + "--------------------------:|----------:|");
    for (Map.Entry<Row, double[]> e : node.entrySet()) {
      Row row = e.getKey();
      double[] n = e.getValue();
      double[] p = proxy.get(row);
      String vsDisk = "";
      if (row.name().startsWith("PUT 4 KiB")) {
        vsDisk = String.format("%.2f", n[0] / diskSmall);
      } else if (row.name().startsWith("PUT 256") || row.name().startsWith("PUT 1 MiB")) {
        vsDisk = String.format("%.2f", n[0] / diskSeq);
      }
      String cpu =
          row.name().endsWith("256 MiB")
              ? String.format("%.2f / %.2f ms/MiB", n[1], p[1])
              : String.format("%.0f / %.0f µs", n[1], p[1]);
      System.out.printf(
          "| %-11s | %-5s | %8.1f | %8.1f | %6.2f | %9s | %24s | %9.2f |%n",
          row.name(), row.unit(), n[0], p[0], n[0] / p[0], vsDisk, cpu, n[1] / p[1]);
    }
    disk.forEach((row, v) -> System.out.printf("%-30s %10.1f %s%n", row.name(), v, row.unit()));
    System.out.println();
    Row put4 = new Row("PUT 4 KiB", "ops/s");
    Row get4 = new Row("GET 4 KiB", "ops/s");
    double nodeCpu = node.get(put4)[1] + node.get(get4)[1];
    double proxyCpu = proxy.get(put4)[1] + proxy.get(get4)[1];
    System.out.printf(
        "server CPU per 4 KiB PUT+GET: node %.0f µs, S3Proxy %.0f µs%n", nodeCpu, proxyCpu);
    goal("CPU per 4 KiB PUT+GET <= 0.5x S3Proxy's", nodeCpu / proxyCpu, 0.5, false);
    for (String name : new String[] {"GET 1 MiB", "GET 256 MiB"}) {
      Row r = new Row(name, "MiB/s");
      goal(name + " >= 0.9x S3Proxy's MiB/s", node.get(r)[0] / proxy.get(r)[0], 0.9, true);
    }
  }

  private static void goal(String name, double ratio, double target, boolean atLeast) {
    boolean met = atLeast ? ratio >= target : ratio <= target;
    System.out.printf("goal %-52s %6.2f  %s%n", name, ratio, met ? "MET" : "missed");
  }

  /** Journal fsyncs and the small writes they covered, from the node's /metrics. */
  static String journalStats(URI endpoint) {
    try {
      String text = new String(endpoint.resolve("/metrics").toURL().openStream().readAllBytes());
      long fsyncs = metric(text, "storage_journal_fsyncs_total");
      long writes = metric(text, "storage_journal_writes_total");
      return String.format(
          "%d writes in %d journal fsyncs (%.1f per fsync), %d checkpoints taking %s s",
          writes,
          fsyncs,
          writes / (double) Math.max(1, fsyncs),
          metric(text, "storage_journal_checkpoints_total"),
          text.replaceAll("(?s).*storage_journal_checkpoint_seconds_total ([0-9.]+).*", "$1"));
    } catch (IOException e) {
      return "unavailable (" + e + ")";
    }
  }

  private static long metric(String text, String name) {
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ")) {
        return (long) Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    return 0;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
