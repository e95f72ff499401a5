package vn.tangthu.archive.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON spelling of an event's details: an object of string values, keys in ascending order
 * (keys are ASCII, so this is also UTF-8 byte order), no whitespace, and only {@code "}, {@code \}
 * and the control characters U+0000–U+001F escaped ({@code \b \f \n \r \t}, else {@code \}{@code
 * u00XX} in lower-case hex). Every other character is written as itself.
 */
final class CanonicalJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  static String write(Map<String, String> details) {
    StringBuilder b = new StringBuilder("{");
    new TreeMap<>(details)
        .forEach(
            (k, v) -> {
              if (b.length() > 1) {
                b.append(',');
              }
              string(b, k);
              b.append(':');
              string(b, v);
            });
    return b.append('}').toString();
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** The details of a stored entry; anything but a flat string object comes back as {"raw": …}. */
  static Map<String, String> parseLenient(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      Map<String, String> m =
          JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
      return m == null ? Map.of("raw", json) : m;
    } catch (Exception e) {
      return Map.of("raw", json);
    }
  }
}
