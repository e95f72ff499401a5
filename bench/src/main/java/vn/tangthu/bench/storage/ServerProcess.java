package vn.tangthu.bench.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in its own JVM on loopback: started with this JVM's class path, its endpoint
 * read from the line it prints once listening, its CPU time read from {@code /proc/<pid>/stat}
 * (utime + stime, every thread of the process: the server's whole cost, GC and JIT included).
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://[^ ]+)");

  private final String name;
  private final Process process;
  private final URI endpoint;
  private final long ticksPerSecond;

  private ServerProcess(String name, Process process, URI endpoint, long ticksPerSecond) {
    this.name = name;
    this.process = process;
    this.endpoint = endpoint;
    this.ticksPerSecond = ticksPerSecond;
  }

  /**
   * Starts {@code mainClass} in a new JVM and waits (up to 2 minutes) for its "listening on URL"
   * line.
   */
  static ServerProcess start(
      String name, String mainClass, List<String> args, Map<String, String> env, String heap)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    // e.g. BENCH_NODE_JAVA_OPTS="-XX:StartFlightRecording=filename=node.jfr" to profile one server
    String opts = System.getenv("BENCH_" + name.toUpperCase(java.util.Locale.ROOT) + "_JAVA_OPTS");
    if (opts != null && !opts.isBlank()) {
      cmd.addAll(List.of(opts.trim().split("\\s+")));
    }
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) {
      cmd.add("-Dlogback.configurationFile=" + logback);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    for (String line; System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> drain(out), name + "-output");
        drain.setDaemon(true);
        drain.start();
        return new ServerProcess(name, p, URI.create(m.group(1)), clockTicks());
      }
      System.out.println("  [" + name + "] " + line);
    }
    p.destroyForcibly();
    throw new IOException(name + " did not report its endpoint");
  }

  private static void drain(BufferedReader out) {
    try {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.contains("ERROR") || line.contains("Exception")) {
          System.out.println("  [server] " + line);
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  /** {@code getconf CLK_TCK}, 100 when it cannot be asked (the Linux default). */
  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
      String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      return Long.parseLong(v);
    } catch (IOException | NumberFormatException e) {
      return 100;
    }
  }

  String name() {
    return name;
  }

  URI endpoint() {
    return endpoint;
  }

  /** CPU time (user + system) of the whole server process so far, in nanoseconds. */
  long cpuNanos() {
    long[] split = cpuSplit();
    return split[0] + split[1];
  }

  /** {@code [user, system]} CPU time of the whole server process so far, in nanoseconds. */
  long[] cpuSplit() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      // fields after the command name, which is in parentheses and may contain spaces
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long nanosPerTick = 1_000_000_000L / ticksPerSecond;
      // utime and stime, fields 14 and 15 of stat(5)
      return new long[] {
        Long.parseLong(f[11]) * nanosPerTick, Long.parseLong(f[12]) * nanosPerTick
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
