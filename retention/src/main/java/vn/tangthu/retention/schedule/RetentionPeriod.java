package vn.tangthu.retention.schedule;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * How long a series is kept: a whole number of years (at least 1), or permanently. Its text form is
 * {@code "10y"} or {@code "PERMANENT"}. Immutable and thread-safe.
 *
 * @param years the number of years, or 0 when {@code permanent}
 * @param permanent whether the series is kept forever
 */
public record RetentionPeriod(int years, boolean permanent) {

  /** Upper bound on a period in years; anything longer is a data-entry mistake. */
  public static final int MAX_YEARS = 200;

  /** Kept forever; never eligible for disposition. */
  public static final RetentionPeriod PERMANENT = new RetentionPeriod(0, true);

  private static final Pattern YEARS = Pattern.compile("([1-9][0-9]{0,2})y");

  /**
   * @throws IllegalArgumentException when a permanent period has years, or a finite one has fewer
   *     than 1 or more than {@link #MAX_YEARS}
   */
  public RetentionPeriod {
    if (permanent && years != 0) {
      throw new IllegalArgumentException("a permanent period has no years, got " + years);
    }
    if (!permanent && (years < 1 || years > MAX_YEARS)) {
      throw new IllegalArgumentException(
          "retention period must be 1.." + MAX_YEARS + " years, got " + years);
    }
  }

  /**
   * A finite period.
   *
   * @throws IllegalArgumentException when {@code years} is not within 1..{@link #MAX_YEARS}
   */
  public static RetentionPeriod ofYears(int years) {
    return new RetentionPeriod(years, false);
  }

  /**
   * Parses {@code "10y"} or {@code "PERMANENT"} (exactly these forms, no spaces).
   *
   * @throws IllegalArgumentException for null or anything else, with a message naming the input
   */
  public static RetentionPeriod parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("retention period is missing");
    }
    if (text.equals("PERMANENT")) {
      return PERMANENT;
    }
    var m = YEARS.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "retention period must be like \"10y\" or \"PERMANENT\", got \"" + text + "\"");
    }
    return ofYears(Integer.parseInt(m.group(1)));
  }

  /** The years of a finite period; empty when permanent. */
  public OptionalInt finiteYears() {
    return permanent ? OptionalInt.empty() : OptionalInt.of(years);
  }

  /** The text form, {@code "10y"} or {@code "PERMANENT"}; {@link #parse} reads it back. */
  public String format() {
    return permanent ? "PERMANENT" : years + "y";
  }

  @Override
  public String toString() {
    return format();
  }
}
