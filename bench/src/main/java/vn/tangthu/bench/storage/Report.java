package vn.tangthu.bench.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The benchmark's table, goals and the node's group-commit counters. */
final class Report {
  private Report() {}

  static void print(Map<Row, Double> node, Map<Row, Double> proxy, Map<Row, Double> disk) {
    double diskSmall = disk.values().stream().toList().get(0);
    double diskSeq = disk.values().stream().toList().get(1);
    System.out.println();
    System.out.printf(
        "%-16s %-6s %10s %10s %10s %10s%n",
        "operation", "unit", "node", "s3proxy", "node/s3p", "node/disk");
    for (Map.Entry<Row, Double> e : node.entrySet()) {
      Row row = e.getKey();
      double n = e.getValue();
      double p = proxy.get(row);
      String vsDisk = "";
      if (row.name().startsWith("PUT 4 KiB")) {
        vsDisk = String.format("%.2f", n / diskSmall);
      } else if (row.name().startsWith("PUT 256") || row.name().startsWith("PUT 1 MiB")) {
        vsDisk = String.format("%.2f", n / diskSeq);
      }
      System.out.printf(
          "%-16s %-6s %10.1f %10.1f %10.2f %10s%n", row.name(), row.unit(), n, p, n / p, vsDisk);
    }
    disk.forEach((row, v) -> System.out.printf("%-30s %10.1f %s%n", row.name(), v, row.unit()));
    System.out.println();
    Row[] small = {
      new Row("PUT 4 KiB", "ops/s"),
      new Row("GET 4 KiB", "ops/s"),
      new Row("PUT 64 KiB", "ops/s"),
      new Row("GET 64 KiB", "ops/s")
    };
    for (Row r : small) {
      goal(r.name() + " >= 2x S3Proxy", node.get(r) / proxy.get(r), 2.0);
    }
    goal(
        "stretch: PUT 4 KiB >= 0.5x disk 4 KiB write+fsync",
        node.get(new Row("PUT 4 KiB", "ops/s")) / diskSmall,
        0.5);
    goal(
        "PUT 256 MiB >= 0.8x disk fsync'd write",
        node.get(new Row("PUT 256 MiB", "MiB/s")) / diskSeq,
        0.8);
  }

  private static void goal(String name, double ratio, double target) {
    System.out.printf("goal %-52s %6.2f  %s%n", name, ratio, ratio >= target ? "MET" : "missed");
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
