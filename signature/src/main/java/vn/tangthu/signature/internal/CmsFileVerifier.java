package vn.tangthu.signature.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableFile;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import vn.tangthu.signature.ChangesAfter;
import vn.tangthu.signature.SignatureCheck;
import vn.tangthu.signature.SignatureFormatException;
import vn.tangthu.signature.SignatureKind;

/** Verifies detached ({@code .p7s}) and enveloping ({@code .p7m}) CMS files, DER, BER or PEM. */
public final class CmsFileVerifier {
  /** CMS files are read into memory; enveloping files larger than this are refused. */
  public static final long MAX_CMS_BYTES = 256L * 1024 * 1024;

  private final CmsSignerVerifier signers;

  public CmsFileVerifier(CmsSignerVerifier signers) {
    this.signers = signers;
  }

  /**
   * Verifies every signer and counter-signer.
   *
   * @throws SignatureFormatException if the file is not a CMS SignedData
   */
  public List<SignatureCheck> verify(Path cmsFile, Optional<Path> detached)
      throws SignatureFormatException, IOException {
    byte[] der = readCms(cmsFile);
    CMSSignedData sd = parse(der, null);
    boolean enveloping =
        sd.getSignedContent() != null && sd.getSignedContent().getContent() != null;
    boolean contentAvailable = enveloping;
    if (!enveloping && detached.isPresent()) {
      sd = parse(der, new CMSProcessableFile(detached.get().toFile()));
      contentAvailable = true;
    }
    SignatureKind kind = enveloping ? SignatureKind.CMS_ENVELOPING : SignatureKind.CMS_DETACHED;
    List<SignatureCheck> out = new ArrayList<>();
    for (SignerOutcome o : signers.verifyAll(sd, contentAvailable)) {
      out.add(
          new SignatureCheck(
              kind,
              o.integrity(),
              o.trust(),
              o.timestamp(),
              contentAvailable,
              ChangesAfter.NONE,
              o.signer(),
              o.signingTime(),
              o.why().en(),
              o.why().vi()));
    }
    if (out.isEmpty()) {
      throw new SignatureFormatException(
          "The CMS file contains no signature.", "Tệp CMS không chứa chữ ký nào.", null);
    }
    return out;
  }

  /**
   * Writes the content an enveloping CMS carries to {@code target}.
   *
   * @return false when the CMS is detached (carries no content)
   * @throws SignatureFormatException if the file is not a CMS SignedData
   */
  public boolean extractContent(Path cmsFile, Path target)
      throws SignatureFormatException, IOException {
    CMSSignedData sd = parse(readCms(cmsFile), null);
    CMSTypedData content = sd.getSignedContent();
    if (content == null || content.getContent() == null) {
      return false;
    }
    try (OutputStream out = Files.newOutputStream(target)) {
      content.write(out);
    } catch (CMSException e) {
      throw new SignatureFormatException(
          "The signed content cannot be extracted.", "Không trích xuất được nội dung đã ký.", e);
    }
    return true;
  }

  private static byte[] readCms(Path file) throws IOException, SignatureFormatException {
    if (Files.size(file) > MAX_CMS_BYTES) {
      throw new SignatureFormatException(
          "The signature file is too large.", "Tệp chữ ký quá lớn.", null);
    }
    byte[] bytes = Files.readAllBytes(file);
    String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII);
    if (head.stripLeading().startsWith("-----BEGIN")) {
      try (PemReader reader =
          new PemReader(new StringReader(new String(bytes, StandardCharsets.US_ASCII)))) {
        PemObject pem = reader.readPemObject();
        if (pem != null) {
          return pem.getContent();
        }
      } catch (IOException | RuntimeException e) {
        throw notCms(e);
      }
    }
    return bytes;
  }

  private static CMSSignedData parse(byte[] der, CMSTypedData content)
      throws SignatureFormatException {
    try {
      return content == null ? new CMSSignedData(der) : new CMSSignedData(content, der);
    } catch (CMSException | RuntimeException e) {
      throw notCms(e);
    }
  }

  private static SignatureFormatException notCms(Exception e) {
    return new SignatureFormatException(
        "The file is not a readable CMS/PKCS#7 signature.",
        "Tệp không phải chữ ký CMS/PKCS#7 đọc được.",
        e);
  }
}
