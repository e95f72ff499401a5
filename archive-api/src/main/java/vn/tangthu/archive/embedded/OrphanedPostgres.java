package vn.tangthu.archive.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a PostgreSQL left running on our data directory by a process that died without
 * stopping it (kill -9, OOM killer, power cut of the JVM alone). The embedded PostgreSQL runs as a
 * daemon of its own, so it outlives the archive's JVM; the next start would otherwise find the
 * cluster locked by it.
 *
 * <p>A process is stopped only when it is proven ours: {@code postmaster.pid} in our data directory
 * names it, it is alive, its executable is {@code postgres} and its working directory (PostgreSQL
 * changes into its data directory) or its {@code -D} argument is our data directory. It is stopped
 * cleanly: SIGINT (fast shutdown: sessions rolled back, checkpoint written), then, if it is still
 * running after {@code fastWait}, SIGQUIT (immediate shutdown: recovery on the next start, as after
 * a crash). It is never sent SIGKILL, which would leave its backends and shared memory behind. A
 * {@code postmaster.pid} naming a live process that is not a PostgreSQL of this directory (the PID
 * was reused after a reboot) is stale and removed, as PostgreSQL would refuse to start while it
 * names a live process.
 *
 * <p>Call only while holding the {@link DataDirectory} lock: then no live Tàng Thư process owns
 * this PostgreSQL. Not thread-safe; one call per start.
 */
final class OrphanedPostgres {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostgres.class);
  static final String PID_FILE = "postmaster.pid";

  private final Path pgDir;
  private final Duration fastWait;
  private final Duration immediateWait;

  OrphanedPostgres(Path pgDir, Duration fastWait, Duration immediateWait) {
    this.pgDir = pgDir;
    this.fastWait = fastWait;
    this.immediateWait = immediateWait;
  }

  /** The default: up to 60 s for a fast shutdown, then 30 s for an immediate one. */
  static OrphanedPostgres of(Path pgDir) {
    return new OrphanedPostgres(pgDir, Duration.ofSeconds(60), Duration.ofSeconds(30));
  }

  /**
   * Stops the orphaned PostgreSQL of the data directory, if there is one.
   *
   * @return the PID that was stopped
   * @throws IllegalStateException when it would not stop even after SIGQUIT
   */
  OptionalLong stop() throws IOException {
    OptionalLong named = namedPid();
    if (named.isEmpty()) {
      return OptionalLong.empty();
    }
    long pid = named.getAsLong();
    if (pid == ProcessHandle.current().pid() || !alive(pid)) {
      return OptionalLong.empty();
    }
    Optional<Boolean> ours = isPostgresOf(pid);
    if (ours.isEmpty()) {
      LOG.warn(
          "{} names process {}, which cannot be inspected; leaving it to PostgreSQL",
          pgDir.resolve(PID_FILE),
          pid);
      return OptionalLong.empty();
    }
    if (!ours.get()) {
      removeStale(pid);
      return OptionalLong.empty();
    }
    long started = System.nanoTime();
    LOG.warn("Stopping PostgreSQL {} left running on {} by a previous process", pid, pgDir);
    if (!signal(pid, "INT") || !awaitExit(pid, fastWait)) {
      LOG.warn("PostgreSQL {} did not stop within {}: immediate shutdown", pid, fastWait);
      signal(pid, "QUIT");
      if (!awaitExit(pid, immediateWait)) {
        throw new IllegalStateException(
            "PostgreSQL "
                + pid
                + " still runs on "
                + pgDir
                + " after SIGINT and SIGQUIT; stop it, then start again");
      }
    }
    LOG.warn(
        "Stopped PostgreSQL {} in {} ms",
        pid,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    return OptionalLong.of(pid);
  }

  /**
   * Removes a {@code postmaster.pid} naming a live process that is not our PostgreSQL (PostgreSQL
   * would refuse to start while it names a live process), unless some PostgreSQL process still runs
   * in the directory: then the file's shared-memory interlock must stay for PostgreSQL to judge.
   */
  private void removeStale(long pid) throws IOException {
    if (postgresRunsHere()) {
      LOG.warn(
          "{} names process {}, which is not our PostgreSQL, but PostgreSQL processes still run"
              + " on {}; leaving it to PostgreSQL",
          pgDir.resolve(PID_FILE),
          pid,
          pgDir);
      return;
    }
    LOG.warn(
        "{} names process {}, which is not a PostgreSQL of this directory: removing the stale file",
        pgDir.resolve(PID_FILE),
        pid);
    Files.deleteIfExists(pgDir.resolve(PID_FILE));
  }

  /** Whether any {@code postgres} process works in our directory; true when we cannot tell. */
  private boolean postgresRunsHere() throws IOException {
    if (!Files.isDirectory(Path.of("/proc/self"))) {
      return true;
    }
    Path dir = pgDir.toRealPath();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .anyMatch(
              p -> {
                try {
                  return Files.readString(p.resolve("comm")).strip().equals("postgres")
                      && Files.readSymbolicLink(p.resolve("cwd")).equals(dir);
                } catch (IOException | SecurityException e) {
                  return false;
                }
              });
    }
  }

  /** The PID on the first line of {@code postmaster.pid}, if the file is there and well formed. */
  OptionalLong namedPid() throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(pgDir.resolve(PID_FILE));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
    if (lines.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long pid = Long.parseLong(lines.get(0).strip());
      return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Whether {@code pid} is a PostgreSQL server of our data directory; empty when the system does
   * not let us tell.
   */
  Optional<Boolean> isPostgresOf(long pid) throws IOException {
    Path proc = Path.of("/proc", Long.toString(pid));
    Path dir = pgDir.toRealPath();
    if (Files.isDirectory(Path.of("/proc/self"))) {
      try {
        String comm = Files.readString(proc.resolve("comm")).strip();
        Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
        return Optional.of(comm.equals("postgres") && cwd.equals(dir));
      } catch (IOException | SecurityException e) {
        return Optional.empty();
      }
    }
    ProcessHandle.Info info = ProcessHandle.of(pid).map(ProcessHandle::info).orElse(null);
    if (info == null || info.command().isEmpty() || info.arguments().isEmpty()) {
      return Optional.empty();
    }
    boolean postgres = Path.of(info.command().get()).getFileName().toString().equals("postgres");
    String[] args = info.arguments().get();
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("-D") && Path.of(args[i + 1]).toAbsolutePath().normalize().equals(dir)) {
        return Optional.of(postgres);
      }
    }
    return Optional.of(false);
  }

  /** Alive and not a zombie (an exited orphan not yet reaped still has a PID). */
  static boolean alive(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (Files.isDirectory(Path.of("/proc/self"))) {
      try {
        String s = Files.readString(stat);
        int close = s.lastIndexOf(')');
        char state = close >= 0 && close + 2 < s.length() ? s.charAt(close + 2) : '?';
        return state != 'Z' && state != 'X';
      } catch (IOException e) {
        return false;
      }
    }
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static boolean signal(long pid, String name) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + name, Long.toString(pid))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return kill.waitFor() == 0;
    } catch (IOException e) {
      // No kill(1): SIGTERM (smart shutdown) is the closest signal Java can send itself.
      return ProcessHandle.of(pid).map(ProcessHandle::destroy).orElse(false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean awaitExit(long pid, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (alive(pid)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !alive(pid);
      }
    }
    return true;
  }
}
