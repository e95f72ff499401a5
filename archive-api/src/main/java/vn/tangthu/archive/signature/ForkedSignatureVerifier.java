package vn.tangthu.archive.signature;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import vn.tangthu.archive.signature.internal.VerifierChild;
import vn.tangthu.archive.signature.internal.VerifierProtocol;
import vn.tangthu.indexer.extract.ForkSettings;

/**
 * Verifies signatures in a pool of warm child JVMs (the same approach as the indexer's forked text
 * extraction), so a hostile document can neither hang nor exhaust the caller: each child has its
 * own heap limit ({@code -Xmx}, exiting on OutOfMemoryError) and is killed when a document exceeds
 * the time limit (or the calling thread is interrupted); a replacement is started at once. Answers
 * are the same as {@link SignatureVerifier}'s in this JVM, with the trust store and the clock given
 * here.
 *
 * <p>Thread-safe; at most {@link ForkSettings#processes()} documents are verified at a time,
 * further callers wait for a free child.
 */
public final class ForkedSignatureVerifier implements SignatureVerification {
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final int OUT_OF_MEMORY_EXIT = 3;

  private final TrustStore trust;
  private final Clock clock;
  private final ForkSettings settings;
  private final Duration timeout;
  private final LinkedBlockingQueue<Child> idle = new LinkedBlockingQueue<>();
  private final List<Child> all = new ArrayList<>();
  private final ExecutorService readers;
  private volatile boolean closed;

  /**
   * Starts the children (they warm up in the background).
   *
   * @param timeout the time one document may take, after the child is warm
   * @throws IllegalStateException when a child process cannot be started
   */
  public ForkedSignatureVerifier(
      TrustStore trust, Clock clock, ForkSettings settings, Duration timeout) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    AtomicInteger count = new AtomicInteger();
    this.readers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "forked-signature-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < settings.processes(); i++) {
      idle.add(spawn());
    }
  }

  @Override
  public SignatureReport verifyPdf(Path pdfFile) throws SignatureFormatException, IOException {
    return run(VerifierProtocol.PDF, pdfFile, null);
  }

  @Override
  public SignatureReport verifyCms(Path cmsFile, Optional<Path> detachedContent)
      throws SignatureFormatException, IOException {
    return run(VerifierProtocol.CMS, cmsFile, detachedContent.orElse(null));
  }

  @Override
  public SignatureReport verifyOoxml(Path file) throws SignatureFormatException, IOException {
    return run(VerifierProtocol.OOXML, file, null);
  }

  /** Process ids of the live children (for monitoring and tests). */
  public List<Long> childPids() {
    synchronized (all) {
      return all.stream().map(c -> c.process.pid()).toList();
    }
  }

  private SignatureReport run(String op, Path file, Path detached)
      throws SignatureFormatException, IOException {
    Objects.requireNonNull(file, "file");
    Child child;
    try {
      child = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SignatureLimitException("Interrupted.", "Bị gián đoạn.", e);
    }
    boolean healthy = false;
    try {
      if (closed) {
        throw new IOException("the signature verifier is closed");
      }
      VerifierProtocol.Answer a =
          child.verify(
              op,
              file.toAbsolutePath().toString(),
              detached == null ? null : detached.toAbsolutePath().toString());
      healthy = true;
      if (a.report() != null) {
        return a.report();
      }
      if (a.format()) {
        throw new SignatureFormatException(a.message(), a.messageVi(), null);
      }
      throw new IOException(a.message());
    } catch (TimeoutException e) {
      throw new SignatureLimitException(
          "Verifying the signatures took longer than " + timeout.toSeconds() + " s.",
          "Kiểm tra chữ ký quá " + timeout.toSeconds() + " giây.",
          e);
    } catch (ExecutionException | IOException e) {
      if (healthy || e instanceof SignatureLimitException) {
        throw e instanceof IOException io ? io : new IOException(e);
      }
      throw crash(child, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SignatureLimitException("Interrupted.", "Bị gián đoạn.", e);
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

  private SignatureLimitException crash(Child child, Exception cause) {
    try {
      if (child.process.waitFor(5, TimeUnit.SECONDS)
          && child.process.exitValue() == OUT_OF_MEMORY_EXIT) {
        return new SignatureLimitException(
            "Verifying the signatures needs more memory than allowed.",
            "Kiểm tra chữ ký cần nhiều bộ nhớ hơn mức cho phép.",
            cause);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new SignatureLimitException(
        "The signature verifier stopped on this file.",
        "Trình kiểm tra chữ ký bị dừng khi xử lý tệp này.",
        cause);
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
    command.add(VerifierChild.class.getName());
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      Child child = new Child(process);
      synchronized (all) {
        all.add(child);
      }
      return child;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a signature process: " + command.get(0), e);
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

    VerifierProtocol.Answer verify(String op, String path, String detached)
        throws IOException, TimeoutException, ExecutionException, InterruptedException {
      if (!ready) {
        VerifierProtocol.writeTrust(requests, trust);
        Future<String> hello =
            readers.submit((java.util.concurrent.Callable<String>) responses::readUTF);
        try {
          if (!VerifierProtocol.READY.equals(
              hello.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS))) {
            throw new IOException("signature process did not start");
          }
        } catch (TimeoutException e) {
          hello.cancel(true);
          throw new IOException("signature process did not start", e);
        }
        ready = true;
      }
      VerifierProtocol.writeRequest(requests, op, clock.millis(), path, detached);
      Future<VerifierProtocol.Answer> answer =
          readers.submit(() -> VerifierProtocol.readAnswer(responses));
      try {
        return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | InterruptedException e) {
        answer.cancel(true);
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
