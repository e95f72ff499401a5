package vn.tangthu.storage.internal.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Date formats of the S3 wire. */
final class Formats {
  static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);
  static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Formats() {}

  static String http(Instant i) {
    return HTTP_DATE.format(i);
  }

  static String iso(Instant i) {
    return ISO_MILLIS.format(i);
  }

  /** Parses an HTTP date (RFC 1123), or null when absent or invalid. */
  static Instant parseHttp(String s) {
    if (s == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(s.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Parses an ISO-8601 instant (with or without fraction/offset), or null. */
  static Instant parseIso(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(s.trim()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s.trim());
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  static String quote(String etag) {
    return etag == null ? null : '"' + etag + '"';
  }
}
