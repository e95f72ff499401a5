package vn.tangthu.archive.signature.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import vn.tangthu.archive.signature.ChangesAfter;
import vn.tangthu.archive.signature.Integrity;
import vn.tangthu.archive.signature.SignatureCheck;
import vn.tangthu.archive.signature.SignatureFormatException;
import vn.tangthu.archive.signature.SignatureKind;
import vn.tangthu.archive.signature.TimestampStatus;
import vn.tangthu.archive.signature.Trust;

/**
 * Detects package signatures of OOXML ({@code _xmlsignatures/*.xml}) and ODF ({@code
 * META-INF/documentsignatures.xml}) files. Their integrity is reported {@code UNKNOWN}: the archive
 * does not yet verify XML-DSig package signatures.
 */
public final class OoxmlSignatureVerifier {
  private static final int MAX_ENTRIES = 100_000;

  /**
   * Lists the package signatures found.
   *
   * @throws SignatureFormatException if the file is not a ZIP package
   */
  public List<SignatureCheck> verify(Path file) throws SignatureFormatException, IOException {
    List<SignatureCheck> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      int n = 0;
      while (entries.hasMoreElements() && n++ < MAX_ENTRIES) {
        String name = entries.nextElement().getName().toLowerCase(Locale.ROOT);
        if (name.startsWith("_xmlsignatures/") && name.endsWith(".xml") && name.contains("sig")) {
          out.add(unverified(SignatureKind.OOXML));
        } else if (name.equals("meta-inf/documentsignatures.xml")) {
          out.add(unverified(SignatureKind.ODF));
        }
      }
    } catch (ZipException e) {
      throw new SignatureFormatException(
          "The file is not an Office (OOXML/ODF) package.",
          "Tệp không phải gói tài liệu Office (OOXML/ODF).",
          e);
    }
    return out;
  }

  private static SignatureCheck unverified(SignatureKind kind) {
    return new SignatureCheck(
        kind,
        Integrity.UNKNOWN,
        Trust.UNKNOWN,
        TimestampStatus.NONE,
        false,
        ChangesAfter.NONE,
        null,
        null,
        "The document carries an Office package signature, which the archive cannot verify yet.",
        "Tài liệu có chữ ký số của gói Office, hệ thống chưa kiểm tra được loại chữ ký này.");
  }
}
