package vn.tangthu.bench.storage;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;

/**
 * CPU time of a server's process (from {@code /proc}) and of this client JVM around a phase,
 * printed per operation or per MiB; the client's share bounds what any server can reach on this
 * machine ({@code cores / client CPU per op}).
 */
final class CpuMeter {
  private final ServerProcess server;
  private long serverBefore;
  private long clientBefore;

  private CpuMeter(ServerProcess server) {
    this.server = server;
    this.serverBefore = server.cpuNanos();
    this.clientBefore = clientNanos();
  }

  /** Starts measuring the CPU time of {@code server} and of this JVM. */
  static CpuMeter start(ServerProcess server) {
    return new CpuMeter(server);
  }

  /** {@code [server ns, client ns]} since the start (or the previous call). */
  long[] lap() {
    long s = server.cpuNanos();
    long c = clientNanos();
    long[] lap = {s - serverBefore, c - clientBefore};
    serverBefore = s;
    clientBefore = c;
    return lap;
  }

  /** This JVM's CPU time (the client, its JIT and GC). */
  static long clientNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * A timed phase on every client thread.
   *
   * @return {@code [ops/s (MiB/s when the row's unit says so, for 1 MiB objects), server CPU µs per
   *     operation]}
   */
  static double[] metered(
      Workload workload, int seconds, ServerProcess server, Callable<Void> op, Row row)
      throws Exception {
    CpuMeter meter = start(server);
    long kernelBefore = server.cpuSplit()[1];
    long start = System.nanoTime();
    double rate = workload.timedOps(op, seconds);
    double wall = (System.nanoTime() - start) / 1e9;
    long kernel = server.cpuSplit()[1] - kernelBefore;
    long[] lap = meter.lap();
    double ops = rate * wall;
    double serverUs = lap[0] / 1e3 / ops;
    double clientUs = lap[1] / 1e3 / ops;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        "    %-8s %-12s %8.1f ops/s  CPU per op: server %7.0f us (kernel %5.0f), client %7.0f us"
            + " (client-bound ceiling %.0f ops/s)%n",
        server.name(),
        row.name(),
        rate,
        serverUs,
        kernel / 1e3 / ops,
        clientUs,
        cores * 1e6 / clientUs);
    return new double[] {rate, serverUs};
  }

  /** Prints the CPU per MiB of a large phase; returns the server's milliseconds per MiB. */
  double largeLap(String name, double mib) {
    long[] lap = lap();
    double serverMs = lap[0] / 1e6 / mib;
    double clientMs = lap[1] / 1e6 / mib;
    System.out.printf(
        "    %-8s %-12s CPU per MiB: server %6.2f ms, client %6.2f ms"
            + " (client-bound ceiling %.0f MiB/s)%n",
        server.name(),
        name,
        serverMs,
        clientMs,
        Runtime.getRuntime().availableProcessors() * 1e3 / clientMs);
    return serverMs;
  }
}
