package vn.tangthu.archive.signature;

/** Overall verdict of a document's signatures (contract field {@code signature.status}). */
public enum SignatureStatus {
  VALID,
  INVALID,
  INDETERMINATE,
  NOT_SIGNED
}
