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

  static Map<String, String> read(Path file) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    Map<String, String> m = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k));
    }
    return m;
  }
}
