package vn.tangthu.signature.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import vn.tangthu.signature.SignatureFormatException;

/**
 * The signature dictionaries of a PDF and the bytes each one signs: found in the final revision,
 * their /ByteRange checked against the file and their /Contents. Stateless.
 */
final class PdfSignatureFields {
  private static final int MAX_SIGNATURES = 200;
  private static final int MAX_CONTENTS = 16 * 1024 * 1024;
  private static final int TRAILING_SLACK = 1024;

  private PdfSignatureFields() {}

  /** A signature dictionary as found in the final revision. */
  record Field(long[] range, String subFilter, byte[] contents, boolean docTimestamp) {
    /** Where the signed bytes end: the end of the revision signed; -1 without a /ByteRange. */
    long end() {
      return range.length == 4 ? range[2] + range[3] : -1;
    }
  }

  /**
   * Every signature dictionary of the final revision (at most 200), ordered by where its signed
   * bytes end.
   *
   * @throws SignatureFormatException if the file is not a readable PDF
   */
  static List<Field> find(Path pdf) throws SignatureFormatException {
    try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
      Map<COSDictionary, Boolean> seen = new IdentityHashMap<>();
      List<Field> found = new ArrayList<>();
      for (PDSignature sig : doc.getSignatureDictionaries()) {
        if (seen.put(sig.getCOSObject(), Boolean.TRUE) != null || found.size() >= MAX_SIGNATURES) {
          continue;
        }
        found.add(
            new Field(
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

  /** Null when the /ByteRange is sane: covers the file except exactly this /Contents. */
  static Text rangeProblem(Path pdf, long size, Field f) {
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

  /** Whether the signed bytes run to the end of the file (give or take trailing white space). */
  static boolean coversWhole(Path pdf, long size, Field f) {
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
}
