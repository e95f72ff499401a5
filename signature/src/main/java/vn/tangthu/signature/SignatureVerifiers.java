package vn.tangthu.signature;

import java.time.Clock;
import java.time.Duration;
import vn.tangthu.child.ForkSettings;

/** Builds the configured {@link SignatureVerification}. */
public final class SignatureVerifiers {
  private SignatureVerifiers() {}

  /**
   * A verifier in child JVMs ({@code isolation} {@code fork}: {@code processes} children of {@code
   * heapMb} MB each, running this JVM's {@code java} and class path) or in this JVM ({@code
   * in-process}).
   *
   * @throws IllegalArgumentException for another isolation
   */
  public static SignatureVerification create(
      String isolation,
      int heapMb,
      int processes,
      TrustStore trust,
      Clock clock,
      Duration timeout) {
    return switch (isolation) {
      case "fork" ->
          new ForkedSignatureVerifier(
              trust, clock, ForkSettings.fromThisJvm(processes, heapMb), timeout);
      case "in-process" -> new SignatureVerifier(trust, clock);
      default -> throw new IllegalArgumentException("isolation must be fork or in-process");
    };
  }
}
