package vn.tangthu.signature.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import vn.tangthu.child.ChildLoop;
import vn.tangthu.signature.SignatureFormatException;
import vn.tangthu.signature.SignatureReport;
import vn.tangthu.signature.SignatureVerifier;

/**
 * Main class of a signature-verification child process, served by {@link ChildLoop}: the greeting
 * is the trust store; each request is verified and answered ({@link VerifierProtocol}).
 */
public final class VerifierChild {

  private VerifierChild() {}

  public static void main(String[] args) throws IOException {
    ChildLoop.serve(
        greeting -> {
          RequestClock clock = new RequestClock();
          SignatureVerifier verifier =
              new SignatureVerifier(VerifierProtocol.readTrust(greeting), clock);
          warmUp(verifier);
          return request -> {
            VerifierProtocol.Request r = VerifierProtocol.readRequest(request);
            clock.now = Instant.ofEpochMilli(r.nowMillis());
            return answer(
                verifier,
                r.op(),
                Path.of(r.path()),
                r.detached() == null ? null : Path.of(r.detached()));
          };
        });
  }

  /**
   * Loads the PDF and CMS code paths and the report's serialiser before the first request, so that
   * the time limit of a request measures the document, not class loading.
   */
  private static void warmUp(SignatureVerifier verifier) {
    Path pdf = null;
    try {
      pdf = Files.createTempFile("tangthu-warm-", ".pdf");
      try (PDDocument doc = new PDDocument()) {
        doc.addPage(new PDPage());
        doc.save(pdf.toFile());
      }
      VerifierProtocol.report(verifier.verifyPdf(pdf));
      verifier.verifyCms(pdf, Optional.empty());
    } catch (IOException | SignatureFormatException | RuntimeException e) {
      // a cold start is only slower
    } finally {
      try {
        if (pdf != null) {
          Files.deleteIfExists(pdf);
        }
      } catch (IOException e) {
        // the temporary file stays
      }
    }
  }

  private static byte[] answer(SignatureVerifier verifier, String op, Path file, Path detached) {
    SignatureReport report;
    try {
      report =
          switch (op) {
            case VerifierProtocol.PDF -> verifier.verifyPdf(file);
            case VerifierProtocol.OOXML -> verifier.verifyOoxml(file);
            case VerifierProtocol.XMLDSIG -> verifier.verifyXml(file);
            case VerifierProtocol.CMS -> verifier.verifyCms(file, Optional.ofNullable(detached));
            default -> throw new IOException("unknown operation " + op);
          };
    } catch (SignatureFormatException e) {
      return VerifierProtocol.refusal(VerifierProtocol.FORMAT, e.getMessage(), e.messageVi());
    } catch (IOException | RuntimeException e) {
      return VerifierProtocol.refusal(VerifierProtocol.IO, String.valueOf(e), String.valueOf(e));
    }
    return VerifierProtocol.report(report);
  }

  /** The parent's time of the current request. */
  private static final class RequestClock extends Clock {
    volatile Instant now = Instant.EPOCH;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
