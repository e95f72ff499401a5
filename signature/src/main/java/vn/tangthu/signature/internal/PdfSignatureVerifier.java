package vn.tangthu.signature.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
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
 * Finds and verifies every signature and document timestamp of a PDF, across incremental updates,
 * and classifies what each later update changed. Thread-safe (no shared mutable state).
 */
public final class PdfSignatureVerifier {
  private static final int MAX_SIGNATURES = 200;
  private static final int MAX_CONTENTS = 16 * 1024 * 1024;
  private static final int TRAILING_SLACK = 1024;
  private static final long IN_MEMORY_REVISION = 64L * 1024 * 1024;

  private final Crypto crypto;
  private final CmsSignerVerifier cms;
  private final TimestampChecker timestamps;

  public PdfSignatureVerifier(Crypto crypto, CmsSignerVerifier cms, TimestampChecker timestamps) {
    this.crypto = crypto;
    this.cms = cms;
    this.timestamps = timestamps;
  }

  /** A signature dictionary as found in the final revision. */
  private record Found(long[] range, String subFilter, byte[] contents, boolean docTimestamp) {
    long end() {
      return range.length == 4 ? range[2] + range[3] : -1;
    }
  }

  /**
   * Verifies every signature of {@code pdf}; an empty list when it has none.
   *
   * @throws SignatureFormatException if the file is not a readable PDF
   */
  public List<SignatureCheck> verify(Path pdf) throws SignatureFormatException, IOException {
    long size = Files.size(pdf);
    List<Found> found = find(pdf, size);
    List<SignatureCheck> out = new ArrayList<>();
    if (found.isEmpty()) {
      return out;
    }
    Changes changes = new Changes(pdf, size, found);
    for (Found f : found) {
      boolean whole = coversWhole(pdf, size, f);
      for (SignatureCheck c : check(pdf, size, f, whole)) {
        out.add(whole ? c : changes.apply(c, f.end()));
      }
    }
    return out;
  }

