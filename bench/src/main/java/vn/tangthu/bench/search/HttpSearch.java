package vn.tangthu.bench.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code GET /api/v1/search} of a running archive, as the given token's user. Thread-safe.
 *
 * <p>The load generator shares the machine with the server, so it must cost little and add no
 * waiting of its own: each call runs on the calling thread over a kept-alive connection (OkHttp's
 * blocking {@code execute}; {@code java.net.http.HttpClient} hands every exchange to its one
 * selector thread and back, and measured a higher p99 with more client CPU in the same runs), and
 * the answer is read as a stream up to its {@code total}, then drained, without building a tree.
 *
 * <p>Each search is sent once: a failed exchange, a redirect or any other answer than 200 fails the
 * call, nothing is retried. So the client must never send on a connection the server has closed:
 * the server (Jetty) closes a connection idle for its idle timeout (the archive's is 30 s), and
 * OkHttp reuses a pooled connection for a {@code GET} without checking whether the server has
 * closed it, so a search sent on it reads the end of the stream instead of an answer. The client
 * therefore closes every connection idle for {@link #KEEP_ALIVE}, well before the server would; the
 * benchmark leaves the API's connections idle for minutes while it loads PostgreSQL, and the open
 * loop uses its last connections only in bursts of arrivals.
 */
public final class HttpSearch implements SearchEngine {

  /**
   * How long an idle connection stays in the client's pool: a sixth of the archive's idle timeout
   * (Dropwizard's HTTP connector default, 30 s), so a pause of the client cannot let the server
   * close first.
   */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(5);

  private static final JsonFactory JSON = new JsonFactory();
  private final OkHttpClient http;
  private final URI api;
  private final String token;
  private final LongAdder searches = new LongAdder();
  private final Counter counter = new Counter();

  /**
   * What the client sent: searches called, HTTP requests sent for them (more only if something was
   * sent again) and connections opened.
   */
  public record Usage(long searches, long requests, long connections) {
    @Override
    public String toString() {
      return String.format(
          "%,d searches, %,d requests sent (%,d sent again), %,d connections opened",
          searches, requests, requests - searches, connections);
    }
  }

  /** {@code api} ends with {@code /api/v1/}. */
  public HttpSearch(URI api, String token) {
    this.api = api;
    this.token = token;
    this.http =
        new OkHttpClient.Builder()
            .connectionPool(
                new ConnectionPool(
                    LoadRun.PACED_SENDERS, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60))
            .retryOnConnectionFailure(false)
            .addNetworkInterceptor(HttpSearch::onlyOk)
            .eventListener(counter)
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
    searches.increment();
    try (Response r = http.newCall(request).execute();
        InputStream in = r.body().byteStream()) {
      long total = total(in);
      in.transferTo(OutputStream.nullOutputStream());
      return total;
    }
  }

  /**
   * Fails the call on any answer but 200, before OkHttp could follow it up by sending the search
   * again (it follows redirects and resends after a 503 with {@code Retry-After: 0}, whatever
   * {@code retryOnConnectionFailure} says).
   */
  private static Response onlyOk(Interceptor.Chain chain) throws IOException {
    Response r = chain.proceed(chain.request());
    if (r.code() == 200) {
      return r;
    }
    try (r) {
      throw new IOException(
          "search answered "
              + r.code()
              + " to "
              + chain.request().url()
              + ": "
              + r.body().string());
    }
  }

  /** What this client has sent so far. */
  public Usage usage() {
    return new Usage(searches.sum(), counter.requests.sum(), counter.connections.sum());
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

  /** Counts the requests sent and connections opened, across all calls (thread-safe). */
  private static final class Counter extends EventListener {
    final LongAdder requests = new LongAdder();
    final LongAdder connections = new LongAdder();

    @Override
    public void requestHeadersStart(Call call) {
      requests.increment();
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
      connections.increment();
    }
  }
}
