package vn.tangthu.signature;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.tangthu.child.ChildFailure;
import vn.tangthu.child.ChildPool;
import vn.tangthu.child.ChildProgram;
import vn.tangthu.child.ForkSettings;
import vn.tangthu.signature.internal.VerifierChild;
import vn.tangthu.signature.internal.VerifierProtocol;

/**
 * Verifies signatures in a pool of warm child JVMs ({@link ChildPool}, the same pool as the
 * indexer's forked text extraction), so a hostile document can neither hang nor exhaust the caller:
 * each child has its own heap limit ({@code -Xmx}, exiting on OutOfMemoryError) and is killed when
 * a document exceeds the time limit (or the calling thread is interrupted); a replacement is
 * started at once. Answers are the same as {@link SignatureVerifier}'s in this JVM, with the trust
 * store and the clock given here.
 *
 * <p>Thread-safe; at most {@link ForkSettings#processes()} documents are verified at a time,
 * further callers wait for a free child.
 */
public final class ForkedSignatureVerifier implements SignatureVerification {
  private final Clock clock;
  private final Duration timeout;
  private final ChildPool pool;

  /**
   * Starts the children (they receive the trust store and warm up in the background).
   *
   * @param timeout the time one document may take, after the child is warm
   * @throws IllegalStateException when a child process cannot be started
   */
  public ForkedSignatureVerifier(
      TrustStore trust, Clock clock, ForkSettings settings, Duration timeout) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.pool =
        new ChildPool(
            new ChildProgram(
                "signature",
                VerifierChild.class,
                List.of(),
                VerifierProtocol.trust(Objects.requireNonNull(trust, "trust")),
                VerifierProtocol.MAX_ANSWER),
            Objects.requireNonNull(settings, "settings"),
            timeout);
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

  @Override
  public SignatureReport verifyXml(Path file) throws SignatureFormatException, IOException {
    return run(VerifierProtocol.XMLDSIG, file, null);
  }

  /** Process ids of the live children (for monitoring and tests). */
  public List<Long> childPids() {
    return pool.childPids();
  }

  private SignatureReport run(String op, Path file, Path detached)
      throws SignatureFormatException, IOException {
    Objects.requireNonNull(file, "file");
    byte[] answer;
    try {
      answer =
          pool.call(
              VerifierProtocol.request(
                  op,
                  clock.millis(),
                  file.toAbsolutePath().toString(),
                  detached == null ? null : detached.toAbsolutePath().toString()));
    } catch (ChildFailure e) {
      throw stopped(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SignatureLimitException("Interrupted.", "Bị gián đoạn.", e);
    }
    VerifierProtocol.Answer a = VerifierProtocol.readAnswer(answer);
    if (a.report() != null) {
      return a.report();
    }
    if (a.format()) {
      throw new SignatureFormatException(a.message(), a.messageVi(), null);
    }
    throw new IOException(a.message());
  }

  private IOException stopped(ChildFailure e) {
    return switch (e.kind()) {
      case TIMED_OUT ->
          new SignatureLimitException(
              "Verifying the signatures took longer than " + timeout.toSeconds() + " s.",
              "Kiểm tra chữ ký quá " + timeout.toSeconds() + " giây.",
              e);
      case OUT_OF_MEMORY ->
          new SignatureLimitException(
              "Verifying the signatures needs more memory than allowed.",
              "Kiểm tra chữ ký cần nhiều bộ nhớ hơn mức cho phép.",
              e);
      case CRASHED ->
          new SignatureLimitException(
              "The signature verifier stopped on this file.",
              "Trình kiểm tra chữ ký bị dừng khi xử lý tệp này.",
              e);
      case CLOSED -> new IOException("the signature verifier is closed", e);
    };
  }

  @Override
  public void close() {
    pool.close();
  }
}
