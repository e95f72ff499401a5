/**
 * Verification of digital signatures on archived documents (PAdES, CMS/CAdES, OOXML), independent
 * of HTTP and the database: a library module that only {@code archive-api} uses. {@link
 * vn.tangthu.signature.SignatureVerifier} produces the contract's {@link
 * vn.tangthu.signature.SignatureReport} in this JVM; {@link
 * vn.tangthu.signature.ForkedSignatureVerifier} does the same in warm child JVMs under a heap and
 * time limit (a {@link vn.tangthu.child.ChildPool}); {@link
 * vn.tangthu.signature.SignatureVerifiers} picks one from the configuration.
 */
package vn.tangthu.signature;
