package vn.tangthu.retention.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** Civil dates in Vietnam, where every retention date of the archive lives. */
public final class VietnamTime {
  /** Asia/Ho_Chi_Minh (UTC+07:00, no daylight saving). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private VietnamTime() {}

  /** Today's date in Vietnam according to {@code clock}. */
  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }

  /** The date in Vietnam at {@code instant}. */
  public static LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZONE);
  }

  /** 00:00 of {@code date} in Vietnam, as an instant (17:00 UTC the day before). */
  public static Instant startOf(LocalDate date) {
    return Objects.requireNonNull(date, "date").atStartOfDay(ZONE).toInstant();
  }
}
