package vn.tangthu.intake;

/** The {@code source.kind} of a record made from an import item ({@code UPLOAD} is not ours). */
public enum SourceKind {
  /** A file of a bag or of a zip/tar with metadata. */
  IMPORT,
  /** An edXML message. */
  EDXML
}
