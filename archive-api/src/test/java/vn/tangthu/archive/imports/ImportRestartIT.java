package vn.tangthu.archive.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.ServerProcess;

/**
 * The real server as a child JVM, killed with SIGKILL in the middle of an import of a few hundred
 * items and started again on the same data directory: the job resumes where its item results stop,
 * and when it is done the counts add up exactly (every item IMPORTED once, none lost, none twice)
 * and each item's record exists exactly once.
 */
class ImportRestartIT {

  private static final int ITEMS = 240;
  private static final Duration WITHIN = Duration.ofMinutes(8);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<Process> servers = new ArrayList<>();
  private Path data;
  private int port;
  private String token;

  @AfterEach
  void stopEverything() throws Exception {
    for (Process p : servers) {
      p.destroy(); // SIGTERM: a clean stop also stops the embedded PostgreSQL
      if (!p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
        p.destroyForcibly().waitFor();
      }
    }
    Path pid = data == null ? null : data.resolve("pg").resolve("postmaster.pid");
    if (pid != null && Files.exists(pid)) { // a killed server's PostgreSQL nobody restarted
      ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip()))
          .ifPresent(ProcessHandle::destroy);
    }
  }

  @Test
  void anImportKilledMidwayResumesAfterRestartWithEveryItemImportedExactlyOnce() throws Exception {
    data = tmp.resolve("data");
    Path config = writeConfig();
    Process first = start(config, 0);
    token = Files.readString(data.resolve("admin.token")).strip();
    assertThat(post("agencies", "{\"code\":\"BN\",\"name\":\"UBND tỉnh Bắc Ninh\"}").statusCode())
        .isEqualTo(201);

    HttpResponse<String> created = postPackage(pkg());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String id = JSON.readTree(created.body()).get("id").asText();
    int before = awaitImported(id, 30);
    first.destroyForcibly().waitFor();
    assertThat(before).as("imported when killed").isLessThan(ITEMS);

    start(config, 1);
    JsonNode job = awaitDone(id);
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    assertThat(job.get("counts").toString())
        .isEqualTo(
            "{\"total\":" + ITEMS + ",\"imported\":" + ITEMS + ",\"duplicate\":0,\"failed\":0}");
    List<JsonNode> items = items(id);
    assertThat(items)
        .extracting(i -> i.get("index").asInt())
        .doesNotHaveDuplicates()
        .hasSize(ITEMS);
    Set<String> recordIds = new HashSet<>();
    items.forEach(i -> recordIds.add(i.get("recordId").asText()));
    assertThat(recordIds).as("one record per item").hasSize(ITEMS);
    List<String> docCodes = docCodes();
    assertThat(docCodes)
        .as("each item's record exactly once")
        .hasSize(ITEMS)
        .doesNotHaveDuplicates();
    System.out.printf(
        "ImportRestartIT: %d of %d items imported when killed; %s records/s after resuming%n",
        before, ITEMS, job.get("recordsPerSecond"));
  }

  /** A zip of {@value #ITEMS} text files with their metadata.csv, each with its own docCode. */
  private static byte[] pkg() throws IOException {
    StringBuilder csv = new StringBuilder("path,agencyCode,subject,typeName,docCode\n");
    Entries e = new Entries();
    for (int i = 0; i < ITEMS; i++) {
      String name = "cv/cong-van-" + i + ".txt";
      csv.append(name)
          .append(",BN,Công văn số ")
          .append(i)
          .append(",Công văn,RS-")
          .append(i)
          .append('\n');
      e.add(name, ("Công văn số " + i + " về việc khôi phục sau sự cố.\n").repeat(10));
    }
    return e.add("metadata.csv", csv.toString()).zip();
  }

  private int awaitImported(String id, int atLeast) throws Exception {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (true) {
      JsonNode job = job(id);
      int imported = job.get("counts").get("imported").asInt();
      if (imported >= atLeast) {
        return imported;
      }
      assertThat(System.nanoTime()).as("progress: %s", job).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private JsonNode awaitDone(String id) throws Exception {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (true) {
      JsonNode job = job(id);
      if (!job.get("status").asText().matches("QUEUED|RUNNING")) {
        return job;
      }
      assertThat(System.nanoTime()).as("done in time: %s", job).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  private JsonNode job(String id) throws Exception {
    HttpResponse<String> r = get("imports/" + id);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private List<JsonNode> items(String id) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    String cursor = "";
    while (cursor != null) {
      JsonNode page =
          JSON.readTree(get("imports/" + id + "/items?size=100&cursor=" + cursor).body());
      page.get("items").forEach(all::add);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    }
    return all;
  }

  private List<String> docCodes() throws Exception {
    List<String> codes = new ArrayList<>();
    String cursor = "";
    while (cursor != null) {
      JsonNode page = JSON.readTree(get("records?agencyCode=BN&size=100&cursor=" + cursor).body());
      for (JsonNode r : page.get("items")) {
        codes.add(r.get("docCode").asText());
      }
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    }
    return codes;
  }

  private HttpResponse<String> postPackage(byte[] pkg) throws Exception {
    Multipart body = new Multipart().bytes("package", pkg, "khoi-phuc.zip");
    return http.send(
        HttpRequest.newBuilder(api("imports"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", body.contentType())
            .POST(body.publisher())
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(api(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(api(path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI api(String path) {
    return URI.create("http://127.0.0.1:" + port + "/api/v1/" + path);
  }

  private Path writeConfig() throws IOException {
    Path config = tmp.resolve("config.yml");
    Files.writeString(
        config,
        """
        dataDir: %s
        database:
          embedded: true
        storage:
          embedded: true
          embeddedPort: 0
        index:
          extractionThreads: 1
        signatures:
          verifierProcesses: 1
        imports:
          pollInterval: PT0.5S
        server:
          applicationConnectors:
            - type: http
              bindHost: 127.0.0.1
              port: 0
          adminConnectors:
            - type: http
              bindHost: 127.0.0.1
              port: 0
          requestLog:
            appenders: []
        logging:
          level: WARN
          loggers:
            vn.tangthu.archive.Infrastructure: INFO
            vn.tangthu.archive.embedded: INFO
            vn.tangthu.archive.imports: INFO
        """
            .formatted(data));
    return config;
  }

  /** Starts the server in a child JVM and waits until it announces it is ready. */
  private Process start(Path config, int n) throws Exception {
    ServerProcess started =
        ServerProcess.start(config, tmp.resolve("server-" + n + ".log"), WITHIN, servers::add);
    port = started.port();
    return started.process();
  }
}
