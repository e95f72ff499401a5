package vn.tangthu.archive.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection over a plain socket, byte for byte what the test writes: requests are
 * sent on the same connection one after another (keep-alive), optionally from a chosen local
 * address (any of 127.0.0.0/8 reaches a server bound to every interface). Not thread-safe.
 */
public final class RawHttp implements AutoCloseable {

  /** A response: status, headers (names lower-cased, last value wins) and body. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String host;

  private RawHttp(Socket socket, String host) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.host = host;
  }

  /** Connects to the host and port of {@code base}, from {@code localAddress} when not null. */
  public static RawHttp connect(URI base, String localAddress) throws IOException {
    Socket s = new Socket();
    s.setSoTimeout(60_000);
    if (localAddress != null) {
      s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
    }
    s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
    return new RawHttp(s, base.getHost() + ":" + base.getPort());
  }

  /**
   * Sends {@code GET path} with exactly these header lines (each {@code "Name: value"}) and reads
   * the answer; the connection stays open for the next request.
   */
  public Response get(String path, String... headerLines) throws IOException {
    StringBuilder request = new StringBuilder();
    request.append("GET ").append(path).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(host).append("\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("\r\n");
    out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return read();
  }

  /**
   * Sends {@code POST path} with a JSON body and these header lines, and reads the answer; the
   * connection stays open for the next request.
   */
  public Response postJson(String path, String json, String... headerLines) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder();
    request.append("POST ").append(path).append(" HTTP/1.1\r\n");
    request.append("Host: ").append(host).append("\r\n");
    request.append("Content-Type: application/json\r\n");
    request.append("Content-Length: ").append(body.length).append("\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    request.append("\r\n");
    out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
    return read();
  }

  /**
   * Sends {@code POST path} with a JSON body whose bytes follow the head only after {@code delay},
   * as a client that writes the head and the body separately does on a slow network, and reads the
   * answer; the connection stays open for the next request.
   */
  public Response postJsonLate(String path, String json, java.time.Duration delay)
      throws IOException, InterruptedException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + host
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    Thread.sleep(delay.toMillis());
    out.write(body);
    out.flush();
    return read();
  }

  /**
   * Sends one request on a new connection, byte for byte: {@code head} is the request line and
   * header lines (ISO-8859-1, so a request a well-behaved client refuses to send, such as a NUL in
   * a header, goes out as written), to which {@code Host}, {@code Connection: close} and the blank
   * line are added; then reads the answer.
   */
  public static Response send(URI base, String head) throws IOException {
    try (RawHttp c = connect(base, null)) {
      c.out.write(
          (head + "\r\nHost: " + c.host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      c.out.flush();
      return c.read();
    }
  }

  private Response read() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(); !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int size = chunkSize(); size > 0; size = chunkSize()) {
        b.write(in.readNBytes(size));
        line();
      }
      for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
        // trailers are ignored
      }
      body = b.toByteArray();
    } else {
      body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private int chunkSize() throws IOException {
    String line = line();
    int semicolon = line.indexOf(';');
    return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed by the server");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
