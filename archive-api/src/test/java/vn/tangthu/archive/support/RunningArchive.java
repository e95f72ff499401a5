package vn.tangthu.archive.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import vn.tangthu.archive.ArchiveApplication;
import vn.tangthu.archive.ArchiveWiring;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.FileOrResourceSourceProvider;

/**
 * The real application in its embedded default (embedded PostgreSQL, the storage node over loopback
 * HTTP, Tika, Lucene on disk) on free ports, with a small HTTP client for tests. Start one per test
 * class; {@link #restart()} stops it and starts it again on the same data directory.
 */
public final class RunningArchive implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final Path dataDir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private DropwizardTestSupport<ArchiveConfiguration> support;

  private final java.time.Clock clock;
  private ConfigOverride[] overrides;

  private RunningArchive(Path dataDir, java.time.Clock clock, ConfigOverride... overrides) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.overrides = overrides.clone();
  }

  public static RunningArchive start(Path dataDir) throws Exception {
    return start(dataDir, java.time.Clock.systemUTC());
  }

  /** An archive whose every rule that depends on "now" reads {@code clock}. */
  public static RunningArchive start(Path dataDir, java.time.Clock clock) throws Exception {
    RunningArchive a = new RunningArchive(dataDir, clock);
    a.startSupport();
    return a;
  }

  /** An archive with these configuration values on top of the test defaults. */
  public static RunningArchive start(Path dataDir, ConfigOverride... overrides) throws Exception {
    RunningArchive a = new RunningArchive(dataDir, java.time.Clock.systemUTC(), overrides);
    a.startSupport();
    return a;
  }

  /** An archive reading {@code clock}, with these configuration values on top of the defaults. */
  public static RunningArchive start(
      Path dataDir, java.time.Clock clock, ConfigOverride... overrides) throws Exception {
    RunningArchive a = new RunningArchive(dataDir, clock, overrides);
    a.startSupport();
    return a;
  }

  private void startSupport() throws Exception {
    ConfigOverride[] all =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(
                    ConfigOverride.config("dataDir", dataDir.toString()),
                    ConfigOverride.config("storage.embeddedPort", "0"),
                    ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                    ConfigOverride.config("server.adminConnectors[0].port", "0"),
                    ConfigOverride.config("logging.level", "WARN")),
                java.util.Arrays.stream(overrides))
            .toArray(ConfigOverride[]::new);
    support =
        new DropwizardTestSupport<>(
            ArchiveApplication.class,
            FileOrResourceSourceProvider.EMBEDDED,
            new SubstitutingSourceProvider(
                new FileOrResourceSourceProvider(), new EnvironmentVariableSubstitutor(false)),
            all) {
          @Override
          public io.dropwizard.core.Application<ArchiveConfiguration> newApplication() {
            return new vn.tangthu.archive.ArchiveApplication(clock);
          }
        };
    support.before();
  }

  public void restart() throws Exception {
    support.after();
    startSupport();
  }

  /**
   * Stops the server and starts it again on the same data directory with these configuration values
   * (instead of those it was started with) on top of the test defaults.
   */
  public void restart(ConfigOverride... newOverrides) throws Exception {
    support.after();
    overrides = newOverrides.clone();
    startSupport();
  }

  /**
   * Waits until no record's extraction is PENDING (OCR included) and the index has applied every
   * change made until then; false when {@code timeout} passed first.
   */
  public boolean awaitExtractions(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    var jdbi = wiring().jdbi();
    while (jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM records WHERE extraction_status = 'PENDING'"
                            + " AND status = 'ACTIVE'")
                    .mapTo(Long.class)
                    .one())
        > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
    long head = jdbi.withExtension(vn.tangthu.archive.outbox.OutboxDao.class, d -> d.head());
    long left = Math.max(1, deadline - System.nanoTime());
    return wiring().worker().awaitApplied(head, Duration.ofNanos(left));
  }

  /** Stops the server, runs {@code offline} with its configuration, and starts it again. */
  public void whileStopped(OfflineWork offline) throws Exception {
    ArchiveConfiguration config = support.getConfiguration();
    support.after();
    try {
      offline.run(config);
    } finally {
      startSupport();
    }
  }

  /** Work done while the server is stopped. */
  @FunctionalInterface
  public interface OfflineWork {
    void run(ArchiveConfiguration config) throws Exception;
  }

  /**
   * The running application's Dropwizard environment (Jersey, its metric registry, health checks).
   */
  public io.dropwizard.core.setup.Environment environment() {
    return support.getEnvironment();
  }

  public ArchiveConfiguration configuration() {
    return support.getConfiguration();
  }

  public ArchiveWiring wiring() {
    return ((ArchiveApplication) support.getApplication()).wiring();
  }

  public String adminToken() {
    return wiring().adminToken();
  }

  public URI api(String path) {
    return URI.create("http://127.0.0.1:" + support.getLocalPort() + "/api/v1/" + path);
  }

  public URI admin(String path) {
    return URI.create("http://127.0.0.1:" + support.getAdminPort() + "/" + path);
  }

  public HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return send(authorized(HttpRequest.newBuilder(api(path)), token).GET().build());
  }

  public HttpResponse<InputStream> download(String path, String token, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = authorized(HttpRequest.newBuilder(api(path)), token).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  public HttpResponse<String> postJson(String path, String token, String json)
      throws IOException, InterruptedException {
    return send(
        authorized(HttpRequest.newBuilder(api(path)), token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  public HttpResponse<String> putJson(String path, String token, String json)
      throws IOException, InterruptedException {
    return send(
        authorized(HttpRequest.newBuilder(api(path)), token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  public HttpResponse<String> patchJson(String path, String token, String json)
      throws IOException, InterruptedException {
    return send(
        authorized(HttpRequest.newBuilder(api(path)), token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  /** DELETE, with a JSON body when {@code json} is not null (e.g. a reason). */
  public HttpResponse<String> delete(String path, String token, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = authorized(HttpRequest.newBuilder(api(path)), token);
    if (json == null) {
      b.DELETE();
    } else {
      b.header("Content-Type", "application/json")
          .method("DELETE", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    return send(b.build());
  }

  public HttpResponse<String> upload(String path, String token, Multipart body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        authorized(HttpRequest.newBuilder(api(path)), token)
            .header("Content-Type", body.contentType())
            .timeout(Duration.ofMinutes(5))
            .POST(body.publisher());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  public static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
    return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder b, String token) {
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  @Override
  public void close() {
    if (support != null) {
      support.after();
    }
  }
}
