package vn.tangthu.signature.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import vn.tangthu.signature.ChangesAfter;
import vn.tangthu.signature.Integrity;
import vn.tangthu.signature.SignatureCheck;
import vn.tangthu.signature.SignatureFormatException;
import vn.tangthu.signature.SignatureKind;
import vn.tangthu.signature.TimestampStatus;
import vn.tangthu.signature.Trust;

/**
 * Verifies every signature and document timestamp of a PDF, across incremental updates: {@link
 * PdfSignatureFields} finds them and checks the bytes they cover, this class checks each one's CMS
 * or timestamp token, and {@link PdfRevisionChanges} classifies what each later update changed.
 * Thread-safe (no shared mutable state).
 */
public final class PdfSignatureVerifier {
  private final Crypto crypto;
  private final CmsSignerVerifier cms;
  private final TimestampChecker timestamps;

  public PdfSignatureVerifier(Crypto crypto, CmsSignerVerifier cms, TimestampChecker timestamps) {
    this.crypto = crypto;
    this.cms = cms;
    this.timestamps = timestamps;
  }

  /**
   * Verifies every signature of {@code pdf}; an empty list when it has none.
   *
   * @throws SignatureFormatException if the file is not a readable PDF
   */
  public List<SignatureCheck> verify(Path pdf) throws SignatureFormatException, IOException {
    long size = Files.size(pdf);
    List<PdfSignatureFields.Field> found = PdfSignatureFields.find(pdf);
    List<SignatureCheck> out = new ArrayList<>();
    if (found.isEmpty()) {
      return out;
    }
    PdfRevisionChanges changes = new PdfRevisionChanges(pdf, size, found);
    for (PdfSignatureFields.Field f : found) {
      boolean whole = PdfSignatureFields.coversWhole(pdf, size, f);
      for (SignatureCheck c : check(pdf, size, f, whole)) {
        out.add(whole ? c : changes.apply(c, f.end()));
      }
    }
    return out;
  }

  private List<SignatureCheck> check(
      Path pdf, long size, PdfSignatureFields.Field f, boolean whole) {
    SignatureKind kind = f.docTimestamp() ? SignatureKind.DOC_TIMESTAMP : SignatureKind.PADES;
    Text rangeProblem = PdfSignatureFields.rangeProblem(pdf, size, f);
    if (rangeProblem != null) {
      return List.of(broken(kind, whole, rangeProblem));
    }
    long[] r = f.range();
    RangeContent signed = new RangeContent(pdf, r[0], r[1], r[2], r[3]);
    byte[] contents = f.contents();
    if (allZero(contents)) {
      return List.of(
          unchecked(
              kind,
              whole,
              new Text(
                  "The signature field is empty: the document was prepared for signing but never"
                      + " signed.",
                  "Ô chữ ký còn trống: tài liệu được chuẩn bị để ký nhưng chưa được ký.")));
    }
    if (f.docTimestamp()) {
      return List.of(docTimestamp(contents, signed, whole));
    }
    if ("adbe.x509.rsa_sha1".equals(f.subFilter())) {
      return List.of(
          unchecked(
              kind,
              whole,
              new Text(
                  "This old signature format (adbe.x509.rsa_sha1) cannot be checked by the"
                      + " archive.",
                  "Định dạng chữ ký cũ này (adbe.x509.rsa_sha1) hệ thống chưa kiểm tra được.")));
    }
    try {
      boolean sha1 = "adbe.pkcs7.sha1".equals(f.subFilter());
      CMSSignedData sd = sha1 ? new CMSSignedData(contents) : new CMSSignedData(signed, contents);
      Text digestProblem = sha1 ? sha1Problem(sd, signed) : null;
      List<SignatureCheck> out = new ArrayList<>();
      for (SignerOutcome o : cms.verifyAll(sd, true)) {
        out.add(
            digestProblem == null
                ? toCheck(kind, o, whole)
                : broken(kind, whole, Text.join(List.of(digestProblem, o.why()))));
      }
      if (out.isEmpty()) {
        out.add(broken(kind, whole, damaged()));
      }
      return out;
    } catch (Exception e) {
      return List.of(broken(kind, whole, damaged()));
    }
  }

  private Text sha1Problem(CMSSignedData sd, RangeContent signed) throws Exception {
    Object content = sd.getSignedContent() == null ? null : sd.getSignedContent().getContent();
    byte[] claimed = content instanceof byte[] b ? b : null;
    if (claimed != null && claimed.length != 20) {
      try {
        claimed = ASN1OctetString.getInstance(claimed).getOctets();
      } catch (RuntimeException e) {
        claimed = null;
      }
    }
    byte[] actual;
    try (InputStream in = signed.open()) {
      actual = crypto.digest(OIWObjectIdentifiers.idSHA1, in);
    }
    if (Crypto.sameBytes(claimed, actual)) {
      return null;
    }
    return new Text(
        "The document was changed after it was signed.", "Tài liệu đã bị thay đổi sau khi ký.");
  }

  private SignatureCheck docTimestamp(byte[] token, RangeContent signed, boolean whole) {
    TimestampChecker.Result ts =
        timestamps.check(
            token,
            alg -> {
              try (InputStream in = signed.open()) {
                return crypto.digest(alg, in);
              }
            });
    Integrity integrity =
        switch (ts.status()) {
          case VALID -> Integrity.INTACT;
          case INVALID -> Integrity.BROKEN;
          case NONE -> Integrity.UNKNOWN;
        };
    Text why =
        Text.join(
            List.of(new Text("Document timestamp.", "Dấu thời gian cho tài liệu."), ts.why()));
    return new SignatureCheck(
        SignatureKind.DOC_TIMESTAMP,
        integrity,
        ts.tsaTrust(),
        ts.status(),
        whole,
        ChangesAfter.NONE,
        ts.tsa(),
        ts.genTime(),
        why.en(),
        why.vi());
  }

  private static SignatureCheck toCheck(SignatureKind kind, SignerOutcome o, boolean whole) {
    return new SignatureCheck(
        kind,
        o.integrity(),
        o.trust(),
        o.timestamp(),
        whole,
        ChangesAfter.NONE,
        o.signer(),
        o.signingTime(),
        o.why().en(),
        o.why().vi());
  }

  /** A signature the archive could not check: integrity and trust unknown. */
  private static SignatureCheck unchecked(SignatureKind kind, boolean whole, Text why) {
    return new SignatureCheck(
        kind,
        Integrity.UNKNOWN,
        Trust.UNKNOWN,
        TimestampStatus.NONE,
        whole,
        ChangesAfter.NONE,
        null,
        null,
        why.en(),
        why.vi());
  }

  private static SignatureCheck broken(SignatureKind kind, boolean whole, Text why) {
    return new SignatureCheck(
        kind,
        Integrity.BROKEN,
        Trust.UNKNOWN,
        kind == SignatureKind.DOC_TIMESTAMP ? TimestampStatus.INVALID : TimestampStatus.NONE,
        whole,
        ChangesAfter.NONE,
        null,
        null,
        why.en(),
        why.vi());
  }

  private static Text damaged() {
    return new Text(
        "The signature data is damaged and cannot be read.",
        "Dữ liệu chữ ký bị hỏng, không đọc được.");
  }

  private static boolean allZero(byte[] b) {
    if (b == null) {
      return false;
    }
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
