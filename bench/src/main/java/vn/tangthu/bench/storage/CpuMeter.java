package vn.tangthu.bench.storage;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * CPU time of a server's threads and of the rest of this JVM (client, JIT, GC) around a phase,
 * printed per operation or per MiB.
 */
final class CpuMeter {
  private CpuMeter() {}

  /** Thread name prefixes of each server (everything else in this JVM is the client's side). */
  static final List<String> NODE = List.of("storage-node", "storage-hash");

  static final List<String> PROXY = List.of("S3Proxy");

  /**
   * A timed phase that also reports the CPU time per operation of the server's threads and of
   * everything else in the process (the MinIO client, JIT, GC): the client's share bounds what any
   * server can reach on this machine ({@code cores / client CPU per op}).
   */
  static double metered(
      Workload workload, int seconds, List<String> server, Callable<Void> op, Row row)
      throws Exception {
    long[] before = cpu(server);
    long start = System.nanoTime();
    double rate = workload.timedOps(op, seconds);
    double wall = (System.nanoTime() - start) / 1e9;
    long[] after = cpu(server);
    double ops = rate * wall;
    double serverUs = (after[0] - before[0]) / 1e3 / ops;
    double restUs = ((after[1] - before[1]) - (after[0] - before[0])) / 1e3 / ops;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        "    %-8s %-12s %8.1f ops/s  CPU per op: server %7.0f us, client+JVM %7.0f us"
            + " (client-bound ceiling %.0f ops/s)%n",
        server == NODE ? "node" : "s3proxy",
        row.name(),
        rate,
        serverUs,
        restUs,
        cores * 1e6 / restUs);
    return rate;
  }

  /** Prints the CPU per MiB of a large phase, like {@link #metered}. */
  static void largeCpu(List<String> server, String name, long[] before, double mib) {
    long[] after = cpu(server);
    double serverMs = (after[0] - before[0]) / 1e6 / mib;
    double restMs = ((after[1] - before[1]) - (after[0] - before[0])) / 1e6 / mib;
    System.out.printf(
        "    %-8s %-12s CPU per MiB: server %6.2f ms, client+JVM %6.2f ms"
            + " (client-bound ceiling %.0f MiB/s)%n",
        server == NODE ? "node" : "s3proxy",
        name,
        serverMs,
        restMs,
        Runtime.getRuntime().availableProcessors() * 1e3 / restMs);
  }

  /** {@code [CPU ns of the server's threads, CPU ns of the whole process]}. */
  static long[] cpu(List<String> serverPrefixes) {
    java.lang.management.ThreadMXBean tmx =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long server = 0;
    for (java.lang.management.ThreadInfo ti : tmx.getThreadInfo(tmx.getAllThreadIds())) {
      if (ti != null && serverPrefixes.stream().anyMatch(p -> ti.getThreadName().startsWith(p))) {
        server += Math.max(0, tmx.getThreadCpuTime(ti.getThreadId()));
      }
    }
    long process =
        ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    return new long[] {server, process};
  }
}
