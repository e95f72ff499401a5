package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Sorted, UTF-8 properties files: the sidecar format an operator reads with any text editor. */
final class Props {
  private Props() {}

  static byte[] serialize(Map<String, String> values, String comment) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(comment).append('\n');
    for (var e : new TreeMap<>(values).entrySet()) {
      Properties one = new Properties();
      one.setProperty(e.getKey(), e.getValue());
      StringWriter w = new StringWriter();
      try {
        one.store(w, null);
      } catch (IOException ex) {
        throw new IllegalStateException(ex);
      }
      // drop the date comment line Properties.store always writes
      String text = w.toString();
      sb.append(text.substring(text.indexOf('\n') + 1));
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
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
