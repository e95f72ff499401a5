package vn.tangthu.storage.internal.post;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body as S3's POST uploads send it: the text fields first
 * (each at most 64 KiB), then the {@code file} field, whose content is handed out as a stream that
 * ends at the next boundary (fields after it are ignored, as S3 does). Not thread-safe.
 */
public final class FormReader {
  private static final int FIELD_MAX = 64 * 1024;

  private final PushbackInputStream in;
  private final byte[] delimiter;
  private final Map<String, String> fields = new LinkedHashMap<>();
  private String fileName;
  private String fileContentType;

  /**
   * @param boundary the boundary from the request's Content-Type
   */
  public FormReader(InputStream in, String boundary) {
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.in = new PushbackInputStream(in, delimiter.length + 8192);
  }

  /** The boundary parameter of a multipart/form-data Content-Type, or null. */
  public static String boundary(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return null;
    }
    for (String p : contentType.split(";")) {
      String t = p.trim();
      if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = t.substring(9);
        return b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b;
      }
    }
    return null;
  }

  /**
   * Reads every field up to the file's content.
   *
   * @return the file's content, ending at its boundary
   * @throws IllegalArgumentException when the body is not a form with a file field
   */
  public InputStream readToFile() throws IOException {
    // the body starts with "--boundary": treat it as if preceded by CRLF
    byte[] first = in.readNBytes(delimiter.length - 2);
    if (!Arrays.equals(first, Arrays.copyOfRange(delimiter, 2, delimiter.length))) {
      throw new IllegalArgumentException("the body does not start with the boundary");
    }
    while (true) {
      String rest = line();
      if (rest.startsWith("--")) {
        throw new IllegalArgumentException("no file field");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = line(); !h.isEmpty(); h = line()) {
        int colon = h.indexOf(':');
        if (colon > 0) {
          headers.put(
              h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
      }
      String disposition = headers.getOrDefault("content-disposition", "");
      String name = param(disposition, "name");
      if (name == null) {
        throw new IllegalArgumentException("a part without a name");
      }
      if (name.equalsIgnoreCase("file")) {
        fileName = param(disposition, "filename");
        fileContentType = headers.get("content-type");
        return new PartStream();
      }
      byte[] value = new PartStream().readNBytes(FIELD_MAX + 1);
      if (value.length > FIELD_MAX) {
        throw new IllegalArgumentException("field " + name + " is too long");
      }
      fields.putIfAbsent(name, new String(value, StandardCharsets.UTF_8));
    }
  }

  /** The text fields before the file, by name as sent. */
  public Map<String, String> fields() {
    return fields;
  }

  /** The file name the browser sent, or null. */
  public String fileName() {
    return fileName;
  }

  /** The Content-Type of the file part, or null. */
  public String fileContentType() {
    return fileContentType;
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c >= 0; c = in.read()) {
      if (c == '\r') {
        int n = in.read();
        if (n == '\n') {
          return sb.toString();
        }
        sb.append('\r');
        if (n >= 0) {
          in.unread(n);
        }
        continue;
      }
      sb.append((char) c);
      if (sb.length() > FIELD_MAX) {
        throw new IllegalArgumentException("line too long");
      }
    }
    throw new IllegalArgumentException("unexpected end of the form");
  }

  private static String param(String header, String name) {
    for (String p : header.split(";")) {
      String t = p.trim();
      if (t.toLowerCase(Locale.ROOT).startsWith(name + "=")) {
        String v = t.substring(name.length() + 1);
        return v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
      }
    }
    return null;
  }

  /** The content of the current part, up to (not including) the next delimiter. */
  private final class PartStream extends InputStream {
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (done) {
        return -1;
      }
      len = Math.min(len, 8192);
      byte[] buf = new byte[Math.max(len, delimiter.length) + delimiter.length];
      int n = in.readNBytes(buf, 0, Math.min(buf.length, len + delimiter.length));
      int at = indexOf(buf, n);
      if (at >= 0) {
        in.unread(buf, at + delimiter.length, n - at - delimiter.length);
        done = true;
        System.arraycopy(buf, 0, b, off, at);
        return at == 0 ? -1 : at;
      }
      if (n < delimiter.length) {
        throw new IOException("the form ends inside a part");
      }
      // keep the last delimiter.length - 1 bytes: a delimiter may start there
      int give = Math.min(len, n - (delimiter.length - 1));
      in.unread(buf, give, n - give);
      System.arraycopy(buf, 0, b, off, give);
      return give;
    }

    private int indexOf(byte[] buf, int n) {
      outer:
      for (int i = 0; i + delimiter.length <= n; i++) {
        for (int j = 0; j < delimiter.length; j++) {
          if (buf[i + j] != delimiter[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
