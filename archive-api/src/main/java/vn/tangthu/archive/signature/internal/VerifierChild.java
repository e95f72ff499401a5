package vn.tangthu.archive.signature.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
import vn.tangthu.archive.signature.SignatureFormatException;
import vn.tangthu.archive.signature.SignatureReport;
import vn.tangthu.archive.signature.SignatureVerifier;

/**
 * Main class of a signature-verification child process: reads the trust store, then requests, from
 * stdin and answers on stdout ({@link VerifierProtocol}); whatever libraries print goes to stderr.
 * Exits at end of input. Started with {@code -XX:+ExitOnOutOfMemoryError}, so a document that
 * exhausts the heap ends the process instead of leaving it damaged.
 */
public final class VerifierChild {

  private VerifierChild() {}

  public static void main(String[] args) throws IOException {
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(System.err);
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
    RequestClock clock = new RequestClock();
    SignatureVerifier verifier = new SignatureVerifier(VerifierProtocol.readTrust(in), clock);
    warmUp(verifier);
    out.writeUTF(VerifierProtocol.READY);
    out.flush();
    while (true) {
      String op;
      String path;
      String detached;
      try {
        op = in.readUTF();
        clock.now = Instant.ofEpochMilli(in.readLong());
        path = in.readUTF();
        detached = VerifierProtocol.readNullable(in);
      } catch (EOFException e) {
        return;
      }
      answer(out, verifier, op, Path.of(path), detached == null ? null : Path.of(detached));
    }
  }

  /**
   * Loads the PDF and CMS code paths before the first request, so that the time limit of a request
   * measures the document, not class loading.
   */
  private static void warmUp(SignatureVerifier verifier) {
    Path pdf = null;
    try {
      pdf = Files.createTempFile("tangthu-warm-", ".pdf");
      try (PDDocument doc = new PDDocument()) {
        doc.addPage(new PDPage());
        doc.save(pdf.toFile());
      }
      verifier.verifyPdf(pdf);
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

  private static void answer(
      DataOutputStream out, SignatureVerifier verifier, String op, Path file, Path detached)
      throws IOException {
    SignatureReport report;
    try {
      report =
          switch (op) {
            case VerifierProtocol.PDF -> verifier.verifyPdf(file);
            case VerifierProtocol.OOXML -> verifier.verifyOoxml(file);
            case VerifierProtocol.CMS -> verifier.verifyCms(file, Optional.ofNullable(detached));
            default -> throw new IOException("unknown operation " + op);
          };
    } catch (SignatureFormatException e) {
      VerifierProtocol.writeRefusal(out, VerifierProtocol.FORMAT, e.getMessage(), e.messageVi());
      return;
    } catch (IOException | RuntimeException e) {
      VerifierProtocol.writeRefusal(out, VerifierProtocol.IO, String.valueOf(e), String.valueOf(e));
      return;
    }
    VerifierProtocol.writeReport(out, report);
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
