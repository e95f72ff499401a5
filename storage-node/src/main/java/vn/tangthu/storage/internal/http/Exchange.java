package vn.tangthu.storage.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import vn.tangthu.storage.internal.auth.Encoding;
import vn.tangthu.storage.internal.auth.SigV4Verifier;

/** One request/response pair with the parsing every operation needs. */
final class Exchange {
  final Request request;
  final Response response;
  final String method;
  final String rawPath;
  final String rawQuery;
  final String bucket;
  final String key;
  final Map<String, String> query;
  final String requestId;
  boolean committed;
  vn.tangthu.storage.internal.auth.AuthContext auth;

  Exchange(Request request, Response response, String requestId) {
    this.request = request;
    this.response = response;
    this.requestId = requestId;
    this.method = request.getMethod();
    this.rawPath = request.getHttpURI().getPath() == null ? "/" : request.getHttpURI().getPath();
    this.rawQuery = request.getHttpURI().getQuery();
    this.query = parseQuery(rawQuery);
    String path = Encoding.decode(rawPath, false);
    String p = path.startsWith("/") ? path.substring(1) : path;
    int slash = p.indexOf('/');
    this.bucket = slash < 0 ? p : p.substring(0, slash);
    this.key = slash < 0 ? "" : p.substring(slash + 1);
  }

  static Map<String, String> parseQuery(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String part : raw.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = Encoding.decode(eq < 0 ? part : part.substring(0, eq), true);
      String value = eq < 0 ? "" : Encoding.decode(part.substring(eq + 1), true);
      q.putIfAbsent(name, value);
    }
    return q;
  }

  SigV4Verifier.SignedRequest signed() {
    return new SigV4Verifier.SignedRequest(
        method,
        rawPath,
        rawQuery,
        this::headerValues,
        () -> List.copyOf(request.getHeaders().getFieldNamesCollection()));
  }

  List<String> headerValues(String name) {
    List<String> values = new ArrayList<>();
    for (HttpField f : request.getHeaders()) {
      if (f.getName().equalsIgnoreCase(name)) {
        values.add(f.getValue());
      }
    }
    return values;
  }

  String header(String name) {
    return request.getHeaders().get(name);
  }

  boolean has(String queryParam) {
    return query.containsKey(queryParam);
  }

  /** The system metadata S3 stores with an object and returns as given. */
  static final List<String> STORED_HEADERS =
      List.of(
          "Cache-Control",
          "Content-Disposition",
          "Content-Encoding",
          "Content-Language",
          "Expires");

  /**
   * {@code x-amz-meta-*} headers, names lower-cased without the prefix, and the {@link
   * #STORED_HEADERS} under their names prefixed with {@code ':'} (which no user metadata name can
   * hold). {@code aws-chunked} is removed from Content-Encoding (it only framed the request).
   */
  Map<String, String> userMetadata() {
    Map<String, String> m = new java.util.TreeMap<>();
    for (HttpField f : request.getHeaders()) {
      String n = f.getName().toLowerCase(Locale.ROOT);
      if (n.startsWith("x-amz-meta-")) {
        m.merge(n.substring(11), f.getValue(), (a, b) -> a + "," + b);
      }
    }
    for (String h : STORED_HEADERS) {
      String v = header(h);
      if (h.equals("Content-Encoding") && v != null) {
        v = withoutAwsChunked(v);
      }
      if (v != null && !v.isEmpty()) {
        m.put(":" + h, v);
      }
    }
    return m;
  }

  private static String withoutAwsChunked(String encoding) {
    List<String> kept = new ArrayList<>();
    for (String e : encoding.split(",")) {
      if (!e.trim().equalsIgnoreCase("aws-chunked") && !e.isBlank()) {
        kept.add(e.trim());
      }
    }
    return String.join(",", kept);
  }

  /** Whether the handler started reading the body (a refused body is then drained). */
  boolean bodyStarted;

  InputStream rawBody() {
    bodyStarted = true;
    return Content.Source.asInputStream(request);
  }

  /**
   * Reads a small body (XML) fully, refusing more than {@code max} bytes and checking it against
   * the signed payload hash.
   */
  byte[] smallBody(int max) throws IOException {
    byte[] b = BodyCheck.body(this, auth).readNBytes(max + 1);
    if (b.length > max) {
      throw new vn.tangthu.storage.internal.s3.S3Exception(
          400, "EntityTooLarge", "Request body is too large");
    }
    if (auth.payloadMode() == vn.tangthu.storage.internal.auth.PayloadMode.SIGNED
        && !auth.payloadSha256()
            .equalsIgnoreCase(vn.tangthu.storage.internal.auth.SigningKeys.sha256Hex(b))) {
      throw new vn.tangthu.storage.internal.s3.S3Exception(
          400,
          "XAmzContentSHA256Mismatch",
          "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    return b;
  }

  void setHeader(String name, String value) {
    if (value != null) {
      response.getHeaders().put(name, value);
    }
  }

  void status(int status) {
    response.setStatus(status);
  }

  void sendXml(int status, String xml) throws IOException {
    setHeader("Content-Type", "application/xml");
    sendBytes(status, xml.getBytes(StandardCharsets.UTF_8));
  }

  void sendText(int status, String contentType, String text) throws IOException {
    setHeader("Content-Type", contentType);
    sendBytes(status, text.getBytes(StandardCharsets.UTF_8));
  }

  void sendBytes(int status, byte[] body) throws IOException {
    response.setStatus(status);
    response.getHeaders().put("Content-Length", Long.toString(body.length));
    committed = true;
    try (Blocker.Callback cb = Blocker.callback()) {
      response.write(
          true, method.equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), cb);
      cb.block();
    }
  }

  void sendEmpty(int status) throws IOException {
    response.setStatus(status);
    if (status != 204 && status != 304) {
      response.getHeaders().put("Content-Length", "0");
    }
    committed = true;
    try (Blocker.Callback cb = Blocker.callback()) {
      response.write(true, null, cb);
      cb.block();
    }
  }

  /** Ends a HEAD answer keeping the Content-Length already set. */
  void finishHead(int status) throws IOException {
    response.setStatus(status);
    committed = true;
    try (Blocker.Callback cb = Blocker.callback()) {
      response.write(true, null, cb);
      cb.block();
    }
  }

  /** Writes body bytes (headers first, with the first write); {@code last} ends the response. */
  void write(ByteBuffer buf, boolean last) throws IOException {
    committed = true;
    try (Blocker.Callback cb = Blocker.callback()) {
      response.write(last, buf, cb);
      cb.block();
    }
  }

  OutputStream bodyStream() {
    committed = true;
    return Content.Sink.asOutputStream(response);
  }
}
