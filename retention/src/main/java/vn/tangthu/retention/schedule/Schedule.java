package vn.tangthu.retention.schedule;

import java.util.Objects;

/**
 * The retention rule of one series of records. Immutable.
 *
 * @param seriesCode the series code, 1..64 characters of letters, digits, {@code . _ -}
 * @param title what the series holds
 * @param period how long it is kept
 * @param action what happens afterwards
 * @param legalBasis the legal source (circular, annex item) this rule follows
 * @param verified whether the rule was checked against the legal text; {@code false} for examples
 *     the agency must confirm
 * @param note free text; required (non-blank) when not verified
 */
public record Schedule(
    String seriesCode,
    String title,
    RetentionPeriod period,
    DispositionAction action,
    String legalBasis,
    boolean verified,
    String note) {

  /** The note carried by starter entries that could not be checked against the legal text. */
  public static final String UNVERIFIED_NOTE = "example, to be confirmed by the agency";

  /**
   * @throws IllegalArgumentException for a missing or malformed field
   */
  public Schedule {
    seriesCode = SeriesCodes.require(seriesCode);
    title = requireText(title, "title");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(action, "action");
    legalBasis = requireText(legalBasis, "legalBasis");
    note = note == null ? "" : note.strip();
    if (!verified && note.isEmpty()) {
      throw new IllegalArgumentException(
          "schedule " + seriesCode + " is not verified and needs a note saying so");
    }
  }

  /** A verified schedule with no note. */
  public static Schedule verified(
      String seriesCode,
      String title,
      RetentionPeriod period,
      DispositionAction action,
      String legalBasis) {
    return new Schedule(seriesCode, title, period, action, legalBasis, true, "");
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value.strip();
  }
}
