package vn.tangthu.intake.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as document systems write them: {@code yyyy/MM/dd}, {@code yyyy-MM-dd}, {@code dd/MM/yyyy}
 * (Vietnamese order; {@code dd-MM-yyyy} too), one- or two-digit day and month, with or without a
 * time ({@code HH:mm[:ss[.f]]} after a space or {@code T}) and an offset ({@code Z}, {@code
 * +07:00}). A time with an offset is converted to its civil date in Vietnam; a time without one is
 * taken as Vietnamese time. Anything else, or an impossible date, is refused.
 */
public final class Dates {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String TIME =
      "(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?";
  private static final Pattern YEAR_FIRST =
      Pattern.compile("(\\d{4})([/-])(\\d{1,2})\\2(\\d{1,2})" + TIME);
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})" + TIME);

  /** The accepted forms, for error messages. */
  public static final String FORMS = "yyyy/MM/dd, yyyy-MM-dd or dd/MM/yyyy, optionally with a time";

  private Dates() {}

  /** The civil date {@code text} means, or empty when it is not one of the accepted forms. */
  public static Optional<LocalDate> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    Matcher m = YEAR_FIRST.matcher(s);
    if (m.matches()) {
      return date(m, 1, 3, 4);
    }
    m = DAY_FIRST.matcher(s);
    if (m.matches()) {
      return date(m, 4, 3, 1);
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> date(Matcher m, int year, int month, int day) {
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(year)),
              Integer.parseInt(m.group(month)),
              Integer.parseInt(m.group(day)));
      if (m.group(5) == null) {
        return Optional.of(date);
      }
      int hour = Integer.parseInt(m.group(5));
      int minute = Integer.parseInt(m.group(6));
      int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
      LocalDateTime local = date.atTime(hour, minute, second);
      if (m.group(8) == null) {
        return Optional.of(date);
      }
      ZoneOffset offset =
          ZoneOffset.of(
              m.group(8).length() == 5
                  ? m.group(8).substring(0, 3) + ":" + m.group(8).substring(3)
                  : m.group(8));
      return Optional.of(local.atOffset(offset).atZoneSameInstant(VIETNAM).toLocalDate());
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
