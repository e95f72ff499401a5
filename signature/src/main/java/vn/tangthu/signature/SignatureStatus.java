package vn.tangthu.signature;

/** Overall verdict of a document's signatures (contract field {@code signature.status}). */
public enum SignatureStatus {
  VALID,
  INVALID,
  INDETERMINATE,
  NOT_SIGNED
}
