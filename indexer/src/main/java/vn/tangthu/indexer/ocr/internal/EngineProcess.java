package vn.tangthu.indexer.ocr.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs one external command to completion with its input given as bytes, its output captured up to
 * a cap, a wall-clock limit and a cancellation check. On the limit or on cancellation the process
 * and every process it started are killed. Uses the given executor for the three pipe copies (so
 * the command can neither block on a full pipe nor make the caller wait past the limit).
 * Thread-safe: each call runs its own process.
 */
public final class EngineProcess {

  /** How often the cancellation is checked while the process runs. */
  private static final long POLL_MILLIS = 50;

  private static final int MAX_STDERR = 16 * 1024;

  private final ExecutorService pipes;

  public EngineProcess(ExecutorService pipes) {
    this.pipes = pipes;
  }

  /** How a run ended. */
  public enum End {
    EXITED,
    NOT_STARTED,
    TIMED_OUT,
    CANCELLED,
    OUTPUT_TOO_LARGE,
    PIPE_FAILED
  }

  /**
   * The end of a run.
   *
   * @param exitCode the exit code when {@link End#EXITED}, else -1
   * @param stdout what the process wrote to standard output (when EXITED)
   * @param stderr the start of its standard error, for messages
   */
  public record Outcome(End end, int exitCode, byte[] stdout, String stderr) {}

  /**
   * Runs {@code command}, writing {@code input} to its standard input.
   *
   * @param environment variables added to this process's environment
   * @param maxOutput standard output beyond this many bytes ends the run (OUTPUT_TOO_LARGE)
   */
  public Outcome run(
      List<String> command,
      Map<String, String> environment,
      byte[] input,
      Duration limit,
      int maxOutput,
      BooleanSupplier cancelled) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Outcome(End.NOT_STARTED, -1, new byte[0], String.valueOf(e.getMessage()));
    }
    Future<?> writer = pipes.submit(() -> write(process.getOutputStream(), input));
    Future<byte[]> stdout =
        pipes.submit(() -> readCapped(process.getInputStream(), maxOutput, false));
    Future<byte[]> stderr =
        pipes.submit(() -> readCapped(process.getErrorStream(), MAX_STDERR, true));
    try {
      End end = await(process, limit, cancelled);
      if (end != End.EXITED) {
        return new Outcome(end, -1, new byte[0], "");
      }
      byte[] out = stdout.get(limit.toMillis() + 1000, TimeUnit.MILLISECONDS);
      if (out == null) {
        return new Outcome(End.OUTPUT_TOO_LARGE, -1, new byte[0], "");
      }
      byte[] err = stderr.get(1000, TimeUnit.MILLISECONDS);
      return new Outcome(
          End.EXITED, process.exitValue(), out, new String(err, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(End.CANCELLED, -1, new byte[0], "");
    } catch (ExecutionException | TimeoutException e) {
      return new Outcome(End.PIPE_FAILED, -1, new byte[0], String.valueOf(e));
    } finally {
      kill(process);
      writer.cancel(true);
      stdout.cancel(true);
      stderr.cancel(true);
    }
  }

  private static End await(Process process, Duration limit, BooleanSupplier cancelled)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      if (cancelled.getAsBoolean()) {
        return End.CANCELLED;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return End.TIMED_OUT;
      }
      long wait = Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, POLL_MILLIS);
      if (process.waitFor(wait, TimeUnit.MILLISECONDS)) {
        return End.EXITED;
      }
    }
  }

  /** Kills the process and everything it started (a wrapper's child would otherwise live on). */
  private static void kill(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static Void write(OutputStream stdin, byte[] input) {
    try (OutputStream out = stdin) {
      out.write(input);
    } catch (IOException e) {
      // the process ended without reading everything; its exit code tells why
    }
    return null;
  }

  /**
   * The whole stream, or null when it exceeds {@code max} bytes; with {@code drain}, the first
   * {@code max} bytes, the rest read and dropped (so the process never blocks on the pipe).
   */
  private static byte[] readCapped(InputStream stream, int max, boolean drain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = stream) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (out.size() + n > max) {
          if (!drain) {
            return null;
          }
          out.write(buffer, 0, max - out.size());
          while (in.read(buffer) >= 0) {
            // dropped
          }
          break;
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // the process was killed; what was read so far is not used
    }
    return out.toByteArray();
  }
}
