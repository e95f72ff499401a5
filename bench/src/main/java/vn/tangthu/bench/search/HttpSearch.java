package vn.tangthu.bench.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@code GET /api/v1/search} of a running archive, as the given token's user. Thread-safe.
 *
 * <p>The load generator shares the machine with the server, so it must cost little and add no
 * waiting of its own: each call runs on the calling thread over a kept-alive connection (OkHttp's
 * blocking {@code execute}; {@code java.net.http.HttpClient} hands every exchange to its one
 * selector thread and back, and measured a higher p99 with more client CPU in the same runs), and
 * the answer is read as a stream up to its {@code total}, then drained, without building a tree.
 */
public final class HttpSearch implements SearchEngine {

  private static final JsonFactory JSON = new JsonFactory();
  private final OkHttpClient http;
  private final URI api;
  private final String token;

  /** {@code api} ends with {@code /api/v1/}. */
  public HttpSearch(URI api, String token) {
    this.api = api;
    this.token = token;
    this.http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(LoadRun.PACED_SENDERS, 5, TimeUnit.MINUTES))
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60))
            .retryOnConnectionFailure(false)
            .build();
  }

  @Override
  public long total(BenchQuery query) throws IOException {
    Request request =
        new Request.Builder()
            .url(api.resolve("search?" + query.httpQuery()).toString())
            .header("Authorization", "Bearer " + token)
            .get()
            .build();
    try (Response r = http.newCall(request).execute()) {
      ResponseBody body = r.body();
      if (r.code() != 200) {
        throw new IOException(
            "search answered " + r.code() + " for " + query + ": " + body.string());
      }
      try (InputStream in = body.byteStream()) {
        long total = total(in);
        in.transferTo(OutputStream.nullOutputStream());
        return total;
      }
    }
  }

  /** The top-level {@code total} of a search answer, reading no further than needed. */
  static long total(InputStream in) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("search answer is not a JSON object");
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("total")) {
          return p.getLongValue();
        }
        p.skipChildren();
      }
      throw new IOException("search answer has no total");
    }
  }

  @Override
  public String name() {
    return "archive API (Lucene, HTTP)";
  }

  @Override
  public void close() {
    http.connectionPool().evictAll();
  }
}
