package vn.tangthu.archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.ArchiveApplication;
import vn.tangthu.archive.ArchiveWiring;
import vn.tangthu.archive.config.ArchiveConfiguration;
import vn.tangthu.archive.config.FileOrResourceSourceProvider;
import vn.tangthu.archive.embedded.DataDirectory;
import vn.tangthu.archive.embedded.EmbeddedDatabase;
import vn.tangthu.archive.embedded.EmbeddedStorage;
import vn.tangthu.archive.support.Multipart;

/**
 * Once a change that takes a record out of someone's sight has answered, no search on any node
 * returns that record to them: two API nodes share one PostgreSQL and one storage node, each with
 * its own index tailing the change log. Agency A owns the record; a clerk of the unrelated agency C
 * reads it only while it is PUBLIC or granted to them. Each trial narrows through one node and
 * searches at once through both; widening again is awaited (it may lag, like an ingest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestrictionVisibilityIT {

  private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(60);
  private static final int TRIALS = 12;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path root;
  private DataDirectory shared;
  private EmbeddedDatabase pg;
  private EmbeddedStorage storage;
  private DropwizardTestSupport<ArchiveConfiguration> nodeA;
  private DropwizardTestSupport<ArchiveConfiguration> nodeB;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private String admin;
  private String clerkC;

  @BeforeAll
  void start() throws Exception {
    shared = DataDirectory.acquire(root.resolve("shared"));
    pg = EmbeddedDatabase.start(shared);
    storage = EmbeddedStorage.start(shared, 0);
    nodeA = node("a");
    nodeA.before();
    nodeB = node("b");
    nodeB.before();
    admin = wiring(nodeA).adminToken();
    for (String agency : List.of("A", "C")) {
      expect(
          201,
          send(
              nodeA,
              "POST",
              "agencies",
              admin,
              "{\"code\":\"" + agency + "\",\"name\":\"Cơ quan " + agency + "\"}"));
    }
    expect(
        201,
        send(
            nodeA,
            "POST",
            "users",
            admin,
            "{\"username\":\"clerk.c\",\"displayName\":\"Văn thư C\",\"agencyCode\":\"C\","
                + "\"roles\":[\"CLERK\"]}"));
    clerkC =
        json(expect(201, send(nodeA, "POST", "users/clerk.c/tokens", admin, "{}")))
            .get("token")
            .asText();
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
  void aRestrictedRecordIsNeverFoundByOthersOnAnyNodeOnceThePatchAnswered() throws Exception {
    String id = ingest("Quyết định công khai rồi hạn chế hạnchếmột", "PUBLIC");
    List<String> leaks = new ArrayList<>();
    for (int trial = 0; trial < TRIALS; trial++) {
      DropwizardTestSupport<ArchiveConfiguration> writer = trial % 2 == 0 ? nodeA : nodeB;
      DropwizardTestSupport<ArchiveConfiguration> other = writer == nodeA ? nodeB : nodeA;
      awaitFound(other, "hanchemot", id);
      awaitFound(writer, "hanchemot", id);
      expect(
          200, send(writer, "PATCH", "records/" + id, admin, "{\"accessLevel\":\"RESTRICTED\"}"));
      if (found(other, "hanchemot", id)) {
        leaks.add("trial " + trial + ": other node");
      }
      if (found(writer, "hanchemot", id)) {
        leaks.add("trial " + trial + ": writing node");
      }
      assertThat(send(other, "GET", "records/" + id, clerkC, null).statusCode()).isEqualTo(404);
      expect(200, send(writer, "PATCH", "records/" + id, admin, "{\"accessLevel\":\"PUBLIC\"}"));
    }
    assertThat(leaks).as("searches that returned the restricted record").isEmpty();
  }

  @Test
  void aRevokedGrantHidesTheRecordOnEveryNodeOnceTheRevocationAnswered() throws Exception {
    String id = ingest("Báo cáo mật được cấp quyền hạnchếhai", "RESTRICTED");
    List<String> leaks = new ArrayList<>();
    for (int trial = 0; trial < TRIALS / 2; trial++) {
      DropwizardTestSupport<ArchiveConfiguration> writer = trial % 2 == 0 ? nodeB : nodeA;
      DropwizardTestSupport<ArchiveConfiguration> other = writer == nodeA ? nodeB : nodeA;
      expect(
          201,
          send(writer, "POST", "records/" + id + "/grants", admin, "{\"username\":\"clerk.c\"}"));
      awaitFound(other, "hanchehai", id);
      awaitFound(writer, "hanchehai", id);
      expect(204, send(writer, "DELETE", "records/" + id + "/grants/clerk.c", admin, null));
      if (found(other, "hanchehai", id)) {
        leaks.add("trial " + trial + ": other node");
      }
      if (found(writer, "hanchehai", id)) {
        leaks.add("trial " + trial + ": writing node");
      }
    }
    assertThat(leaks).as("searches that returned the record after its grant was revoked").isEmpty();
  }

  @Test
  void aNodeWhoseIndexCannotCatchUpAnswers503RatherThanTheRecord() throws Exception {
    String id = ingest("Tờ trình sắp bị hạn chế hạnchếba", "PUBLIC");
    awaitFound(nodeA, "hancheba", id);
    awaitFound(nodeB, "hancheba", id);
    HttpResponse<String> stalled;
    // Every worker reads the grants of what it applies: holding them exclusively stalls both
    // nodes' indexers (the correction itself does not touch them).
    try (Handle lock = wiring(nodeA).jdbi().open()) {
      lock.begin();
      lock.execute("LOCK TABLE record_grants IN ACCESS EXCLUSIVE MODE");
      expect(200, send(nodeA, "PATCH", "records/" + id, admin, "{\"accessLevel\":\"RESTRICTED\"}"));
      stalled = send(nodeB, "GET", "search?q=hancheba", clerkC, null);
      lock.rollback();
    }
    assertThat(stalled.statusCode()).as(stalled.body()).isEqualTo(503);
    assertThat(stalled.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(stalled.headers().firstValue("Retry-After")).isPresent();
    assertThat(json(stalled).get("code").asText()).isEqualTo("INDEX_CATCHING_UP");
    assertThat(stalled.body()).doesNotContain(id);
    assertThat(found(nodeB, "hancheba", id)).isFalse();
    assertThat(found(nodeA, "hancheba", id)).isFalse();
  }

  private String ingest(String text, String accessLevel) throws Exception {
    Path file = root.resolve("upload-" + System.nanoTime() + ".txt");
    Files.writeString(file, text + "\n");
    Multipart body =
        new Multipart()
            .json(
                "metadata",
                "{\"agencyCode\":\"A\",\"subject\":\"Văn bản của A\",\"typeName\":\"Quyết"
                    + " định\",\"accessLevel\":\""
                    + accessLevel
                    + "\"}")
            .file("file", file);
    HttpRequest request =
        HttpRequest.newBuilder(api(nodeA, "records?wait=indexed"))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", body.contentType())
            .timeout(Duration.ofMinutes(2))
            .POST(body.publisher())
            .build();
    return json(expect(201, http.send(request, HttpResponse.BodyHandlers.ofString())))
        .get("id")
        .asText();
  }

  private boolean found(DropwizardTestSupport<ArchiveConfiguration> node, String q, String id)
      throws Exception {
    HttpResponse<String> r = expect(200, send(node, "GET", "search?q=" + q, clerkC, null));
    for (JsonNode hit : json(r).get("hits")) {
      if (hit.get("id").asText().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private void awaitFound(DropwizardTestSupport<ArchiveConfiguration> node, String q, String id)
      throws Exception {
    long deadline = System.nanoTime() + SEARCHABLE_WITHIN.toNanos();
    while (!found(node, q, id)) {
      assertThat(System.nanoTime())
          .as("searchable within " + SEARCHABLE_WITHIN)
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private HttpResponse<String> send(
      DropwizardTestSupport<ArchiveConfiguration> node,
      String method,
      String path,
      String token,
      String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(api(node, path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> r) {
    assertThat(r.statusCode())
        .as(r.request().method() + " " + r.uri() + ": " + r.body())
        .isEqualTo(status);
    return r;
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

  private static ArchiveWiring wiring(DropwizardTestSupport<ArchiveConfiguration> node) {
    return ((ArchiveApplication) node.getApplication()).wiring();
  }

  private static URI api(DropwizardTestSupport<ArchiveConfiguration> node, String path) {
    return URI.create("http://127.0.0.1:" + node.getLocalPort() + "/api/v1/" + path);
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }
}
