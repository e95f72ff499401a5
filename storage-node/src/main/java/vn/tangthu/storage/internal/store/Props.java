package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Sorted, UTF-8 properties files: the sidecar format an operator reads with any text editor. */
final class Props {
  private Props() {}

  /**
   * One comment line, then one {@code key=value} line per entry in key order, escaped exactly as
   * {@link Properties#store(java.io.Writer, String)} escapes them (without its date comment), so
   * {@link Properties#load(java.io.Reader)} reads the values back unchanged.
   */
  static byte[] serialize(Map<String, String> values, String comment) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("# ").append(comment).append('\n');
    Map<String, String> sorted =
        values instanceof TreeMap<String, String> t ? t : new TreeMap<>(values);
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      escape(sb, e.getKey(), true);
      sb.append('=');
      escape(sb, e.getValue(), false);
      sb.append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code Properties.saveConvert} with {@code escapeUnicode} false (the Writer form). */
  private static void escape(StringBuilder sb, String s, boolean escapeSpace) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 61 && c < 127) {
        if (c == '\\') {
          sb.append('\\');
        }
        sb.append(c);
        continue;
      }
      switch (c) {
        case ' ' -> sb.append(i == 0 || escapeSpace ? "\\ " : " ");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\f' -> sb.append("\\f");
        case '=', ':', '#', '!' -> sb.append('\\').append(c);
        default -> sb.append(c);
      }
    }
  }

  /**
   * Reads a properties file as {@link Properties#load(java.io.Reader)} reads it (UTF-8). Files in
   * the form {@link #serialize} writes (comment lines and {@code key=value} lines) are parsed
   * directly, without {@code Properties}' buffers (a GET reads a sidecar on every request); any
   * other form (continuation lines, {@code :} or whitespace separators, indented lines, an
   * operator's edit) goes through {@link Properties#load(java.io.Reader)}.
   */
  static Map<String, String> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Map<String, String> m = parseSimple(text);
    return m != null ? m : parseFully(text);
  }

  static Map<String, String> parseFully(String text) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text));
    Map<String, String> m = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k));
    }
    return m;
  }

  /** The entries of a file in {@link #serialize}'s form; null when it is in any other form. */
  static Map<String, String> parseSimple(String text) {
    Map<String, String> m = new TreeMap<>();
    StringBuilder sb = new StringBuilder(64);
    int i = 0;
    int n = text.length();
    while (i < n) {
      int end = text.indexOf('\n', i);
      if (end < 0) {
        end = n;
      }
      if (end > i) {
        char first = text.charAt(i);
        if (first != '#' && first != '!') {
          if (!simpleLine(text, i, end, sb, m)) {
            return null;
          }
        } else if (text.lastIndexOf('\r', end - 1) >= i) {
          return null;
        }
      }
      i = end + 1;
    }
    return m;
  }

  /** Parses {@code key=value} in {@code text[from, to)} into {@code into}; false if not simple. */
  private static boolean simpleLine(
      String text, int from, int to, StringBuilder sb, Map<String, String> into) {
    sb.setLength(0);
    String key = null;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (++i >= to) {
          return false; // a continuation line
        }
        char e = text.charAt(i);
        switch (e) {
          case 't' -> sb.append('\t');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            return false;
          }
          default -> sb.append(e);
        }
      } else if (key == null && c == '=') {
        if (i + 1 < to && isSpace(text.charAt(i + 1))) {
          return false; // Properties skips whitespace before a value
        }
        key = sb.toString();
        sb.setLength(0);
      } else if (key == null && (c == ':' || c == ' ' || c == '\t' || c == '\f' || c == '\r')) {
        return false; // another separator, or leading or trailing whitespace around the key
      } else if (c == '\r') {
        return false;
      } else {
        sb.append(c);
      }
    }
    if (key == null || key.isEmpty()) {
      return false;
    }
    into.put(key, sb.toString());
    return true;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }
}
