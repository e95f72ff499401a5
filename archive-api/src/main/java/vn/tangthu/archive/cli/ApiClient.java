package vn.tangthu.archive.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A small client of the archive's HTTP API for the commands: bearer token, JSON in and out, problem
 * documents turned into {@link ApiClient.Refused}. Thread-safe.
 */
public final class ApiClient {

  /** The server refused or failed: the HTTP status and its problem document. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String body) {
      super("HTTP " + status + ": " + body);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final URI base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * @param base the API base, e.g. {@code http://localhost:8080/api/v1} (a server root without the
   *     base path gets it appended)
   */
  public ApiClient(String base, String token) {
    Objects.requireNonNull(base, "base");
    String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.base = URI.create(b.endsWith("/api/v1") ? b + "/" : b + "/api/v1/");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a token is required (--token)");
    }
    this.token = token.strip();
  }

  public String get(String path) {
    return send(request(path).GET());
  }

  public String post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public String delete(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /**
   * POSTs a {@code multipart/form-data} body that {@code body} writes into the stream it is given
   * (sent as it is written, never held whole), with extra request headers ({@code name, value, …}).
   */
  public String postMultipart(String path, String boundary, BodyWriter body, String... headers) {
    HttpRequest.Builder b =
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> piped(body)));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  /** Writes a request body. */
  @FunctionalInterface
  public interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }

  /** The body as a stream, written by a thread of its own through a bounded pipe. */
  private static java.io.InputStream piped(BodyWriter body) {
    java.io.PipedInputStream in = new java.io.PipedInputStream(256 * 1024);
    java.io.PipedOutputStream out;
    try {
      out = new java.io.PipedOutputStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread writer =
        new Thread(
            () -> {
              try (out) {
                body.write(out);
              } catch (IOException e) {
                // the reader sees the pipe end early: the request fails
              }
            },
            "request-body");
    writer.setDaemon(true);
    writer.start();
    return in;
  }

  /** Streams a GET's body to {@code out}. */
  public void download(String path, OutputStream out) {
    try {
      HttpResponse<java.io.InputStream> r =
          http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      try (var in = r.body()) {
        if (r.statusCode() / 100 != 2) {
          throw new Refused(r.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        in.transferTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A path segment or query value, percent-encoded. */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofMinutes(30))
        .header("Authorization", "Bearer " + token)
        .header("Accept-Language", "vi");
  }

  private String send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() / 100 != 2) {
        throw new Refused(r.statusCode(), r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + base, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
