package vn.tangthu.intake;

/** Why one item of a package cannot become a record; stable codes, shown per import item. */
public enum ItemErrorCode {
  /** Not an edXML message, or one that lacks or garbles an element the mapping needs. */
  EDXML_INVALID,
  /** XML that tries to hurt the reader: a DOCTYPE (entities, external DTD), or markup too big. */
  XML_HOSTILE,
  /** An edXML attachment that is not valid base64, has no reference match, or no content. */
  ATTACHMENT_INVALID,
  /** A path that could escape a folder: {@code ..}, absolute, drive letter, NUL, link. */
  UNSAFE_PATH,
  /** An entry over the size or compression-ratio limits (zip bombs land here). */
  ENTRY_TOO_LARGE,
  /**
   * A metadata row that cannot be used: wrong number of columns, no path, a date that is not a
   * date. The same code {@code POST /records} answers for bad metadata.
   */
  INVALID_METADATA,
  /** A file the metadata names, or a message's attachment, that is not there. */
  MISSING_FILE,
  /** An archive inside the package: not expanded, import it as a package of its own. */
  NESTED_ARCHIVE,
  /** Two entries with one path, or two rows naming the same main file. */
  DUPLICATE_PATH,
  /** An entry the archive cannot decompress: encrypted, unknown method, corrupt, CRC mismatch. */
  ENTRY_UNREADABLE,
  /**
   * An edXML message whose sender ({@code From/OrganId}) no agency has as its {@code edxmlOrganId}.
   * Never given by the reader, which knows no agencies: the archive's import job reports it after
   * looking {@link ItemSource#fromOrganId()} up; an unknown sender is never made a new agency.
   */
  UNKNOWN_SENDER
}
