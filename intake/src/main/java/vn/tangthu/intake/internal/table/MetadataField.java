package vn.tangthu.intake.internal.table;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of {@code metadata.csv} (keys of {@code metadata.json}): the metadata fields of
 * {@code POST /records} with their exact names, plus {@code path}, {@code signaturePath} and {@code
 * attachmentPaths}. Matched case-insensitively.
 */
public enum MetadataField {
  AGENCY_CODE("agencyCode"),
  SUBJECT("subject"),
  TYPE_NAME("typeName"),
  NUMBER("number"),
  NOTATION("notation"),
  ISSUED_DATE("issuedDate"),
  ISSUER("issuer"),
  FILE_CODE("fileCode"),
  DOC_CODE("docCode"),
  LANGUAGE("language"),
  ACCESS_LEVEL("accessLevel"),
  CONFIDENCE("confidence"),
  KEYWORDS("keywords"),
  DESCRIPTION("description"),
  SERIES_CODE("seriesCode"),
  WORK_END_DATE("workEndDate"),
  PATH("path"),
  SIGNATURE_PATH("signaturePath"),
  ATTACHMENT_PATHS("attachmentPaths");

  private static final Map<String, MetadataField> BY_NAME = new HashMap<>();

  static {
    for (MetadataField f : values()) {
      BY_NAME.put(f.wire.toLowerCase(Locale.ROOT), f);
    }
  }

  private final String wire;

  MetadataField(String wire) {
    this.wire = wire;
  }

  /** The column name. */
  public String wire() {
    return wire;
  }

  /** The field a column name means, or {@code null}. */
  public static MetadataField of(String name) {
    return name == null ? null : BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
  }
}
