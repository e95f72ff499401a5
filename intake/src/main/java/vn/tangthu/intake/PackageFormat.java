package vn.tangthu.intake;

/**
 * What a package is, detected from its bytes (never from its name). The names are the {@code
 * format} values of {@code POST /imports}.
 */
public enum PackageFormat {
  /** One edXML message (QCVN 102:2016 {@code edXML} or the older {@code EdXMLEnvelope}). */
  EDXML,
  /** A zip or tar whose entries are edXML messages, one item per entry. */
  EDXML_BATCH,
  /** A BagIt bag (RFC 8493) as zip or tar, at the root or under one top folder. */
  BAGIT,
  /** A zip of files with {@code metadata.csv} or {@code metadata.json}. */
  ZIP,
  /**
   * A tar (optionally gzip-compressed) of files with {@code metadata.csv} or {@code metadata.json}.
   */
  TAR
}
