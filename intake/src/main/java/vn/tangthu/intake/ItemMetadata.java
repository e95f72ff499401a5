package vn.tangthu.intake;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An item's metadata: the fields of {@code POST /records} (same names, same meaning) plus its
 * {@link ItemSource}. Values are as the package gave them, trimmed, blanks as {@code null}, dates
 * parsed, defaults applied; they are <em>not</em> validated here (required fields, lengths, allowed
 * values): the archive builds its {@code RecordMetadata} from {@link #toRecordFields()}, so an
 * import item is checked exactly like an upload. {@link #agencyCode} is {@code null} for edXML
 * items: the archive maps {@link ItemSource#fromOrganId()} to the agency.
 */
public record ItemMetadata(
    String agencyCode,
    String subject,
    String typeName,
    String number,
    String notation,
    LocalDate issuedDate,
    String issuer,
    String fileCode,
    String docCode,
    String language,
    String accessLevel,
    String confidence,
    String keywords,
    String description,
    String seriesCode,
    LocalDate workEndDate,
    ItemSource source) {

  public ItemMetadata {
    Objects.requireNonNull(source, "source");
  }

  /**
   * The {@code metadata} JSON object of {@code POST /records}, as a map in field order: only the
   * fields that have a value, dates as {@code YYYY-MM-DD}. Without {@code source}.
   */
  public Map<String, Object> toRecordFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "agencyCode", agencyCode);
    put(m, "subject", subject);
    put(m, "typeName", typeName);
    put(m, "number", number);
    put(m, "notation", notation);
    put(m, "issuedDate", issuedDate);
    put(m, "issuer", issuer);
    put(m, "fileCode", fileCode);
    put(m, "docCode", docCode);
    put(m, "language", language);
    put(m, "accessLevel", accessLevel);
    put(m, "confidence", confidence);
    put(m, "keywords", keywords);
    put(m, "description", description);
    put(m, "seriesCode", seriesCode);
    put(m, "workEndDate", workEndDate);
    return m;
  }

  /** The same metadata for another agency (the archive's mapping of an edXML sender). */
  public ItemMetadata withAgencyCode(String value) {
    return new ItemMetadata(
        value,
        subject,
        typeName,
        number,
        notation,
        issuedDate,
        issuer,
        fileCode,
        docCode,
        language,
        accessLevel,
        confidence,
        keywords,
        description,
        seriesCode,
        workEndDate,
        source);
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value instanceof LocalDate d ? d.toString() : value);
    }
  }
}
