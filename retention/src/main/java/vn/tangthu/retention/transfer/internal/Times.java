package vn.tangthu.retention.transfer.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times as the packages write them: ISO 8601 with the Vietnam offset {@code +07:00}. */
public final class Times {
  private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

  private Times() {}

  /** {@code 2031-01-06T10:00:00+07:00}, to the second. */
  public static String vietnam(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), VIETNAM)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
