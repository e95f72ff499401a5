package vn.tangthu.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code GET /api/v1/search} of a running archive, as the given token's user. Thread-safe. */
public final class HttpSearch implements SearchEngine {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI api;
  private final String token;

  /** {@code api} ends with {@code /api/v1/}. */
  public HttpSearch(URI api, String token) {
    this.api = api;
    this.token = token;
  }

  @Override
  public long total(BenchQuery query) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(api.resolve("search?" + query.httpQuery()))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IOException(
          "search answered " + r.statusCode() + " for " + query + ": " + new String(r.body()));
    }
    JsonNode body = JSON.readTree(r.body());
    return body.get("total").asLong();
  }

  @Override
  public String name() {
    return "archive API (Lucene, HTTP)";
  }
}
