package vn.tangthu.archive.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import io.dropwizard.util.Duration;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads a time setting as a Dropwizard {@link Duration}, written either the Dropwizard way ({@code
 * 60 seconds}, {@code 500ms}) or, as the shipped files and earlier releases do, in ISO-8601 ({@code
 * PT60S}, {@code PT0.5S}). A negative ISO-8601 value is read as such, so the field's {@code
 * MinDuration} refuses it by name instead of a parse error hiding which bound was broken.
 */
final class ConfigDuration extends JsonDeserializer<Duration> {

  @Override
  public Duration deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    String text = parser.getValueAsString();
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    String upper = trimmed.toUpperCase(Locale.ROOT);
    try {
      if (upper.startsWith("P") || upper.startsWith("-P") || upper.startsWith("+P")) {
        java.time.Duration iso = java.time.Duration.parse(trimmed);
        return iso.toNanosPart() % 1_000_000 == 0
            ? Duration.milliseconds(iso.toMillis())
            : Duration.nanoseconds(iso.toNanos());
      }
      return Duration.parse(trimmed);
    } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
      return (Duration)
          context.handleWeirdStringValue(
              Duration.class, text, "not a duration (PT60S or 60 seconds): %s", e.getMessage());
    }
  }
}
