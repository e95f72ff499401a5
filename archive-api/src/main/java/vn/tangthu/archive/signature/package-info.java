/**
 * Verification of digital signatures on archived documents (PAdES, CMS/CAdES, OOXML), independent
 * of HTTP and the database. {@link vn.tangthu.archive.signature.SignatureVerifier} produces the
 * contract's {@link vn.tangthu.archive.signature.SignatureReport}.
 */
package vn.tangthu.archive.signature;
