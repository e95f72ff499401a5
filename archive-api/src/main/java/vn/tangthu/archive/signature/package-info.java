/**
 * Verification of digital signatures on archived documents (PAdES, CMS/CAdES, OOXML), independent
 * of HTTP and the database. {@link vn.tangthu.archive.signature.SignatureVerifier} produces the
 * contract's {@link vn.tangthu.archive.signature.SignatureReport} in this JVM; {@link
 * vn.tangthu.archive.signature.ForkedSignatureVerifier} does the same in warm child JVMs under a
 * heap and time limit ({@link vn.tangthu.archive.signature.SignatureVerifiers} picks one from the
 * configuration).
 */
package vn.tangthu.archive.signature;
