package vn.tangthu.archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.ArchiveApplication;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.FileOrResourceSourceProvider;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.embedded.EmbeddedDatabase;
import vn.tangthu.archive.embedded.EmbeddedStorage;
import vn.tangthu.archive.outbox.OutboxDao;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * Two API nodes sharing one PostgreSQL and one storage node (both started by the test, external to
 * the nodes), each with its own data directory and search index: a record ingested through node A
 * becomes searchable on node B, whose worker tails the same change log; B stopped keeps its
 * checkpoint in its index, and restarted it catches up on what A ingested meanwhile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiNodeSearchIT {

  private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(60);

  @TempDir static Path root;
  private DataDirectory shared;
  private EmbeddedDatabase pg;
  private EmbeddedStorage storage;
  private DropwizardTestSupport<ArchiveConfiguration> nodeA;
  private DropwizardTestSupport<ArchiveConfiguration> nodeB;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    shared = DataDirectory.acquire(root.resolve("shared"));
    pg = EmbeddedDatabase.start(shared);
    storage = EmbeddedStorage.start(shared, 0);
    nodeA = node("a");
    nodeA.before();
    nodeB = node("b");
    nodeB.before();
    HttpResponse<String> r =
        send(post(nodeA, "agencies", "{\"code\":\"BN\",\"name\":\"UBND tỉnh Bắc Ninh\"}"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() throws Exception {
    try {
      nodeB.after();
      nodeA.after();
    } finally {
      storage.stop();
      pg.stop();
      shared.close();
    }
  }

  @Test
  void recordIngestedOnOneNodeIsSearchableOnTheOtherAndAfterItsRestart() throws Exception {
    String first = ingest("Quyết định về quy hoạch vùng trồng vải thiều khóabiệtmột");
    assertThat(awaitFound(nodeB, "khoabietmot", first)).as("found on node B").isTrue();
    assertThat(awaitFound(nodeA, "khóabiệtmột", first)).as("found on node A").isTrue();

    nodeB.after();
    long checkpoint;
    try (SearchIndex index = SearchIndex.open(root.resolve("b").resolve("index"))) {
      checkpoint = index.checkpoint();
    }
    assertThat(checkpoint).as("B's committed position").isPositive();
    String second = ingest("Kế hoạch tu bổ đê điều sông Cầu khóabiệthai");
    long head = jdbiHead();
    assertThat(head).isGreaterThan(checkpoint);

    nodeB = node("b");
    nodeB.before();
    assertThat(awaitFound(nodeB, "khoabiethai", second)).as("caught up after restart").isTrue();
    assertThat(awaitFound(nodeB, "khoabietmot", first)).as("kept what it had").isTrue();
  }

  private String ingest(String text) throws Exception {
    Path file = root.resolve("upload-" + System.nanoTime() + ".txt");
    java.nio.file.Files.writeString(file, text + "\n");
    Multipart body =
        new Multipart()
            .json(
                "metadata",
                "{\"agencyCode\":\"BN\",\"subject\":\"Văn bản đa nút\",\"typeName\":\"Quyết"
                    + " định\",\"accessLevel\":\"INTERNAL\"}")
            .file("file", file);
    HttpRequest request =
        authorized(nodeA, HttpRequest.newBuilder(api(nodeA, "records")))
            .header("Content-Type", body.contentType())
            .POST(body.publisher())
            .build();
    HttpResponse<String> r = send(request);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("id").asText();
  }

  private boolean awaitFound(DropwizardTestSupport<ArchiveConfiguration> node, String q, String id)
      throws Exception {
    long deadline = System.nanoTime() + SEARCHABLE_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          send(
              authorized(
                      node,
                      HttpRequest.newBuilder(
                          api(node, "search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))))
                  .GET()
                  .build());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      for (JsonNode hit : json(r).get("hits")) {
        if (hit.get("id").asText().equals(id)) {
          return true;
        }
      }
      Thread.sleep(200);
    }
    return false;
  }

  private long jdbiHead() {
    return wiring(nodeA).jdbi().withExtension(OutboxDao.class, OutboxDao::head);
  }

  private DropwizardTestSupport<ArchiveConfiguration> node(String name) {
    return new DropwizardTestSupport<>(
        ArchiveApplication.class,
        FileOrResourceSourceProvider.EMBEDDED,
        new SubstitutingSourceProvider(
            new FileOrResourceSourceProvider(), new EnvironmentVariableSubstitutor(false)),
        ConfigOverride.config("dataDir", root.resolve(name).toString()),
        ConfigOverride.config("database.embedded", "false"),
        ConfigOverride.config("database.url", pg.jdbcUrl()),
        ConfigOverride.config("database.user", pg.app().user()),
        ConfigOverride.config("database.password", pg.app().password()),
        ConfigOverride.config("database.migrationUser", pg.owner().user()),
        ConfigOverride.config("database.migrationPassword", pg.owner().password()),
        ConfigOverride.config("storage.embedded", "false"),
        ConfigOverride.config("storage.endpoint", storage.endpoint()),
        ConfigOverride.config("storage.accessKey", storage.credentials().accessKey()),
        ConfigOverride.config("storage.secretKey", storage.credentials().secretKey()),
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("logging.level", "WARN"));
  }

  private static vn.tangthu.archive.ArchiveWiring wiring(
      DropwizardTestSupport<ArchiveConfiguration> node) {
    return ((ArchiveApplication) node.getApplication()).wiring();
  }

  private static URI api(DropwizardTestSupport<ArchiveConfiguration> node, String path) {
    return URI.create("http://127.0.0.1:" + node.getLocalPort() + "/api/v1/" + path);
  }

  private static HttpRequest.Builder authorized(
      DropwizardTestSupport<ArchiveConfiguration> node, HttpRequest.Builder b) {
    return b.header("Authorization", "Bearer " + wiring(node).adminToken());
  }

  private HttpRequest post(
      DropwizardTestSupport<ArchiveConfiguration> node, String path, String j) {
    return authorized(node, HttpRequest.newBuilder(api(node, path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(j, StandardCharsets.UTF_8))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
  }
}
