package vn.tangthu.indexer.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.tangthu.indexer.extract.internal.ChildProtocol;
import vn.tangthu.indexer.extract.internal.ExtractorChild;
import vn.tangthu.indexer.extract.internal.FailureReasons;
import vn.tangthu.indexer.extract.internal.TikaParsing;

/**
 * Extracts text in a pool of warm child JVMs, so a hostile document can neither hang nor exhaust
 * the caller: each child has its own heap limit ({@code -Xmx}, exiting on OutOfMemoryError) and is
 * killed when a document exceeds the time limit; a replacement is started at once. Applies the same
 * text cap, zip-bomb and embedded-document limits as {@link TikaTextExtractor}. Media types are
 * detected in this JVM (detection reads only the first bytes).
 *
 * <p>Thread-safe; at most {@link ForkSettings#processes()} documents are extracted at a time,
 * further callers wait for a free child.
 */
public final class ForkedTextExtractor implements TextExtractor {

  private static final Logger LOG = LoggerFactory.getLogger(ForkedTextExtractor.class);
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final int OUT_OF_MEMORY_EXIT = 3;

  private final ExtractionLimits limits;
  private final ForkSettings settings;
  private final TikaParsing detection;
  private final LinkedBlockingQueue<Child> idle = new LinkedBlockingQueue<>();
  private final List<Child> all = new ArrayList<>();
  private final ExecutorService readers;
  private volatile boolean closed;

  /**
   * Starts the children (they warm up in the background).
   *
   * @throws IllegalStateException when a child process cannot be started
   */
  public ForkedTextExtractor(ExtractionLimits limits, ForkSettings settings) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.detection = new TikaParsing(limits.maxTextChars());
    AtomicInteger count = new AtomicInteger();
    this.readers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "forked-extract-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < settings.processes(); i++) {
      idle.add(spawn());
    }
  }

  @Override
  public ExtractionResult extract(Path file, String fileName) {
    Objects.requireNonNull(file, "file");
    Child child;
    try {
      child = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted", file, fileName);
    }
    boolean healthy = false;
    try {
      if (closed) {
        return failed("extractor is closed", file, fileName);
      }
      ExtractionResult result = child.extract(file.toAbsolutePath().toString(), fileName);
      healthy = true;
      return result;
    } catch (TimeoutException e) {
      return failed(FailureReasons.timedOut(limits.timeout()), file, fileName);
    } catch (IOException | ExecutionException e) {
      return failed(crashReason(child), file, fileName);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted", file, fileName);
    } finally {
      if (healthy) {
        idle.add(child);
      } else {
        child.kill();
        if (!closed) {
          idle.add(spawn());
        }
      }
    }
  }

  private String crashReason(Child child) {
    try {
      if (child.process.waitFor(5, TimeUnit.SECONDS)
          && child.process.exitValue() == OUT_OF_MEMORY_EXIT) {
        return FailureReasons.TOO_LARGE;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return FailureReasons.CRASHED;
  }

  private ExtractionResult failed(String reason, Path file, String fileName) {
    return new ExtractionResult(
        ExtractionResult.Status.FAILED,
        reason,
        "",
        detection.detect(file, fileName),
        null,
        null,
        false);
  }

  @Override
  public String detectMediaType(Path file, String fileName) {
    return detection.detect(Objects.requireNonNull(file, "file"), fileName);
  }

  @Override
  public void close() {
    closed = true;
    List<Child> children;
    synchronized (all) {
      children = new ArrayList<>(all);
    }
    for (Child child : children) {
      child.kill();
    }
    readers.shutdownNow();
  }

  private Child spawn() {
    List<String> command = new ArrayList<>();
    command.add(settings.javaCommand());
    command.add("-Xmx" + settings.maxHeapMb() + "m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:+UseSerialGC");
    command.add("-Xshare:auto");
    command.addAll(settings.jvmOptions());
    command.add("-cp");
    command.add(settings.classPath());
    command.add(ExtractorChild.class.getName());
    command.add(Integer.toString(limits.maxTextChars()));
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      Child child = new Child(process);
      synchronized (all) {
        all.add(child);
      }
      return child;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start an extraction process: " + command.get(0), e);
    }
  }

  /** One child process; used by one caller at a time. */
  private final class Child {
    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream responses;
    private boolean ready;

    Child(Process process) {
      this.process = process;
      this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
      this.responses = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    ExtractionResult extract(String path, String name)
        throws IOException, TimeoutException, ExecutionException, InterruptedException {
      if (!ready) {
        Future<String> hello = readers.submit((Callable<String>) responses::readUTF);
        try {
          if (!ChildProtocol.READY.equals(hello.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS))) {
            throw new IOException("extraction process did not start");
          }
        } catch (TimeoutException e) {
          hello.cancel(true);
          LOG.warn("extraction process did not start within {}", STARTUP);
          throw new IOException("extraction process did not start", e);
        }
        ready = true;
      }
      ChildProtocol.writeRequest(requests, path, name);
      Future<ExtractionResult> result = readers.submit(() -> ChildProtocol.read(responses));
      try {
        return result.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        result.cancel(true);
        throw e;
      }
    }

    void kill() {
      process.destroyForcibly();
      synchronized (all) {
        all.remove(this);
      }
    }
  }
}
