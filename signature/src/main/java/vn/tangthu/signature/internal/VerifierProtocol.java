package vn.tangthu.signature.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import vn.tangthu.child.Messages;
import vn.tangthu.signature.SignatureReport;
import vn.tangthu.signature.TrustStore;

/**
 * The messages between {@link vn.tangthu.signature.ForkedSignatureVerifier} and {@link
 * VerifierChild} (the child-process pool frames them). The greeting is the trust store (anchors and
 * CRLs, DER). Each request is an operation, the parent's current time, the file path and the
 * nullable detached-content path; each answer is a report (JSON), a format refusal (English and
 * Vietnamese) or an I/O failure.
 */
public final class VerifierProtocol {
  public static final String PDF = "PDF";
  public static final String CMS = "CMS";
  public static final String OOXML = "OOXML";
  public static final String XMLDSIG = "XMLDSIG";

  static final byte REPORT = 0;
  static final byte FORMAT = 1;
  static final byte IO = 2;

  private static final int MAX_ITEM = 64 * 1024 * 1024;

  /** The largest answer: a report of at most 64 MiB of JSON. */
  public static final int MAX_ANSWER = MAX_ITEM + 16;

  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  private VerifierProtocol() {}

  /** An answer of the child. */
  public record Answer(SignatureReport report, String message, String messageVi, boolean format) {}

  /** A request, as the child reads it. */
  record Request(String op, long nowMillis, String path, String detached) {}

  /**
   * The greeting: the trust store's anchors and CRLs.
   *
   * @throws IllegalArgumentException if a certificate or CRL cannot be encoded
   */
  public static byte[] trust(TrustStore trust) {
    return Messages.encode(
        out -> {
          try {
            out.writeInt(trust.anchors().size());
            for (X509Certificate c : trust.anchors()) {
              writeBytes(out, c.getEncoded());
            }
            out.writeInt(trust.crls().size());
            for (X509CRL c : trust.crls()) {
              writeBytes(out, c.getEncoded());
            }
          } catch (CertificateEncodingException | CRLException e) {
            throw new IllegalArgumentException("cannot encode the trust store", e);
          }
        });
  }

  static TrustStore readTrust(byte[] greeting) throws IOException {
    DataInputStream in = Messages.decode(greeting);
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      List<X509Certificate> anchors = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        anchors.add(
            (X509Certificate) f.generateCertificate(new ByteArrayInputStream(readBytes(in))));
      }
      List<X509CRL> crls = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        crls.add((X509CRL) f.generateCRL(new ByteArrayInputStream(readBytes(in))));
      }
      return TrustStore.of(anchors, crls);
    } catch (CertificateException | CRLException e) {
      throw new IOException("unreadable trust store", e);
    }
  }

  public static byte[] request(String op, long nowMillis, String path, String detached) {
    return Messages.encode(
        out -> {
          out.writeUTF(op);
          out.writeLong(nowMillis);
          out.writeUTF(path);
          Messages.writeNullable(out, detached);
        });
  }

  static Request readRequest(byte[] request) throws IOException {
    DataInputStream in = Messages.decode(request);
    return new Request(in.readUTF(), in.readLong(), in.readUTF(), Messages.readNullable(in));
  }

  static byte[] report(SignatureReport report) {
    return Messages.encode(
        out -> {
          out.writeByte(REPORT);
          writeBytes(out, JSON.writeValueAsBytes(report));
        });
  }

  static byte[] refusal(byte kind, String message, String messageVi) {
    return Messages.encode(
        out -> {
          out.writeByte(kind);
          out.writeUTF(cut(message));
          out.writeUTF(cut(messageVi));
        });
  }

  public static Answer readAnswer(byte[] answer) throws IOException {
    DataInputStream in = Messages.decode(answer);
    byte kind = in.readByte();
    if (kind == REPORT) {
      return new Answer(JSON.readValue(readBytes(in), SignatureReport.class), null, null, false);
    }
    String message = in.readUTF();
    String vi = in.readUTF();
    return new Answer(null, message, vi, kind == FORMAT);
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_ITEM) {
      throw new IOException("protocol error: item of " + n + " bytes");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static String cut(String s) {
    String v = s == null ? "" : s;
    return v.length() > 4000 ? v.substring(0, 4000) : v;
  }
}
