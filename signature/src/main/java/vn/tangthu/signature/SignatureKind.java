package vn.tangthu.signature;

/** What kind of signature a {@link SignatureCheck} describes. */
public enum SignatureKind {
  PADES,
  CMS_DETACHED,
  CMS_ENVELOPING,
  DOC_TIMESTAMP,
  OOXML,
  ODF,
  XMLDSIG
}
