package vn.tangthu.signature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Verifies the signatures of a document: in this JVM ({@link SignatureVerifier}) or in isolated
 * child JVMs ({@link ForkedSignatureVerifier}). Implementations are thread-safe.
 */
public interface SignatureVerification extends AutoCloseable {

  /**
   * Every signature and document timestamp of a PDF, across incremental updates.
   *
   * @throws SignatureFormatException if the file is not a readable PDF
   * @throws SignatureLimitException if verification exceeded its time or memory limit
   * @throws IOException if the file cannot be read
   */
  SignatureReport verifyPdf(Path pdfFile) throws SignatureFormatException, IOException;

  /**
   * A detached or enveloping CMS signature.
   *
   * @throws SignatureFormatException if the file is not a CMS SignedData
   * @throws SignatureLimitException if verification exceeded its time or memory limit
   * @throws IOException if a file cannot be read
   */
  SignatureReport verifyCms(Path cmsFile, Optional<Path> detachedContent)
      throws SignatureFormatException, IOException;

  /**
   * The package signatures of an OOXML or ODF file.
   *
   * @throws SignatureFormatException if the file is not a ZIP package
   * @throws SignatureLimitException if verification exceeded its time or memory limit
   * @throws IOException if the file cannot be read
   */
  SignatureReport verifyOoxml(Path file) throws SignatureFormatException, IOException;

  /**
   * The XML-DSig signatures of an XML document, such as an edXML message.
   *
   * @throws SignatureFormatException if the file is not well-formed XML or declares a DTD
   * @throws SignatureLimitException if verification exceeded its time or memory limit
   * @throws IOException if the file cannot be read
   */
  SignatureReport verifyXml(Path file) throws SignatureFormatException, IOException;

  /** Releases what the implementation holds (child processes); the default does nothing. */
  @Override
  default void close() {}
}
