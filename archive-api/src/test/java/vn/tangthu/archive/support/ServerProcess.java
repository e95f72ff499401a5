package vn.tangthu.archive.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The archive server in a child JVM ({@code -Xmx512m}, the test's class path), for tests that kill
 * it and start it again. Its log must show {@code vn.tangthu.archive.Infrastructure} at INFO, where
 * the readiness line comes from.
 */
public final class ServerProcess {

  private static final Pattern READY =
      Pattern.compile("is ready at http://localhost:(\\d+)/api/v1");

  private final Process process;
  private final Path log;
  private final int port;
  private final Duration ready;

  private ServerProcess(Process process, Path log, int port, Duration ready) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.ready = ready;
  }

  /**
   * Starts {@code server config} with its output in {@code log} and waits until it announces its
   * port; {@code started} sees the process at once, so a failing wait still leaves it to stop.
   *
   * @throws AssertionError when it exits first or is not ready {@code within}, with its log
   */
  public static ServerProcess start(
      Path config, Path log, Duration within, java.util.function.Consumer<Process> started)
      throws IOException, InterruptedException {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    long begun = System.nanoTime();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                classpath,
                "vn.tangthu.archive.ArchiveApplication",
                "server",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    started.accept(process);
    long deadline = begun + within.toNanos();
    while (true) {
      Matcher m = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (m.find()) {
        Duration ready = Duration.ofNanos(System.nanoTime() - begun);
        return new ServerProcess(process, log, Integer.parseInt(m.group(1)), ready);
      }
      assertThat(process.isAlive())
          .as("server exited before it was ready:%n%s", tail(log))
          .isTrue();
      assertThat(System.nanoTime()).as("server ready in time:%n%s", tail(log)).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** The last 40 lines of {@code log}. */
  public static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  public Process process() {
    return process;
  }

  public Path log() {
    return log;
  }

  public int port() {
    return port;
  }

  /** How long it took from start to its readiness line. */
  public Duration ready() {
    return ready;
  }
}
