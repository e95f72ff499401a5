package vn.tangthu.archive.input;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.tangthu.retention.schedule.VietnamTime;

/**
 * The one reading of dates and instants the API accepts, and the ranges they must fall in.
 *
 * <p>A date is exactly {@code YYYY-MM-DD} (ASCII digits, a real calendar day, no sign, no time, no
 * spaces), never before {@link #EARLIEST} (digitised records can be that old) and never after
 * 9999-12-31. Document dates ({@code issuedDate}, {@code workEndDate}, a dossier's dates) may be at
 * most one year after today in Vietnam; a sweep's {@code asOf} at most a hundred years after.
 * Instants are ISO-8601 with a {@code Z} or an offset, within the same years. "Today" is read from
 * the injected clock. Immutable and thread-safe.
 */
public final class Dates {

  /** The earliest date any field may hold. */
  public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

  /** The latest date any field may hold (four-digit years only). */
  public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern INSTANT =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?"
              + "(Z|[+-][0-9]{2}:[0-9]{2})");

  private final Clock clock;

  public Dates(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A refused date or instant, with the reason in English and Vietnamese. */
  public static final class Refused extends IllegalArgumentException {
    private final String reasonVi;

    Refused(String reasonEn, String reasonVi) {
      super(reasonEn);
      this.reasonVi = reasonVi;
    }

    public String reasonEn() {
      return getMessage();
    }

    public String reasonVi() {
      return reasonVi;
    }
  }

  /**
   * Reads a date.
   *
   * @throws Refused unless {@code text} is {@code YYYY-MM-DD} from {@link #EARLIEST} to {@link
   *     #LATEST}
   */
  public static LocalDate parse(String text) {
    if (text == null || !DATE.matcher(text).matches()) {
      throw notADate();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      throw notADate();
    }
    if (date.isBefore(EARLIEST)) {
      throw new Refused(
          "must not be before " + EARLIEST, "không được trước ngày " + vietnamese(EARLIEST));
    }
    return date;
  }

  /**
   * Reads an instant such as {@code 2024-03-15T08:30:00Z} or {@code 2024-03-15T15:30+07:00}.
   *
   * @throws Refused for anything else, or a date outside {@link #EARLIEST} to {@link #LATEST}
   */
  public static Instant parseInstant(String text) {
    if (text == null || !INSTANT.matcher(text).matches()) {
      throw notAnInstant();
    }
    OffsetDateTime t;
    try {
      t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException e) {
      throw notAnInstant();
    }
    if (t.toLocalDate().isBefore(EARLIEST)) {
      throw new Refused(
          "must not be before " + EARLIEST, "không được trước ngày " + vietnamese(EARLIEST));
    }
    return t.toInstant();
  }

  /** Today in Vietnam. */
  public LocalDate today() {
    return VietnamTime.today(clock);
  }

  /** The latest document date accepted today: one year after today in Vietnam. */
  public LocalDate latestDocumentDate() {
    return today().plusYears(1);
  }

  /** The latest sweep date accepted today: a hundred years after today in Vietnam. */
  public LocalDate latestAsOf() {
    return today().plusYears(100);
  }

  /**
   * Reads a document date ({@code issuedDate}, {@code workEndDate}, a dossier's dates).
   *
   * @throws Refused unless {@link #parse} reads it and it is at most {@link #latestDocumentDate()}
   */
  public LocalDate document(String text) {
    return requireDocument(parse(text));
  }

  /**
   * Checks a document date already read.
   *
   * @return {@code date} (null stays null)
   * @throws Refused when it is after {@link #latestDocumentDate()} or before {@link #EARLIEST}
   */
  public LocalDate requireDocument(LocalDate date) {
    return within(date, latestDocumentDate(), "one year after today", "một năm sau hôm nay");
  }

  /**
   * Reads a sweep's {@code asOf}.
   *
   * @throws Refused unless {@link #parse} reads it and it is at most {@link #latestAsOf()}
   */
  public LocalDate asOf(String text) {
    return within(parse(text), latestAsOf(), "a hundred years after today", "100 năm sau hôm nay");
  }

  private static LocalDate within(LocalDate date, LocalDate latest, String en, String vi) {
    if (date == null) {
      return null;
    }
    if (date.isBefore(EARLIEST)) {
      throw new Refused(
          "must not be before " + EARLIEST, "không được trước ngày " + vietnamese(EARLIEST));
    }
    if (date.isAfter(latest)) {
      throw new Refused(
          "must not be after " + latest + " (" + en + " in Vietnam)",
          "không được sau ngày " + vietnamese(latest) + " (" + vi + ")");
    }
    return date;
  }

  private static Refused notADate() {
    return new Refused(
        "must be a date YYYY-MM-DD from " + EARLIEST,
        "phải là ngày dạng YYYY-MM-DD, từ " + vietnamese(EARLIEST));
  }

  private static Refused notAnInstant() {
    return new Refused(
        "must be an ISO-8601 instant such as 2024-03-15T08:30:00Z",
        "phải là thời điểm ISO-8601, ví dụ 2024-03-15T08:30:00Z");
  }

  private static String vietnamese(LocalDate d) {
    return d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  }
}
