package vn.tangthu.archive.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * The offline commands, run as an operator runs them (a JVM of their own), exit as soon as their
 * work is done: no thread they started (the S3 client's dispatcher, the storage node, PostgreSQL)
 * keeps the JVM alive after the last line is printed. Before the fix the MinIO SDK's OkHttp
 * dispatcher held {@code audit-verify} and {@code evidence-verify} about 60 s past their result.
 * Nor do they print the Log4j API's complaint that it has no logging provider.
 */
class CommandsExitIT {

  private static final int RECORDS = 20;

  /** Generous for a loaded 2-core machine; the bug this guards against adds about 60 s. */
  private static final Duration EXIT_WITHIN = Duration.ofSeconds(10);

  /** What the Log4j API prints when nothing routes it to SLF4J (POI logs through it). */
  static final String LOG4J_NOISE = "Log4j API could not find a logging provider";

  @TempDir static Path tmp;
  static Path config;

  @BeforeAll
  static void archiveWithSealedRecords() throws Exception {
    Path data = tmp.resolve("data");
    try (RunningArchive archive = RunningArchive.start(data)) {
      String admin = archive.adminToken();
      assertThat(
              archive.postJson("agencies", admin, "{\"code\":\"CX\",\"name\":\"CX\"}").statusCode())
          .isEqualTo(201);
      for (int i = 1; i <= RECORDS; i++) {
        var r =
            archive.upload(
                "records",
                admin,
                new Multipart()
                    .json("metadata", "{\"agencyCode\":\"CX\",\"subject\":\"Văn bản " + i + "\"}")
                    .bytes(
                        "file",
                        ("Quyết định số " + i + " về việc lưu trữ hồ sơ điện tử.")
                            .getBytes(StandardCharsets.UTF_8),
                        "qd-" + i + ".txt"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      }
      archive.wiring().evidence().runOnce(); // the run at start-up may have sealed some already
      int sealed =
          archive
              .wiring()
              .jdbi()
              .withHandle(
                  h -> h.select("SELECT count(*) FROM record_evidence").mapTo(Integer.class).one());
      assertThat(sealed).isEqualTo(RECORDS);
    }
    config = tmp.resolve("config.yml");
    Files.writeString(
        config,
        "dataDir: "
            + data
            + "\nstorage:\n  embeddedPort: 0\nlogging:\n  level: WARN\n"
            + "  loggers:\n    vn.tangthu: INFO\n");
  }

  @Test
  void auditVerifyExitsOnceItHasPrintedItsResult() throws Exception {
    Run run = command(l -> l.startsWith("{\"valid\":true"), "audit-verify", config.toString());
    assertThat(run.exitCode).as(run.output()).isZero();
    assertThat(run.tail()).as(run.output()).isLessThan(EXIT_WITHIN);
    assertThat(run.output()).doesNotContain(LOG4J_NOISE);
  }

  @Test
  void evidenceVerifyExitsOnceItHasPrintedItsResult() throws Exception {
    Run run =
        command(
            l -> l.equals(RECORDS + " record(s) checked, 0 FAILED"),
            "evidence-verify",
            config.toString());
    assertThat(run.exitCode).as(run.output()).isZero();
    assertThat(run.tail()).as(run.output()).isLessThan(EXIT_WITHIN);
    assertThat(run.output()).doesNotContain(LOG4J_NOISE);
  }

  /** What one command printed, and when it printed its result and when it exited. */
  private static final class Run {
    final List<String> lines = new ArrayList<>();
    long resultAt;
    long exitedAt;
    int exitCode;

    Duration tail() {
      assertThat(resultAt).as("the result line was printed:%n%s", output()).isPositive();
      return Duration.ofNanos(exitedAt - resultAt);
    }

    String output() {
      return String.join("\n", lines);
    }
  }

  /** Runs {@code args} in a JVM of its own, noting when a line matching {@code result} appears. */
  private static Run command(Predicate<String> result, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    cmd.add("vn.tangthu.archive.ArchiveApplication");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Run run = new Run();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        run.lines.add(line);
        if (run.resultAt == 0 && result.test(line.strip())) {
          run.resultAt = System.nanoTime();
        }
      }
    } catch (IOException e) {
      p.destroyForcibly();
      throw e;
    }
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the command did not exit:\n" + run.output());
    }
    run.exitedAt = System.nanoTime();
    run.exitCode = p.exitValue();
    return run;
  }
}
