package vn.tangthu.signature;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.tangthu.signature.internal.ChainValidator;
import vn.tangthu.signature.internal.CmsFileVerifier;
import vn.tangthu.signature.internal.CmsSignerVerifier;
import vn.tangthu.signature.internal.Crypto;
import vn.tangthu.signature.internal.OoxmlSignatureVerifier;
import vn.tangthu.signature.internal.PdfSignatureVerifier;
import vn.tangthu.signature.internal.TimestampChecker;
import vn.tangthu.signature.internal.XmlSignatureVerifier;

/**
 * Verifies the signatures of a document and reports them as the contract's {@link SignatureReport}.
 * Thread-safe: one instance serves every request.
 *
 * <p>Bad input never escapes as an unchecked exception: a damaged signature is reported {@code
 * BROKEN}; a file that is not a container of the expected kind throws {@link
 * SignatureFormatException}. Work is bounded by the file size; callers should still run it under a
 * time limit (a hostile PDF can be slow to parse). OCSP is never queried.
 */
public final class SignatureVerifier implements SignatureVerification {
  private final PdfSignatureVerifier pdf;
  private final CmsFileVerifier cms;
  private final OoxmlSignatureVerifier ooxml;
  private final XmlSignatureVerifier xml;

  /**
   * @param trust the trust anchors and CRLs
   * @param clock the time used when a signature has no signing time
   */
  public SignatureVerifier(TrustStore trust, Clock clock) {
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(clock, "clock");
    Crypto crypto = new Crypto();
    ChainValidator chains = new ChainValidator(trust, crypto);
    TimestampChecker timestamps = new TimestampChecker(crypto, chains);
    CmsSignerVerifier signers = new CmsSignerVerifier(crypto, chains, timestamps, trust, clock);
    this.pdf = new PdfSignatureVerifier(crypto, signers, timestamps);
    this.cms = new CmsFileVerifier(signers);
    this.ooxml = new OoxmlSignatureVerifier(chains, clock);
    this.xml = new XmlSignatureVerifier(chains, clock);
  }

  /**
   * Every signature and document timestamp of a PDF, across incremental updates.
   *
   * @throws SignatureFormatException if the file is not a readable PDF (or needs a password)
   * @throws IOException if the file cannot be read
   */
  @Override
  public SignatureReport verifyPdf(Path pdfFile) throws SignatureFormatException, IOException {
    return guarded(() -> pdf.verify(pdfFile));
  }

  /**
   * A detached ({@code .p7s}, with or without its content) or enveloping ({@code .p7m}) CMS
   * signature, DER/BER or PEM. Without the content, a detached signature's integrity is {@code
   * UNKNOWN}.
   *
   * @throws SignatureFormatException if the file is not a CMS SignedData
   * @throws IOException if a file cannot be read
   */
  @Override
  public SignatureReport verifyCms(Path cmsFile, Optional<Path> detachedContent)
      throws SignatureFormatException, IOException {
    return guarded(() -> cms.verify(cmsFile, detachedContent));
  }

  /**
   * The package signatures of an OOXML (DOCX/XLSX/PPTX) or ODF file; {@code NOT_SIGNED} when there
   * is none. OOXML XML-DSig signatures are verified (integrity of the signed parts, signer chain);
   * ODF signatures are only detected ({@code UNKNOWN}).
   *
   * @throws SignatureFormatException if the file is not a ZIP package
   */
  @Override
  public SignatureReport verifyOoxml(Path file) throws SignatureFormatException, IOException {
    return guarded(() -> ooxml.verify(file));
  }

  /**
   * The XML-DSig signatures of an XML document (an edXML message), kind {@code XMLDSIG}; {@code
   * NOT_SIGNED} when it has none. The document is parsed without DTDs or external entities, with
   * secure validation; references outside the document are never fetched (the signature is then
   * {@code UNKNOWN}); the signer's chain is judged like a CMS signer's.
   *
   * @throws SignatureFormatException if the file is not well-formed XML or declares a DTD
   */
  @Override
  public SignatureReport verifyXml(Path file) throws SignatureFormatException, IOException {
    return guarded(() -> xml.verify(file));
  }

  /**
   * Writes the content of an enveloping CMS ({@code .p7m}) to {@code target}, so that it can be
   * indexed.
   *
   * @return false when the CMS carries no content (detached)
   * @throws SignatureFormatException if the file is not a CMS SignedData
   */
  public boolean extractCmsContent(Path cmsFile, Path target)
      throws SignatureFormatException, IOException {
    try {
      return cms.extractContent(cmsFile, target);
    } catch (RuntimeException e) {
      throw unexpected(e);
    }
  }

  private interface Work {
    List<SignatureCheck> run() throws SignatureFormatException, IOException;
  }

  private static SignatureReport guarded(Work work) throws SignatureFormatException, IOException {
    try {
      return SignatureReport.of(work.run());
    } catch (RuntimeException | StackOverflowError e) {
      throw unexpected(e);
    }
  }

  private static SignatureFormatException unexpected(Throwable e) {
    return new SignatureFormatException(
        "The signatures of this file could not be read.", "Không đọc được chữ ký của tệp này.", e);
  }
}
