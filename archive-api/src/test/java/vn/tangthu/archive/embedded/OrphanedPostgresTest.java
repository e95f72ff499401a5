package vn.tangthu.archive.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start does with the {@code postmaster.pid} it finds: it stops only a {@code postgres}
 * process working in its own data directory (here a look-alike; a real PostgreSQL in {@code
 * CrashRestartIT}), and never signals any other process a stale file names.
 */
class OrphanedPostgresTest {

  @TempDir Path pg;
  @TempDir Path bin;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopStarted() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void aLiveProcessThatIsNotOurPostgresIsLeftAloneAndItsStaleFileRemoved() throws Exception {
    // Same working directory as a postmaster of ours would have, but not a postgres.
    Process other = start("sleep", pg);
    writePidFile(other.pid());

    assertThat(orphans().stop()).isEmpty();

    assertThat(other.isAlive()).as("an unrelated process is never signalled").isTrue();
    assertThat(pg.resolve("postmaster.pid")).as("stale file").doesNotExist();
  }

  @Test
  void aPostgresWorkingInOurDirectoryIsStoppedWithSigint() throws Exception {
    Process orphan = start(postgresLookalike(), pg);
    writePidFile(orphan.pid());

    assertThat(orphans().stop()).hasValue(orphan.pid());

    assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(orphan.exitValue()).as("stopped by SIGINT, not SIGQUIT").isEqualTo(130);
  }

  @Test
  void aPostgresWorkingElsewhereIsNotOurs() throws Exception {
    Process elsewhere = start(postgresLookalike(), bin);
    writePidFile(elsewhere.pid());

    assertThat(orphans().stop()).isEmpty();

    assertThat(elsewhere.isAlive()).isTrue();
  }

  @Test
  void theStaleFileStaysWhilePostgresProcessesStillWorkHere() throws Exception {
    Process unrelated = start("sleep", bin);
    Process backend = start(postgresLookalike(), pg);
    writePidFile(unrelated.pid());

    assertThat(orphans().stop()).isEmpty();

    assertThat(unrelated.isAlive()).isTrue();
    assertThat(backend.isAlive()).as("a leftover backend is PostgreSQL's to judge").isTrue();
    assertThat(pg.resolve("postmaster.pid")).as("its shared-memory interlock").exists();
  }

  @Test
  void ourOwnProcessIsNeverAnOrphan() throws Exception {
    writePidFile(ProcessHandle.current().pid());

    assertThat(orphans().stop()).isEmpty();

    assertThat(pg.resolve("postmaster.pid")).exists();
  }

  @Test
  void aDeadProcessIsLeftToPostgresql() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    writePidFile(gone.pid());

    assertThat(orphans().stop()).isEmpty();

    assertThat(pg.resolve("postmaster.pid")).as("PostgreSQL handles its own stale file").exists();
  }

  @Test
  void noFileOrAGarbledOneMeansNothingToStop() throws Exception {
    assertThat(orphans().stop()).isEmpty();
    Files.writeString(pg.resolve("postmaster.pid"), "not a pid\n");
    assertThat(orphans().stop()).isEmpty();
    Files.writeString(pg.resolve("postmaster.pid"), "");
    assertThat(orphans().stop()).isEmpty();
  }

  /**
   * A copy of perl named postgres (the kernel names its process {@code postgres}) that exits 130 on
   * SIGINT and 131 on SIGQUIT, even where the test runs with those signals ignored.
   */
  private String postgresLookalike() throws Exception {
    Path postgres = bin.resolve("postgres");
    if (!Files.exists(postgres)) {
      Files.copy(Path.of("/usr/bin/perl"), postgres);
      postgres.toFile().setExecutable(true);
    }
    return postgres.toString();
  }

  private Process start(String command, Path workingDirectory) throws Exception {
    List<String> args =
        command.equals("sleep")
            ? List.of("sleep", "300")
            : List.of(
                command,
                "-e",
                "$SIG{INT} = sub { exit 130 }; $SIG{QUIT} = sub { exit 131 }; sleep 300");
    Process p = new ProcessBuilder(args).directory(workingDirectory.toFile()).start();
    started.add(p);
    return p;
  }

  private OrphanedPostgres orphans() {
    return new OrphanedPostgres(pg, Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  private void writePidFile(long pid) throws Exception {
    Files.writeString(
        pg.resolve("postmaster.pid"),
        pid + "\n" + pg + "\n1700000000\n5432\n\n127.0.0.1\n  1234   5678\nready   \n");
  }
}
