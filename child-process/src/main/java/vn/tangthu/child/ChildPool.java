package vn.tangthu.child;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool of warm child JVMs running one {@link ChildProgram}, so that hostile work can neither hang
 * nor exhaust the caller. The contract:
 *
 * <ul>
 *   <li>The constructor starts {@link ForkSettings#processes()} children; they start and prepare
 *       ({@link ChildLoop.Setup}) in the background. Each runs with its own heap limit ({@code
 *       -Xmx}) and {@code -XX:+ExitOnOutOfMemoryError}.
 *   <li>{@link #call} sends a request to an idle child and returns its answer. A child serves one
 *       request at a time; callers beyond the pool's size wait for a free child.
 *   <li>A child that does not answer within the time limit (counted from the request; a new child
 *       may first take up to {@link #STARTUP} to become ready), or whose caller is interrupted, is
 *       killed and a new one started in its place; the caller gets {@link
 *       ChildFailure.Kind#TIMED_OUT} or {@link InterruptedException}.
 *   <li>A child that exits on {@code OutOfMemoryError} is reported as {@link
 *       ChildFailure.Kind#OUT_OF_MEMORY}, one that dies otherwise or breaks the protocol as {@link
 *       ChildFailure.Kind#CRASHED}; either is replaced. A child that cannot be started is retried
 *       at the next request, so the pool never shrinks.
 *   <li>{@link #close} kills every child; calls then fail with {@link ChildFailure.Kind#CLOSED},
 *       including those waiting for a child.
 * </ul>
 *
 * <p>Several pools (with their own program, settings and time limit) may run side by side; they
 * share no child and no thread. Thread-safe.
 */
public final class ChildPool implements AutoCloseable {
  /** How long a new child may take to start and prepare, counted from its first request. */
  public static final Duration STARTUP = Duration.ofSeconds(120);

  private static final Logger LOG = LoggerFactory.getLogger(ChildPool.class);

  /** The exit status of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
  private static final int OUT_OF_MEMORY_EXIT = 3;

  private final ChildProgram program;
  private final ForkSettings settings;
  private final Duration timeout;
  private final LinkedBlockingQueue<Child> idle = new LinkedBlockingQueue<>();
  private final List<Child> all = new ArrayList<>();
  private final ExecutorService readers;
  private final Child closedMarker = new Child(new IOException("the pool is closed"));
  private volatile boolean closed;

  /**
   * Starts the children (they warm up in the background).
   *
   * @param timeout the time one request may take, once its child is ready
   * @throws IllegalArgumentException if {@code timeout} is not positive
   * @throws IllegalStateException when a child process cannot be started
   */
  public ChildPool(ChildProgram program, ForkSettings settings, Duration timeout) {
    this.program = Objects.requireNonNull(program, "program");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    AtomicInteger count = new AtomicInteger();
    this.readers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "child-" + program.name() + "-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      for (int i = 0; i < settings.processes(); i++) {
        idle.add(spawn());
      }
    } catch (IOException e) {
      close();
      throw new IllegalStateException(
          "cannot start a " + program.name() + " process: " + settings.javaCommand(), e);
    }
  }

  /**
   * Sends {@code request} to an idle child (waiting for one if all are busy) and returns its
   * answer.
   *
   * @throws ChildFailure if the child gave no answer (it has then been replaced) or the pool is
   *     closed
   * @throws InterruptedException if the caller was interrupted (a child it was using has been
   *     killed and replaced)
   */
  public byte[] call(byte[] request) throws ChildFailure, InterruptedException {
    Objects.requireNonNull(request, "request");
    Child child = take();
    boolean healthy = false;
    try {
      byte[] answer = child.exchange(request);
      healthy = true;
      return answer;
    } catch (TimeoutException e) {
      throw failure(ChildFailure.Kind.TIMED_OUT, "no answer within " + timeout, e);
    } catch (IOException | ExecutionException e) {
      boolean outOfMemory = !closed && child.exitedOutOfMemory();
      throw outOfMemory
          ? failure(ChildFailure.Kind.OUT_OF_MEMORY, "the child ran out of memory", e)
          : failure(ChildFailure.Kind.CRASHED, "the child stopped: " + child.exit(), e);
    } finally {
      if (healthy) {
        idle.add(child);
      } else {
        replace(child);
      }
    }
  }

  /** Process ids of the live children (for monitoring and tests). */
  public List<Long> childPids() {
    synchronized (all) {
      return all.stream().map(c -> c.process.pid()).toList();
    }
  }

  /** Kills every child. Calls in progress and later calls fail with {@code CLOSED}. */
  @Override
  public void close() {
    List<Child> children;
    synchronized (all) {
      closed = true;
      children = new ArrayList<>(all);
    }
    for (Child child : children) {
      child.kill();
    }
    idle.add(closedMarker);
    readers.shutdownNow();
  }

  private Child take() throws ChildFailure, InterruptedException {
    if (closed) {
      throw failure(ChildFailure.Kind.CLOSED, "the pool is closed", null);
    }
    Child child = idle.take();
    if (child == closedMarker) {
      idle.add(closedMarker);
      throw failure(ChildFailure.Kind.CLOSED, "the pool is closed", null);
    }
    return child;
  }

  private ChildFailure failure(ChildFailure.Kind kind, String message, Throwable cause) {
    ChildFailure.Kind reported = closed ? ChildFailure.Kind.CLOSED : kind;
    return new ChildFailure(reported, program.name() + ": " + message, cause);
  }

  private void replace(Child child) {
    child.kill();
    if (closed) {
      return;
    }
    try {
      idle.add(spawn());
    } catch (IOException | RejectedExecutionException e) {
      LOG.warn(
          "Cannot start a {} process ({}); retrying at the next request",
          program.name(),
          String.valueOf(e));
      idle.add(new Child(e instanceof IOException io ? io : new IOException(e)));
    }
  }

  private Child spawn() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(settings.javaCommand());
    command.add("-Xmx" + settings.maxHeapMb() + "m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:+UseSerialGC");
    command.add("-Xshare:auto");
    command.addAll(settings.jvmOptions());
    command.add("-cp");
    command.add(settings.classPath());
    command.add(program.mainClass().getName());
    command.addAll(program.args());
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Child child = new Child(process);
    synchronized (all) {
      all.add(child);
    }
    if (closed) {
      child.kill();
    } else {
      child.greet();
    }
    return child;
  }

  /**
   * One child process, or a placeholder for one that could not be started; one caller at a time.
   */
  private final class Child {
    private final Process process;
    private final IOException startFailure;
    private final DataOutputStream requests;
    private final DataInputStream responses;
    private Future<?> ready = CompletableFuture.failedFuture(new IOException("not started"));
    private boolean warm;

    Child(Process process) {
      this.process = process;
      this.startFailure = null;
      this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
      this.responses = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    Child(IOException startFailure) {
      this.process = null;
      this.startFailure = startFailure;
      this.requests = null;
      this.responses = null;
    }

    /** Sends the greeting and waits for the ready frame, in the background. */
    void greet() {
      byte[] greeting = program.greeting();
      ready =
          readers.submit(
              () -> {
                Frames.write(requests, greeting);
                byte[] hello = Frames.read(responses, Frames.READY.length);
                if (!Arrays.equals(hello, Frames.READY)) {
                  throw new IOException("the child did not say it was ready");
                }
                return null;
              });
    }

    byte[] exchange(byte[] request)
        throws IOException, TimeoutException, ExecutionException, InterruptedException {
      if (process == null) {
        throw new IOException("no process", startFailure);
      }
      awaitReady();
      Future<byte[]> answer;
      try {
        answer =
            readers.submit(
                () -> {
                  Frames.write(requests, request);
                  return Frames.read(responses, program.maxAnswerBytes());
                });
      } catch (RejectedExecutionException e) {
        throw new IOException("the pool is closed", e);
      }
      try {
        return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | InterruptedException e) {
        answer.cancel(true);
        throw e;
      }
    }

    private void awaitReady() throws IOException, ExecutionException, InterruptedException {
      if (warm) {
        return;
      }
      try {
        ready.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        ready.cancel(true);
        LOG.warn("A {} process did not start within {}", program.name(), STARTUP);
        throw new IOException("the child did not start within " + STARTUP, e);
      } catch (ExecutionException e) {
        LOG.warn(
            "A {} process did not start: {}, {}",
            program.name(),
            exit(),
            String.valueOf(e.getCause()));
        throw e;
      }
      warm = true;
    }

    /** Whether the process exited (within a few seconds) with the out-of-memory status. */
    boolean exitedOutOfMemory() {
      try {
        return process != null
            && process.waitFor(5, TimeUnit.SECONDS)
            && process.exitValue() == OUT_OF_MEMORY_EXIT;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    /** How the process ended, for messages (waits a moment for a dying process). */
    String exit() {
      if (process == null) {
        return "not started (" + startFailure.getMessage() + ")";
      }
      try {
        return process.waitFor(1, TimeUnit.SECONDS)
            ? "exit status " + process.exitValue()
            : "still running";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "unknown";
      }
    }

    void kill() {
      if (process == null) {
        return;
      }
      process.destroyForcibly();
      synchronized (all) {
        all.remove(this);
      }
    }
  }
}
