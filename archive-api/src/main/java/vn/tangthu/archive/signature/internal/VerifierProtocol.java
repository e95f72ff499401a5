package vn.tangthu.archive.signature.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
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
import vn.tangthu.archive.signature.SignatureReport;
import vn.tangthu.archive.signature.TrustStore;

/**
 * The pipe protocol between {@link vn.tangthu.archive.signature.ForkedSignatureVerifier} and {@link
 * VerifierChild}. The parent first sends the trust store (anchors and CRLs, DER); the child answers
 * {@link #READY}. Each request is an operation, the parent's current time, the file path and the
 * nullable detached-content path; each response is a report (JSON), a format refusal (English and
 * Vietnamese) or an I/O failure.
 */
public final class VerifierProtocol {
  public static final String READY = "tangthu-signature-verifier-ready";
  public static final String PDF = "PDF";
  public static final String CMS = "CMS";
  public static final String OOXML = "OOXML";

  static final byte REPORT = 0;
  static final byte FORMAT = 1;
  static final byte IO = 2;

  private static final int MAX_ITEM = 64 * 1024 * 1024;
  private static final ObjectMapper JSON = Jackson.newObjectMapper();

  private VerifierProtocol() {}

  /** An answer of the child. */
  public record Answer(SignatureReport report, String message, String messageVi, boolean format) {}

  public static void writeTrust(DataOutputStream out, TrustStore trust) throws IOException {
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
      throw new IOException("cannot encode the trust store", e);
    }
    out.flush();
  }

  static TrustStore readTrust(DataInputStream in) throws IOException {
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

  public static void writeRequest(
      DataOutputStream out, String op, long nowMillis, String path, String detached)
      throws IOException {
    out.writeUTF(op);
    out.writeLong(nowMillis);
    out.writeUTF(path);
    writeNullable(out, detached);
    out.flush();
  }

  static void writeReport(DataOutputStream out, SignatureReport report) throws IOException {
    out.writeByte(REPORT);
    writeBytes(out, JSON.writeValueAsBytes(report));
    out.flush();
  }

  static void writeRefusal(DataOutputStream out, byte kind, String message, String messageVi)
      throws IOException {
    out.writeByte(kind);
    out.writeUTF(cut(message));
    out.writeUTF(cut(messageVi));
    out.flush();
  }

  public static Answer readAnswer(DataInputStream in) throws IOException {
    byte kind = in.readByte();
    if (kind == REPORT) {
      return new Answer(JSON.readValue(readBytes(in), SignatureReport.class), null, null, false);
    }
    String message = in.readUTF();
    String vi = in.readUTF();
    return new Answer(null, message, vi, kind == FORMAT);
  }

  static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
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
