package vn.tangthu.signature;

import java.util.List;
import java.util.Objects;

/**
 * The contract's {@code signature} object: an overall {@link SignatureStatus} and one {@link
 * SignatureCheck} per signature and document timestamp. Immutable; the status always follows the
 * contract's rule ({@link #statusOf}), which the constructor enforces.
 *
 * @param status the overall verdict, consistent with {@code signatures}
 * @param signatures every signature found, in document order
 */
public record SignatureReport(SignatureStatus status, List<SignatureCheck> signatures) {

  /**
   * Validates the report.
   *
   * @throws IllegalArgumentException if {@code status} does not follow the contract's rule
   */
  public SignatureReport {
    Objects.requireNonNull(status, "status");
    signatures = List.copyOf(signatures);
    if (status != statusOf(signatures)) {
      throw new IllegalArgumentException(
          "status "
              + status
              + " does not follow from the signatures ("
              + statusOf(signatures)
              + ")");
    }
  }

  /** A report over {@code signatures} whose status is computed by the contract's rule. */
  public static SignatureReport of(List<SignatureCheck> signatures) {
    return new SignatureReport(statusOf(signatures), signatures);
  }

  /** The report of a document without any signature. */
  public static SignatureReport notSigned() {
    return of(List.of());
  }

  /**
   * The contract's rule: {@code INVALID} if any integrity is {@code BROKEN} or any timestamp {@code
   * INVALID}; else {@code VALID} if every signature is {@code INTACT} and {@code TRUSTED} with
   * {@code changesAfter} not {@code DISALLOWED}; else {@code INDETERMINATE}; {@code NOT_SIGNED}
   * when there is none.
   */
  public static SignatureStatus statusOf(List<SignatureCheck> signatures) {
    if (signatures.isEmpty()) {
      return SignatureStatus.NOT_SIGNED;
    }
    boolean invalid =
        signatures.stream()
            .anyMatch(
                s -> s.integrity() == Integrity.BROKEN || s.timestamp() == TimestampStatus.INVALID);
    if (invalid) {
      return SignatureStatus.INVALID;
    }
    boolean valid =
        signatures.stream()
            .allMatch(
                s ->
                    s.integrity() == Integrity.INTACT
                        && s.trust() == Trust.TRUSTED
                        && s.changesAfter() != ChangesAfter.DISALLOWED);
    return valid ? SignatureStatus.VALID : SignatureStatus.INDETERMINATE;
  }
}
