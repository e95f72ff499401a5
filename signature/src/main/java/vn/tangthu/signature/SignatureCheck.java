package vn.tangthu.signature;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.Objects;

/**
 * The verification result of one signature or document timestamp: one element of the contract's
 * {@code signature.signatures} array. Field names are the contract's; immutable and serialisable.
 *
 * @param kind what was signed and how
 * @param integrity whether the signed bytes are unchanged (only the bytes the signer signed)
 * @param trust whether the signer certificate chains to a trust anchor at {@code signingTime}
 * @param timestamp the state of the signature's RFC 3161 timestamp (for a document timestamp: of
 *     itself)
 * @param coversWholeDocument whether the signature covers the whole file as archived
 * @param changesAfter for PDFs, what later incremental updates changed; {@code NONE} otherwise
 * @param signer the signer certificate's subject common name, or {@code null} when unknown
 * @param signingTime the time of a valid trusted timestamp, else the claimed signing time, or
 *     {@code null}
 * @param message why, in plain English
 * @param messageVi why, in plain Vietnamese
 */
public record SignatureCheck(
    SignatureKind kind,
    Integrity integrity,
    Trust trust,
    TimestampStatus timestamp,
    boolean coversWholeDocument,
    ChangesAfter changesAfter,
    String signer,
    @JsonFormat(shape = JsonFormat.Shape.STRING) Instant signingTime,
    String message,
    String messageVi) {

  /** Validates that every enumerated field and both messages are present. */
  public SignatureCheck {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(integrity, "integrity");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(changesAfter, "changesAfter");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(messageVi, "messageVi");
  }

  /** Returns a copy with another {@code changesAfter} and messages. */
  public SignatureCheck withChangesAfter(
      ChangesAfter changes, String extraMessage, String extraMessageVi) {
    return new SignatureCheck(
        kind,
        integrity,
        trust,
        timestamp,
        coversWholeDocument,
        changes,
        signer,
        signingTime,
        join(message, extraMessage),
        join(messageVi, extraMessageVi));
  }

  private static String join(String a, String b) {
    if (b == null || b.isEmpty()) {
      return a;
    }
    return a.isEmpty() ? b : a + " " + b;
  }
}
