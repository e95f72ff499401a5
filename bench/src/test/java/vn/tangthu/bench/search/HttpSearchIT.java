package vn.tangthu.bench.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.Duration;
import java.io.IOException;
import java.net.URI;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HttpSearch} against the archive's kind of HTTP connector (Dropwizard's, on Jetty) with a
 * short idle timeout: the connection handling of the benchmark's client, over real sockets.
 */
class HttpSearchIT {

  private static final BenchQuery QUERY =
      new BenchQuery(BenchQuery.Kind.FILTERS_ONLY, "", null, null, null, null);

  /** Status codes to answer before the 200s, in order. */
  private final Queue<Integer> firstAnswers = new ConcurrentLinkedQueue<>();

  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger opened = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private Server server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  /**
   * The benchmark leaves the API's connections idle while it loads PostgreSQL, longer than the
   * server's idle timeout (the archive's: 30 s), after which the server closes them; OkHttp would
   * send the next {@code GET} on such a connection and read the end of the stream. The next search
   * must go out once, on a new connection.
   */
  @Test
  void searchAfterIdlingPastTheServersIdleTimeoutGoesOutOnANewConnection() throws Exception {
    Duration serverIdle = Duration.seconds(10);
    URI api = start(serverIdle);
    try (HttpSearch http = new HttpSearch(api, "token")) {
      assertThat(http.total(QUERY)).isEqualTo(3);
      long idleSince = System.nanoTime();
      assertThat(closed.await(30, TimeUnit.SECONDS)).as("the idle connection is closed").isTrue();
      waitUntil(idleSince + serverIdle.toNanoseconds() + TimeUnit.MILLISECONDS.toNanos(500));

      assertThat(http.total(QUERY)).isEqualTo(3);
      assertThat(requests).as("requests received").hasValue(2);
      assertThat(opened).as("connections opened").hasValue(2);
      assertThat(http.usage()).isEqualTo(new HttpSearch.Usage(2, 2, 2));
    }
  }

  /**
   * OkHttp sends a request again after a 503 with {@code Retry-After: 0} and after a redirect, even
   * with {@code retryOnConnectionFailure} off; the benchmark sends each search once and fails.
   */
  @ParameterizedTest
  @ValueSource(ints = {503, 302, 307, 408})
  void searchIsNeverSentTwice(int status) throws Exception {
    URI api = start(Duration.seconds(30));
    firstAnswers.add(status);
    try (HttpSearch http = new HttpSearch(api, "token")) {
      assertThatThrownBy(() -> http.total(QUERY))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("answered " + status);
      assertThat(requests).as("requests received").hasValue(1);

      assertThat(http.total(QUERY)).isEqualTo(3);
      assertThat(http.usage()).isEqualTo(new HttpSearch.Usage(2, 2, 1));
    }
  }

  private static void waitUntil(long nanoTime) throws InterruptedException {
    for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private URI start(Duration idleTimeout) throws Exception {
    server = new Server();
    HttpConnectorFactory connector = new HttpConnectorFactory();
    connector.setBindHost("127.0.0.1");
    connector.setPort(0);
    connector.setIdleTimeout(idleTimeout);
    ServerConnector c =
        (ServerConnector)
            connector.build(server, new MetricRegistry(), "bench-test", server.getThreadPool());
    c.addEventListener(
        new Connection.Listener() {
          @Override
          public void onOpened(Connection connection) {
            opened.incrementAndGet();
          }

          @Override
          public void onClosed(Connection connection) {
            closed.countDown();
          }
        });
    server.addConnector(c);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            requests.incrementAndGet();
            Integer status = firstAnswers.poll();
            if (status != null) {
              response.setStatus(status);
              response.getHeaders().put("Retry-After", "0");
              response.getHeaders().put("Location", "/api/v1/search?again");
              Content.Sink.write(response, true, "{\"code\":\"BUSY\"}", callback);
              return true;
            }
            response.getHeaders().put("Content-Type", "application/json");
            Content.Sink.write(response, true, "{\"hits\":[],\"total\":3}", callback);
            return true;
          }
        });
    server.start();
    return URI.create("http://127.0.0.1:" + c.getLocalPort() + "/api/v1/");
  }
}
