package vn.tangthu.archive.config;

import java.util.Collection;

/**
 * The one way a configuration record fills a value the file leaves out: its compact constructor
 * replaces an absent value (missing, null, a blank string such as an unset {@code ${VAR:-}}, or an
 * empty list) with the record's default. Whether a present value is acceptable is said by the
 * record's Bean Validation annotations, checked by Dropwizard at start-up.
 */
final class Absent {
  private Absent() {}

  /** {@code value}, or {@code fallback} when it is absent. */
  static <T> T or(T value, T fallback) {
    if (value == null
        || value instanceof String s && s.isBlank()
        || value instanceof Collection<?> c && c.isEmpty()) {
      return fallback;
    }
    return value;
  }

  /** The machine's processors: the default of the thread counts. */
  static int processors() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
