package vn.tangthu.archive.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start does with the {@code postmaster.pid} it finds: it stops only a PostgreSQL of its own
 * data directory (covered with a real one by {@code CrashRestartIT}); any other process a stale
 * file names is left running.
 */
class OrphanedPostgresTest {

  @TempDir Path pg;
  private Process other;

  @AfterEach
  void stopOther() {
    if (other != null) {
      other.destroyForcibly();
    }
  }

  @Test
  void aLiveProcessThatIsNotOurPostgresIsLeftAloneAndItsStaleFileRemoved() throws Exception {
    // Same working directory as a postmaster of ours would have, but not a postgres.
    other = new ProcessBuilder("sleep", "300").directory(pg.toFile()).start();
    writePidFile(other.pid());

    assertThat(orphans().stop()).isEmpty();

    assertThat(other.isAlive()).as("an unrelated process is never signalled").isTrue();
    assertThat(pg.resolve("postmaster.pid")).as("stale file").doesNotExist();
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

  private OrphanedPostgres orphans() {
    return new OrphanedPostgres(pg, Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  private void writePidFile(long pid) throws Exception {
    Files.writeString(
        pg.resolve("postmaster.pid"),
        pid + "\n" + pg + "\n1700000000\n5432\n\n127.0.0.1\n  1234   5678\nready   \n");
  }
}
