package vn.tangthu.archive.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Online checks ({@code POST /checks}, {@code GET /checks/{id}}) on the real archive: they run
 * while uploads and searches go on, find an original changed on the storage node's disk (FIXITY and
 * EVIDENCE), count unsealed records as pending, keep an auditor to their agency tree, refuse bad
 * input with stable codes and resume, after a node's death, after the last committed record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChecksIT {

  private static final Duration DONE_WITHIN = Duration.ofMinutes(5);

  @TempDir static Path tmp;
  private Path data;
  private RunningArchive archive;
  private String admin;
  private String auditorChild;
  private String auditorOther;
  private String clerk;
  private final AtomicInteger uploads = new AtomicInteger();

  @BeforeAll
  void start() throws Exception {
    data = tmp.resolve("data");
    archive = RunningArchive.start(data);
    admin = archive.adminToken();
    agency("CKP", null);
    agency("CKC", "CKP");
    agency("CKO", null);
    auditorChild = user("kt-con", "CKC", "AUDITOR");
    auditorOther = user("kt-khac", "CKO", "AUDITOR");
    clerk = user("vt-con", "CKC", "CLERK");
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  @Test
  void aFixityCheckRunsWhileUploadsAndSearchesContinue() throws Exception {
    List<UUID> before = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      before.add(upload("CKP", "INTERNAL", "Báo cáo kiểm kê số " + i));
    }
    String id = startCheck(admin, "{\"kind\":\"FIXITY\"}");
    int duringCheck = 0;
    int served = 0;
    while (served < 10 || !"DONE".equals(check(admin, id).get("status").asText())) {
      boolean running = !"DONE".equals(check(admin, id).get("status").asText());
      upload("CKP", "PUBLIC", "Công văn trong lúc kiểm tra " + served);
      HttpResponse<String> search = archive.get("search?q=kiem+ke", admin);
      assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
      served++;
      duringCheck += running ? 1 : 0;
      assertThat(served).as("uploads while the check runs").isLessThan(500);
    }
    assertThat(duringCheck).as("uploads and searches answered while it ran").isPositive();
    JsonNode done = awaitDone(admin, id);
    JsonNode counts = done.get("counts");
    assertThat(counts.get("failed").asLong()).as(done.toString()).isZero();
    assertThat(counts.get("ok").asLong()).isGreaterThanOrEqualTo(before.size());
    assertThat(counts.get("checked").asLong()).isEqualTo(counts.get("ok").asLong());
    assertThat(counts.get("pending").asLong()).isZero();
    assertThat(done.get("failures")).isEmpty();
    assertThat(done.get("kind").asText()).isEqualTo("FIXITY");
    assertThat(done.hasNonNull("startedAt") && done.hasNonNull("finishedAt")).isTrue();

    JsonNode audit =
        RunningArchive.json(archive.get("audit?targetId=" + id + "&size=50", admin)).get("items");
    List<String> actions = new ArrayList<>();
    audit.forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions).contains("CHECK_START", "CHECK_FINISH");
  }

  @Test
  void aChangedOriginalIsReportedByFixityAndEvidenceChecks() throws Exception {
    byte[] bytes = ("Quyết định bị sửa trộm " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    UUID tampered = upload("CKO", "INTERNAL", "Quyết định", bytes);
    UUID intact = upload("CKO", "INTERNAL", "Quyết định nguyên vẹn");
    archive.wiring().evidence().runOnce();
    UUID unsealed = upload("CKO", "INTERNAL", "Quyết định chưa niêm phong");

    Path stored = storedFile(bytes);
    byte[] changed = bytes.clone();
    changed[changed.length / 2] ^= 1;
    Files.write(stored, changed);
    try {
      for (String kind : List.of("FIXITY", "EVIDENCE")) {
        JsonNode one =
            awaitDone(
                admin,
                startCheck(admin, "{\"kind\":\"" + kind + "\",\"recordId\":\"" + tampered + "\"}"));
        assertThat(one.at("/counts/failed").asLong()).as(kind + ": " + one).isEqualTo(1);
        assertThat(one.at("/counts/checked").asLong()).isEqualTo(1);
        assertThat(one.at("/failures/0/recordId").asText()).isEqualTo(tampered.toString());
        assertThat(one.at("/failures/0/reason").asText()).contains("stored");
      }
      JsonNode all = awaitDone(auditorOther, startCheck(auditorOther, "{\"kind\":\"EVIDENCE\"}"));
      assertThat(all.at("/counts/failed").asLong()).as(all.toString()).isEqualTo(1);
      assertThat(all.at("/counts/ok").asLong()).isPositive();
      assertThat(all.at("/counts/pending").asLong()).isPositive();
      List<String> failed = new ArrayList<>();
      all.get("failures").forEach(f -> failed.add(f.get("recordId").asText()));
      assertThat(failed).containsExactly(tampered.toString());
      assertThat(failed).doesNotContain(intact.toString(), unsealed.toString());
    } finally {
      Files.write(stored, bytes);
    }
    JsonNode repaired =
        awaitDone(
            admin, startCheck(admin, "{\"kind\":\"EVIDENCE\",\"recordId\":\"" + tampered + "\"}"));
    assertThat(repaired.at("/counts/ok").asLong()).as(repaired.toString()).isEqualTo(1);
    JsonNode pending =
        awaitDone(
            admin, startCheck(admin, "{\"kind\":\"EVIDENCE\",\"recordId\":\"" + unsealed + "\"}"));
    assertThat(pending.at("/counts/pending").asLong()).as(pending.toString()).isEqualTo(1);
  }

  @Test
  void anAuditorChecksAndSeesOnlyTheirAgencyTree() throws Exception {
    UUID mine = upload("CKC", "INTERNAL", "Hồ sơ của đơn vị con");
    UUID parents = upload("CKP", "INTERNAL", "Hồ sơ của đơn vị cha");
    UUID otherPublic = upload("CKO", "PUBLIC", "Thông báo công khai");
    UUID otherInternal = upload("CKO", "INTERNAL", "Hồ sơ nội bộ khác");

    String id = startCheck(auditorChild, "{\"kind\":\"FIXITY\"}");
    JsonNode done = awaitDone(auditorChild, id);
    long inMyTree =
        archive
            .wiring()
            .jdbi()
            .withHandle(
                h ->
                    h.select(
                            "SELECT count(*) FROM records WHERE status = 'ACTIVE'"
                                + " AND agency_code = 'CKC'")
                        .mapTo(Long.class)
                        .one());
    assertThat(done.at("/counts/total").asLong()).as(done.toString()).isEqualTo(inMyTree);
    assertThat(done.at("/counts/ok").asLong()).isEqualTo(inMyTree);

    assertThat(
            startCheckAnswer(auditorChild, "{\"kind\":\"FIXITY\",\"recordId\":\"" + mine + "\"}")
                .statusCode())
        .isEqualTo(202);
    assertProblem(
        startCheckAnswer(auditorChild, "{\"kind\":\"FIXITY\",\"recordId\":\"" + parents + "\"}"),
        404,
        "NOT_FOUND");
    assertProblem(
        startCheckAnswer(
            auditorChild, "{\"kind\":\"FIXITY\",\"recordId\":\"" + otherInternal + "\"}"),
        404,
        "NOT_FOUND");
    assertProblem(
        startCheckAnswer(
            auditorChild, "{\"kind\":\"FIXITY\",\"recordId\":\"" + otherPublic + "\"}"),
        403,
        "OUTSIDE_AGENCY");
    assertProblem(archive.get("checks/" + id, auditorOther), 404, "NOT_FOUND");
    String adminCheck = startCheck(admin, "{\"kind\":\"FIXITY\",\"recordId\":\"" + mine + "\"}");
    assertProblem(archive.get("checks/" + adminCheck, auditorChild), 404, "NOT_FOUND");
    assertThat(archive.get("checks/" + id, admin).statusCode()).isEqualTo(200);
    assertProblem(startCheckAnswer(clerk, "{\"kind\":\"FIXITY\"}"), 403, "FORBIDDEN");
    assertProblem(archive.get("checks/" + id, clerk), 403, "FORBIDDEN");
  }

  @Test
  void badInputIsRefusedWithStableCodesAndStoresNothing() throws Exception {
    long before = checks();
    for (String body :
        List.of(
            "{}",
            "{\"kind\":\"BOGUS\"}",
            "{\"kind\":\"fixity\"}",
            "{\"kind\":7}",
            "{\"kind\":\"FIXITY\",\"recordId\":\"not-an-id\"}",
            "{\"kind\":\"FIXITY\",\"extra\":true}",
            "[\"FIXITY\"]")) {
      assertProblem(startCheckAnswer(admin, body), 400, "INVALID_CHECK");
    }
    assertProblem(
        startCheckAnswer(admin, "{\"kind\":\"FIXITY\",\"recordId\":\"" + UUID.randomUUID() + "\"}"),
        404,
        "NOT_FOUND");
    assertThat(checks()).isEqualTo(before);
    assertProblem(archive.get("checks/not-an-id", admin), 404, "NOT_FOUND");
    assertProblem(archive.get("checks/" + UUID.randomUUID(), admin), 404, "NOT_FOUND");
    String id = startCheck(admin, "{\"kind\":\"FIXITY\"}");
    assertProblem(archive.get("checks/" + id + "?size=0", admin), 400, "INVALID_CHECK");
    assertProblem(archive.get("checks/" + id + "?cursor=x", admin), 400, "INVALID_CHECK");
  }

  /**
   * A node died while running a check: its row says RUNNING, after the third record, under a lease
   * that has expired. A live node takes it over and checks only the records after the third.
   */
  @Test
  void aCheckWhoseNodeDiedIsResumedAfterItsLastCommittedRecord() throws Exception {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(upload("CKC", "INTERNAL", "Văn bản để tiếp tục kiểm tra " + i));
    }
    List<UUID> sorted = ids.stream().sorted().toList();
    UUID id = UUID.randomUUID();
    Instant past = Instant.now().minus(Duration.ofMinutes(5));
    archive
        .wiring()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO checks (id, kind, scope, status, created_by, agency_code,"
                            + " created_at, started_at, total, ok, after_id, lease_owner,"
                            + " lease_until) VALUES (:id, 'FIXITY', ARRAY['CKC'], 'RUNNING',"
                            + " 'kt-con', 'CKC', :past, :past, 6, 3, :after, 'node-dead', :past)")
                    .bind("id", id)
                    .bind("past", past)
                    .bind("after", sorted.get(2))
                    .execute());
    JsonNode done = awaitDone(auditorChild, id.toString());
    assertThat(done.get("resumed").asInt()).as(done.toString()).isEqualTo(1);
    long inScopeAfter =
        archive
            .wiring()
            .jdbi()
            .withHandle(
                h ->
                    h.select(
                            "SELECT count(*) FROM records WHERE status = 'ACTIVE'"
                                + " AND agency_code = 'CKC' AND id > :after")
                        .bind("after", sorted.get(2))
                        .mapTo(Long.class)
                        .one());
    assertThat(done.at("/counts/ok").asLong()).isEqualTo(3 + inScopeAfter);
    assertThat(done.at("/counts/failed").asLong()).isZero();
  }

  /** A finished check reads the same after a restart. */
  @Test
  void aFinishedCheckIsTheSameAfterARestart() throws Exception {
    upload("CKP", "INTERNAL", "Văn bản trước khi khởi động lại");
    String id = startCheck(admin, "{\"kind\":\"EVIDENCE\"}");
    JsonNode done = awaitDone(admin, id);
    archive.restart();
    admin = archive.adminToken();
    assertThat(check(admin, id)).isEqualTo(done);
  }

  // --- helpers

  private String startCheck(String token, String body) throws Exception {
    HttpResponse<String> r = startCheckAnswer(token, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    JsonNode b = RunningArchive.json(r);
    assertThat(b.get("status").asText()).isEqualTo("QUEUED");
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> l.endsWith(b.get("id").asText()));
    return b.get("id").asText();
  }

  private HttpResponse<String> startCheckAnswer(String token, String body) throws Exception {
    return archive.postJson("checks", token, body);
  }

  private JsonNode check(String token, String id) throws Exception {
    HttpResponse<String> r = archive.get("checks/" + id, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return RunningArchive.json(r);
  }

  private JsonNode awaitDone(String token, String id) throws Exception {
    long deadline = System.nanoTime() + DONE_WITHIN.toNanos();
    while (true) {
      JsonNode c = check(token, id);
      if ("DONE".equals(c.get("status").asText())) {
        return c;
      }
      assertThat(System.nanoTime()).as("check %s done in time: %s", id, c).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private long checks() {
    return archive
        .wiring()
        .jdbi()
        .withHandle(h -> h.select("SELECT count(*) FROM checks").mapTo(Long.class).one());
  }

  private static void assertProblem(HttpResponse<String> r, int status, String code)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(RunningArchive.json(r).get("code").asText()).isEqualTo(code);
  }

  private void agency(String code, String parent) throws Exception {
    String body =
        "{\"code\":\""
            + code
            + "\",\"name\":\""
            + code
            + "\""
            + (parent == null ? "" : ",\"parentCode\":\"" + parent + "\"")
            + "}";
    assertThat(archive.postJson("agencies", admin, body).statusCode()).isEqualTo(201);
  }

  private String user(String name, String agency, String role) throws Exception {
    HttpResponse<String> r =
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
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningArchive.json(archive.postJson("users/" + name + "/tokens", admin, "{}"))
        .get("token")
        .asText();
  }

  private UUID upload(String agency, String level, String subject) throws Exception {
    return upload(
        agency,
        level,
        subject,
        (subject + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
  }

  private UUID upload(String agency, String level, String subject, byte[] bytes) throws Exception {
    HttpResponse<String> r =
        archive.upload(
            "records",
            admin,
            new Multipart()
                .json(
                    "metadata",
                    "{\"agencyCode\":\""
                        + agency
                        + "\",\"accessLevel\":\""
                        + level
                        + "\",\"subject\":\""
                        + subject
                        + "\"}")
                .bytes("file", bytes, "van-ban-" + uploads.incrementAndGet() + ".txt"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return UUID.fromString(RunningArchive.json(r).get("id").asText());
  }

  /** The storage node's data file holding exactly {@code bytes}. */
  private Path storedFile(byte[] bytes) throws Exception {
    try (Stream<Path> files = Files.walk(data.resolve("objects").resolve("buckets"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().matches("d-.*\\.bin")).toList()) {
        if (Files.size(f) == bytes.length && Arrays.equals(Files.readAllBytes(f), bytes)) {
          return f;
        }
      }
    }
    throw new AssertionError("no stored file with these bytes");
  }
}
