package vn.tangthu.archive.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.signature.SignatureCheck;
import vn.tangthu.signature.SignatureFormatException;
import vn.tangthu.signature.SignatureLimitException;
import vn.tangthu.signature.SignatureReport;
import vn.tangthu.signature.SignatureStatus;
import vn.tangthu.signature.SignatureVerification;

/**
 * Finds and verifies the signatures of an upload at ingest, under a time limit, and applies the
 * agency's signature policy. A detached signature sent by the client must be a readable CMS (else
 * 422); a document that is itself a signature container ({@code .p7m}/{@code .p7s}) too. A document
 * whose format merely cannot be parsed for signatures (a corrupt PDF) is stored as not signed: the
 * archive keeps what it was given. An import item decoded from a signed XML message (edXML) has
 * that message's XML-DSig signatures reported with its own. Thread-safe.
 */
public final class SignatureInspection {

  private static final Set<String> CMS_TYPES =
      Set.of(
          "application/pkcs7-mime",
          "application/pkcs7-signature",
          "application/x-pkcs7-mime",
          "application/x-pkcs7-signature");
  private static final Set<String> OOXML_TYPES =
      Set.of(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation");

  private final SignatureVerification verifier;
  private final ExecutorService pool;
  private final Duration timeout;
  private final ObjectMapper json;

  public SignatureInspection(
      SignatureVerification verifier, ExecutorService pool, Duration timeout, ObjectMapper json) {
    this.verifier = verifier;
    this.pool = pool;
    this.timeout = timeout;
    this.json = json;
  }

  /**
   * The report of {@code file} (detected as {@code mediaType}), with its detached signature.
   *
   * @throws ApiException 422 {@code SIGNATURE_MALFORMED} for an unreadable signature container,
   *     {@code SIGNATURE_UNVERIFIABLE} when verification exceeds the time limit
   */
  public SignatureReport inspect(Path file, String mediaType, Path detached) {
    return inspect(file, mediaType, detached, null);
  }

  /**
   * The report of {@code file} (detected as {@code mediaType}), with its detached signature, and
   * the XML-DSig signatures ({@code XMLDSIG}) of {@code signedMessage}, the XML document (an edXML
   * message) {@code file} was decoded from, when there is one.
   *
   * @throws ApiException 422 {@code SIGNATURE_MALFORMED} for an unreadable signature container or
   *     signed message, {@code SIGNATURE_UNVERIFIABLE} when verification exceeds the time limit
   */
  public SignatureReport inspect(Path file, String mediaType, Path detached, Path signedMessage) {
    String base = mediaType == null ? "" : mediaType.split(";")[0].strip();
    Future<SignatureReport> f =
        pool.submit(
            () -> {
              SignatureReport own = own(file, base, detached);
              if (signedMessage == null) {
                return own;
              }
              List<SignatureCheck> all = new ArrayList<>(own.signatures());
              try {
                all.addAll(verifier.verifyXml(signedMessage).signatures());
              } catch (SignatureFormatException e) {
                throw malformed(e);
              }
              return SignatureReport.of(all);
            });
    try {
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw ApiException.of(
          422,
          "SIGNATURE_UNVERIFIABLE",
          "Verifying the signatures took longer than " + timeout.toSeconds() + " s.",
          "Kiểm tra chữ ký quá " + timeout.toSeconds() + " giây.");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ApiException api) {
        throw api;
      }
      if (e.getCause() instanceof SignatureLimitException limit) {
        throw ApiException.of(422, "SIGNATURE_UNVERIFIABLE", limit.getMessage(), limit.messageVi());
      }
      if (e.getCause() instanceof IOException io) {
        throw new java.io.UncheckedIOException(io);
      }
      throw new IllegalStateException("Signature verification failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private SignatureReport own(Path file, String base, Path detached) throws IOException {
    boolean container = CMS_TYPES.contains(base);
    try {
      if (detached != null) {
        return verifier.verifyCms(detached, Optional.of(file));
      }
      if (container) {
        return verifier.verifyCms(file, Optional.empty());
      }
      if (base.equals("application/pdf")) {
        return verifier.verifyPdf(file);
      }
      if (OOXML_TYPES.contains(base)) {
        return verifier.verifyOoxml(file);
      }
      return SignatureReport.notSigned();
    } catch (SignatureFormatException e) {
      if (detached != null || container) {
        throw malformed(e);
      }
      return SignatureReport.notSigned();
    }
  }

  /** Refuses the upload when the agency's policy is not met. */
  static void enforce(String policy, SignatureReport report) {
    if ("REQUIRE_SIGNATURE".equals(policy) || "REQUIRE_VALID".equals(policy)) {
      if (report.status() == SignatureStatus.NOT_SIGNED) {
        throw ApiException.of(
            422,
            "SIGNATURE_REQUIRED",
            "This agency stores only signed documents; no signature was found.",
            "Cơ quan chỉ lưu văn bản có chữ ký số; không tìm thấy chữ ký.");
      }
    }
    if ("REQUIRE_VALID".equals(policy) && report.status() != SignatureStatus.VALID) {
      throw ApiException.of(
              422,
              "SIGNATURE_NOT_VALID",
              "This agency stores only documents with valid signatures; the signatures are "
                  + report.status()
                  + ".",
              "Cơ quan chỉ lưu văn bản có chữ ký hợp lệ; kết quả kiểm tra: "
                  + report.status()
                  + ".")
          .with("signatureStatus", report.status().name());
    }
  }

  public String toJson(SignatureReport report) {
    try {
      return json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiException malformed(SignatureFormatException e) {
    return ApiException.of(422, "SIGNATURE_MALFORMED", e.getMessage(), e.messageVi());
  }
}