  private List<Found> find(Path pdf, long size) throws SignatureFormatException {
    try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
      Map<COSDictionary, Boolean> seen = new IdentityHashMap<>();
      List<Found> found = new ArrayList<>();
      for (PDSignature sig : doc.getSignatureDictionaries()) {
        if (seen.put(sig.getCOSObject(), Boolean.TRUE) != null || found.size() >= MAX_SIGNATURES) {
          continue;
        }
        found.add(
            new Found(
                byteRange(sig.getCOSObject()),
                sig.getSubFilter(),
                sig.getContents(),
                COSName.DOC_TIME_STAMP.equals(sig.getCOSObject().getCOSName(COSName.TYPE))
                    || "ETSI.RFC3161".equals(sig.getSubFilter())));
      }
      found.sort((a, b) -> Long.compare(a.end(), b.end()));
      return found;
    } catch (InvalidPasswordException e) {
      throw new SignatureFormatException(
          "The PDF is password-protected; its signatures cannot be read.",
          "Tệp PDF được đặt mật khẩu nên không đọc được chữ ký.",
          e);
    } catch (IOException | RuntimeException e) {
      throw new SignatureFormatException(
          "The file is not a readable PDF.", "Tệp không phải là PDF đọc được.", e);
    }
  }

  private static long[] byteRange(COSDictionary sig) {
    if (!(sig.getDictionaryObject(COSName.BYTERANGE) instanceof org.apache.pdfbox.cos.COSArray a)
        || a.size() != 4) {
      return new long[0];
    }
    long[] r = new long[4];
    for (int i = 0; i < 4; i++) {
      if (!(a.getObject(i) instanceof org.apache.pdfbox.cos.COSInteger n)) {
        return new long[0];
      }
      r[i] = n.longValue();
    }
    return r;
  }

  private List<SignatureCheck> check(Path pdf, long size, Found f, boolean whole) {
    SignatureKind kind = f.docTimestamp() ? SignatureKind.DOC_TIMESTAMP : SignatureKind.PADES;
    Text rangeProblem = rangeProblem(pdf, size, f);
    if (rangeProblem != null) {
      return List.of(broken(kind, whole, rangeProblem));
    }
    long[] r = f.range();
    RangeContent signed = new RangeContent(pdf, r[0], r[1], r[2], r[3]);
    byte[] contents = f.contents();
    if (allZero(contents)) {
      return List.of(
          new SignatureCheck(
              kind,
              Integrity.UNKNOWN,
              Trust.UNKNOWN,
              TimestampStatus.NONE,
              whole,
              ChangesAfter.NONE,
              null,
              null,
              "The signature field is empty: the document was prepared for signing but never"
                  + " signed.",
              "Ô chữ ký còn trống: tài liệu được chuẩn bị để ký nhưng chưa được ký."));
    }
    if (f.docTimestamp()) {
      return List.of(docTimestamp(contents, signed, whole));
    }
    if ("adbe.x509.rsa_sha1".equals(f.subFilter())) {
      return List.of(
          new SignatureCheck(
              kind,
              Integrity.UNKNOWN,
              Trust.UNKNOWN,
              TimestampStatus.NONE,
              whole,
              ChangesAfter.NONE,
              null,
              null,
              "This old signature format (adbe.x509.rsa_sha1) cannot be checked by the archive.",
              "Định dạng chữ ký cũ này (adbe.x509.rsa_sha1) hệ thống chưa kiểm tra được."));
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

  /** Null when the /ByteRange is sane: covers the file except exactly this /Contents. */
  private static Text rangeProblem(Path pdf, long size, Found f) {
    long[] r = f.range();
    Text bad =
        new Text(
            "The signed area of the file (/ByteRange) is invalid, so the signature cannot be"
                + " trusted.",
            "Vùng dữ liệu được ký (/ByteRange) không hợp lệ nên chữ ký không đáng tin cậy.");
    if (r.length != 4
        || r[0] != 0
        || r[1] <= 0
        || r[3] < 0
        || r[2] <= r[1]
        || r[2] + r[3] > size
        || r[2] - r[1] > MAX_CONTENTS
        || f.contents() == null) {
      return bad;
    }
    try {
      byte[] gap = RangeContent.readAt(pdf, r[1], (int) (r[2] - r[1]));
      byte[] hex = hexString(gap);
      if (hex == null || !Crypto.sameBytes(hex, f.contents())) {
        return new Text(
            "The signed area of the file (/ByteRange) does not match this signature.",
            "Vùng dữ liệu được ký (/ByteRange) không khớp với chữ ký này.");
      }
      return null;
    } catch (IOException e) {
      return bad;
    }
  }

  /** Decodes {@code <hex>} exactly filling {@code gap}, or null. */
  static byte[] hexString(byte[] gap) {
    if (gap.length < 2 || gap[0] != '<' || gap[gap.length - 1] != '>') {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(gap.length / 2);
    int high = -1;
    for (int i = 1; i < gap.length - 1; i++) {
      int c = gap[i];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0) {
        continue;
      }
      int v = Character.digit(c, 16);
      if (v < 0) {
        return null;
      }
      if (high < 0) {
        high = v;
      } else {
        out.write(high << 4 | v);
        high = -1;
      }
    }
    if (high >= 0) {
      out.write(high << 4);
    }
    return out.toByteArray();
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

  private static boolean coversWhole(Path pdf, long size, Found f) {
    long end = f.end();
    if (end == size) {
      return true;
    }
    if (end <= 0 || end > size || size - end > TRAILING_SLACK) {
      return false;
    }
    try {
      for (byte b : RangeContent.readAt(pdf, end, (int) (size - end))) {
        if (b != ' ' && b != '\r' && b != '\n' && b != '\t' && b != 0 && b != '\f') {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Lazily computed classification of the updates between consecutive signed revisions. */
  private static final class Changes {
    private final Path pdf;
    private final long size;
    private final List<Long> boundaries;
    private List<PdfRevisionDiff.Diff> diffs;
    private final List<Path> temps = new ArrayList<>();

    Changes(Path pdf, long size, List<Found> found) {
      this.pdf = pdf;
      this.size = size;
      Set<Long> ends = new TreeSet<>();
      for (Found f : found) {
        if (f.end() > 0 && f.end() < size) {
          ends.add(f.end());
        }
      }
      ends.add(size);
      this.boundaries = new ArrayList<>(ends);
    }

    SignatureCheck apply(SignatureCheck c, long end) {
      int from = boundaries.indexOf(end);
      if (from < 0) {
        return c.withChangesAfter(
            ChangesAfter.DISALLOWED,
            "It cannot be determined which version of the document was signed.",
            "Không xác định được phiên bản tài liệu đã được ký.");
      }
      List<PdfRevisionDiff.Diff> all = diffs();
      PdfRevisionDiff.Diff worst = null;
      for (int i = from; i < all.size(); i++) {
        PdfRevisionDiff.Diff d = all.get(i);
        if (worst == null || d.changes() == ChangesAfter.DISALLOWED) {
          worst = d;
        }
        if (d.changes() == ChangesAfter.DISALLOWED) {
          break;
        }
      }
      if (worst == null) {
        return c;
      }
      return c.withChangesAfter(worst.changes(), worst.why().en(), worst.why().vi());
    }

    private List<PdfRevisionDiff.Diff> diffs() {
      if (diffs != null) {
        return diffs;
      }
      diffs = new ArrayList<>();
      PDDocument previous = null;
      try {
        previous = load(boundaries.get(0));
        for (int i = 1; i < boundaries.size(); i++) {
          PDDocument next = load(boundaries.get(i));
          diffs.add(diffOrUnreadable(previous, next));
          close(previous);
          previous = next;
        }
      } catch (IOException | RuntimeException e) {
        while (diffs.size() < boundaries.size() - 1) {
          diffs.add(unreadable());
        }
      } finally {
        close(previous);
        for (Path t : temps) {
          try {
            Files.deleteIfExists(t);
          } catch (IOException e) {
            // best effort: a temporary copy of a revision
          }
        }
      }
      return Collections.unmodifiableList(diffs);
    }

    private static PdfRevisionDiff.Diff diffOrUnreadable(PDDocument a, PDDocument b) {
      if (a == null || b == null) {
        return unreadable();
      }
      try {
        return new PdfRevisionDiff(a.getDocument(), b.getDocument()).diff();
      } catch (RuntimeException e) {
        return unreadable();
      }
    }

    private static PdfRevisionDiff.Diff unreadable() {
      return new PdfRevisionDiff.Diff(
          ChangesAfter.DISALLOWED,
          new Text(
              "The later changes to the document could not be analysed.",
              "Không phân tích được các thay đổi sau khi ký."));
    }

    private PDDocument load(long end) throws IOException {
      if (end == size) {
        return loadOrNull(new RandomAccessReadBufferedFile(pdf.toFile()), null);
      }
      if (end <= IN_MEMORY_REVISION) {
        return loadOrNull(new RandomAccessReadBuffer(RangeContent.readAt(pdf, 0, (int) end)), null);
      }
      Path copy = Files.createTempFile("revision", ".pdf");
      try (InputStream in = new RangeContent(pdf, 0, end, end, 0).open()) {
        Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      temps.add(copy);
      return loadOrNull(new RandomAccessReadBufferedFile(copy.toFile()), copy);
    }

    /** Loads a revision; null when it is not a readable PDF on its own. */
    private static PDDocument loadOrNull(RandomAccessRead source, Path deleteOnClose)
        throws IOException {
      try {
        PDDocument doc = Loader.loadPDF(source);
        return doc;
      } catch (IOException e) {
        source.close();
        if (deleteOnClose != null) {
          Files.deleteIfExists(deleteOnClose);
        }
        return null;
      }
    }

    private static void close(PDDocument d) {
      if (d != null) {
        try {
          d.close();
        } catch (IOException e) {
          // nothing to do: read-only
        }
      }
    }
  }
}
