package vn.tangthu.json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON spelling of what the archive hashes or signs (audit details, destruction
 * certificates): the RFC 8785 subset for strings, integers, lists and objects. Object members are
 * sorted by key ({@link String#compareTo}, UTF-16 code units; the archive's keys are ASCII, so this
 * is also UTF-8 byte order), there is no whitespace, and only {@code "}, {@code \} and the control
 * characters U+0000–U+001F are escaped ({@code \b \f \n \r \t}, else {@code \}{@code u00XX} in
 * lower-case hex). Every other character is written as itself. Equal values give equal text.
 *
 * <p>Stateless and thread-safe.
 */
public final class CanonicalJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /**
   * The canonical text of {@code value}: a {@link String}, an {@link Integer} or {@link Long}, a
   * {@link List} of values, or a {@link Map} from {@link String} keys to values.
   *
   * @throws IllegalArgumentException for any other value (including {@code null}) or a key that is
   *     not a string
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      object(out, map);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(out, list.get(i));
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("unsupported JSON value " + value);
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    map.forEach(
        (k, v) -> {
          if (!(k instanceof String key)) {
            throw new IllegalArgumentException("unsupported JSON key " + k);
          }
          sorted.put(key, v);
        });
    out.append('{');
    boolean first = true;
    for (var e : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, e.getKey());
      out.append(':');
      append(out, e.getValue());
    }
    out.append('}');
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
