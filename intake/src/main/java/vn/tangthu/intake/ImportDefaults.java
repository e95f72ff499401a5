package vn.tangthu.intake;

import java.util.Map;

/**
 * The {@code options} part of {@code POST /imports}: values for items that lack them. Blank values
 * count as absent. Applied by the reader to every item, except {@link #agencyCode} to edXML items,
 * whose agency is the sender's ({@code From/OrganId}, mapped by the archive).
 */
public record ImportDefaults(
    String agencyCode, String accessLevel, String seriesCode, String fileCode) {

  /** No defaults. */
  public static final ImportDefaults NONE = new ImportDefaults(null, null, null, null);

  public ImportDefaults {
    agencyCode = blankToNull(agencyCode);
    accessLevel = blankToNull(accessLevel);
    seriesCode = blankToNull(seriesCode);
    fileCode = blankToNull(fileCode);
  }

  /** From the JSON keys of the {@code options} part (unknown keys are the caller's to refuse). */
  public static ImportDefaults of(Map<String, String> options) {
    return new ImportDefaults(
        options.get("agencyCode"),
        options.get("accessLevel"),
        options.get("seriesCode"),
        options.get("fileCode"));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
