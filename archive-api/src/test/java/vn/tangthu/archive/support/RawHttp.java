package vn.tangthu.archive.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests a well-behaved client refuses to send (NUL in a
 * header, raw bytes in the request line, oversized headers). One request per connection.
 */
public final class RawHttp {

  /** A response as read from the wire; header names in lower case. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  private RawHttp() {}

  /**
   * Sends {@code head} (request line and headers, without the blank line; {@code Host} and {@code
   * Connection: close} are added) and {@code body}, and reads the whole answer.
   */
  public static Answer send(URI server, byte[] head, byte[] body) throws IOException {
    try (Socket s = new Socket(server.getHost(), server.getPort())) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(head);
      String tail =
          "\r\nHost: "
              + server.getHost()
              + ":"
              + server.getPort()
              + "\r\nConnection: close\r\n"
              + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "")
              + "\r\n";
      out.write(tail.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return read(s.getInputStream());
    }
  }

  /** A request line and headers given as text (ISO-8859-1, so every char is one byte). */
  public static Answer send(URI server, String head) throws IOException {
    return send(server, head.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      in.transferTo(all);
    } catch (java.net.SocketException e) {
      // the server may reset after answering a refused request; keep what arrived
    }
    byte[] bytes = all.toByteArray();
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("No complete answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    byte[] raw = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      raw = dechunk(raw);
    }
    return new Answer(status, headers, new String(raw, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < raw.length) {
      int lineEnd = i;
      while (lineEnd + 1 < raw.length && !(raw[lineEnd] == '\r' && raw[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String sizeLine = new String(raw, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0];
      int size = Integer.parseInt(sizeLine.strip(), 16);
      if (size == 0) {
        break;
      }
      out.write(raw, lineEnd + 2, size);
      i = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }
}
