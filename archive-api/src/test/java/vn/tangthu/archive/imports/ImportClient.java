package vn.tangthu.archive.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/** The import API as the tests use it: send a package, wait for its job, page its items. */
final class ImportClient {

  private static final Duration JOB_WAIT = Duration.ofMinutes(5);
  private static final Set<String> FINISHED = Set.of("DONE", "FAILED", "CANCELLED");

  private final RunningArchive archive;

  ImportClient(RunningArchive archive) {
    this.archive = archive;
  }

  HttpResponse<String> post(
      String token, byte[] pkg, String name, String options, String... headers) throws Exception {
    Multipart body = new Multipart();
    if (options != null) {
      body.json("options", options);
    }
    body.bytes("package", pkg, name);
    return archive.upload("imports", token, body, headers);
  }

  /** Sends a package that must be accepted; returns its job's id. */
  String start(String token, byte[] pkg, String name, String options) throws Exception {
    HttpResponse<String> r = post(token, pkg, name, options);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return RunningArchive.json(r).get("id").asText();
  }

  /** The job once it has finished. */
  JsonNode await(String token, String id) throws Exception {
    long deadline = System.nanoTime() + JOB_WAIT.toNanos();
    while (true) {
      HttpResponse<String> r = archive.get("imports/" + id, token);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode job = RunningArchive.json(r);
      if (FINISHED.contains(job.get("status").asText())) {
        return job;
      }
      assertThat(System.nanoTime()).as("job %s finished in time: %s", id, job).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /** Sends a package and waits for its job. */
  JsonNode run(String token, byte[] pkg, String name, String options) throws Exception {
    return await(token, start(token, pkg, name, options));
  }

  /** Every item result of the job, following the cursor (with {@code status} when not null). */
  List<JsonNode> items(String token, String id, String status) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    String cursor = "";
    do {
      HttpResponse<String> r =
          archive.get(
              "imports/"
                  + id
                  + "/items?size=7&cursor="
                  + cursor
                  + (status == null ? "" : "&status=" + status),
              token);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode page = RunningArchive.json(r);
      page.get("items").forEach(all::add);
      JsonNode next = page.get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asText();
    } while (cursor != null);
    return all;
  }

  JsonNode record(String token, String id) throws Exception {
    HttpResponse<String> r = archive.get("records/" + id, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return RunningArchive.json(r);
  }

  /** The search's total once it reaches {@code expected} (the index follows the change log). */
  long awaitSearch(String token, String q, long expected) throws Exception {
    long deadline = System.nanoTime() + JOB_WAIT.toNanos();
    while (true) {
      JsonNode r =
          RunningArchive.json(
              archive.get("search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), token));
      long total = r.get("total").asLong();
      if (total >= expected || System.nanoTime() > deadline) {
        return total;
      }
      Thread.sleep(300);
    }
  }

  String user(String admin, String name, String agency, String role) throws Exception {
    HttpResponse<String> u =
        archive.postJson(
            "users",
            admin,
            "{\"username\":\""
                + name
                + "\",\"displayName\":\""
                + name
                + "\",\"agencyCode\":\""
                + agency
                + "\",\"roles\":[\""
                + role
                + "\"]}");
    assertThat(u.statusCode()).as(u.body()).isEqualTo(201);
    HttpResponse<String> t = archive.postJson("users/" + name + "/tokens", admin, "{}");
    assertThat(t.statusCode()).as(t.body()).isEqualTo(201);
    return RunningArchive.json(t).get("token").asText();
  }

  void agency(String admin, String json) throws Exception {
    HttpResponse<String> r = archive.postJson("agencies", admin, json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }
}
