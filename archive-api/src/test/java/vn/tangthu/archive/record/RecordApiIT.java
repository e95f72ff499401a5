package vn.tangthu.archive.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.reconcile.Reconciler;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/** The records API's contract: refusals, retries, ranges, attachments, failure clean-up. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordApiIT {

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private String admin;

  @BeforeAll
  void start() throws Exception {
    archive = RunningArchive.start(dataDir);
    admin = archive.adminToken();
    assertThat(
            archive
                .postJson("agencies", admin, "{\"code\":\"BN\",\"name\":\"Bắc Ninh\"}")
                .statusCode())
        .isEqualTo(201);
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  private static String meta(String docCode) {
    return "{\"agencyCode\":\"BN\",\"subject\":\"Quyết định về việc phê duyệt kế hoạch\","
        + "\"typeName\":\"Quyết định\",\"number\":\"123\",\"notation\":\"QĐ-UBND\","
        + "\"issuedDate\":\"2024-03-15\""
        + (docCode == null ? "" : ",\"docCode\":\"" + docCode + "\"")
        + "}";
  }

  private HttpResponse<String> upload(
      String docCode, byte[] content, String fileName, String... headers) throws Exception {
    return archive.upload(
        "records?wait=indexed",
        admin,
        new Multipart().json("metadata", meta(docCode)).bytes("file", content, fileName),
        headers);
  }

  @Test
  void theTextOfARecordWhoseExtractionFailedIsAConflictNotAnEmptyText() throws Exception {
    byte[] encrypted =
        java.nio.file.Files.readAllBytes(
            vn.tangthu.archive.support.Corpus.root()
                .resolve("formats/format-corpus/pdfCabinetOfHorrors/encryption_openpassword.pdf"));
    HttpResponse<String> stored = upload(null, encrypted, "mat-khau.pdf");
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    String id = RunningArchive.json(stored).get("id").asText();
    var record = RunningArchive.json(archive.get("records/" + id, admin));
    assertThat(record.at("/extraction/status").asText()).isEqualTo("FAILED");

    HttpResponse<String> text = archive.get("records/" + id + "/text", admin);
    assertThat(text.statusCode()).as(text.body()).isEqualTo(409);
    assertThat(text.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    var problem = RunningArchive.json(text);
    assertThat(problem.get("code").asText()).isEqualTo("EXTRACTION_FAILED");
    assertThat(problem.get("reason").asText()).isEqualTo(record.at("/extraction/reason").asText());
    var original = archive.download("records/" + id + "/content", admin);
    assertThat(original.statusCode()).isEqualTo(200);
    try (var in = original.body()) {
      assertThat(in.readAllBytes()).isEqualTo(encrypted);
    }
  }

  @Test
  void retryWithSameIdempotencyKeyMakesOneRecord() throws Exception {
    byte[] bytes = "Công văn số 45 về lễ hội".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> first = upload(null, bytes, "cv.txt", "Idempotency-Key", "key-1");
    HttpResponse<String> second = upload(null, bytes, "cv.txt", "Idempotency-Key", "key-1");
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(RunningArchive.json(second).get("id"))
        .isEqualTo(RunningArchive.json(first).get("id"));
    HttpResponse<String> other = upload(null, bytes, "cv.txt", "Idempotency-Key", "key-2");
    assertThat(RunningArchive.json(other).get("id"))
        .isNotEqualTo(RunningArchive.json(first).get("id"));
  }

  @Test
  void repeatedDocCodeIsRefusedAsDuplicateWithExistingId() throws Exception {
    HttpResponse<String> first =
        upload("BN-2024-001", "một".getBytes(StandardCharsets.UTF_8), "a.txt");
    HttpResponse<String> again =
        upload("BN-2024-001", "hai".getBytes(StandardCharsets.UTF_8), "b.txt");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = RunningArchive.json(again);
    assertThat(problem.get("code").asText()).isEqualTo("DUPLICATE");
    assertThat(problem.get("existingId").asText())
        .isEqualTo(RunningArchive.json(first).get("id").asText());
  }

  @Test
  void missingOrInvalidTokenIsUnauthorizedWithoutDetail() throws Exception {
    assertThat(archive.get("records", null).statusCode()).isEqualTo(401);
    HttpResponse<String> bad = archive.get("records", "tt_not-a-real-token-at-all");
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(RunningArchive.json(bad).get("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void badMetadataIsRefusedWithFieldAndStableCode() throws Exception {
    HttpResponse<String> r =
        archive.upload(
            "records",
            admin,
            new Multipart()
                .json(
                    "metadata",
                    "{\"agencyCode\":\"BN\",\"subject\":\"x\",\"issuedDate\":\"2024-13-45\"}")
                .bytes("file", new byte[] {1, 2, 3}, "x.bin"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(RunningArchive.json(r).get("code").asText()).isEqualTo("INVALID_METADATA");
    assertThat(RunningArchive.json(r).get("field").asText()).isEqualTo("issuedDate");

    HttpResponse<String> noSubject =
        archive.upload(
            "records",
            admin,
            new Multipart()
                .json("metadata", "{\"agencyCode\":\"BN\"}")
                .bytes("file", new byte[] {1}, "x.bin"));
    assertThat(RunningArchive.json(noSubject).get("field").asText()).isEqualTo("subject");

    HttpResponse<String> notJson =
        archive.upload(
            "records",
            admin,
            new Multipart().json("metadata", "{oops").bytes("file", new byte[] {1}, "x"));
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(RunningArchive.json(notJson).get("code").asText()).isEqualTo("INVALID_METADATA");

    HttpResponse<String> unknownAgency =
        archive.upload(
            "records",
            admin,
            new Multipart()
                .json("metadata", "{\"agencyCode\":\"NOPE\",\"subject\":\"x\"}")
                .bytes("file", new byte[] {1}, "x"));
    assertThat(RunningArchive.json(unknownAgency).get("code").asText()).isEqualTo("UNKNOWN_AGENCY");
  }

  @Test
  void missingFileAndUnknownPartsAreRefused() throws Exception {
    HttpResponse<String> noFile =
        archive.upload("records", admin, new Multipart().json("metadata", meta(null)));
    assertThat(noFile.statusCode()).isEqualTo(400);
    assertThat(RunningArchive.json(noFile).get("code").asText()).isEqualTo("MISSING_FILE");

    HttpResponse<String> extra =
        archive.upload(
            "records",
            admin,
            new Multipart().json("metadata", meta(null)).bytes("surprise", new byte[] {1}, "x"));
    assertThat(RunningArchive.json(extra).get("code").asText()).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void problemsFollowAcceptLanguage() throws Exception {
    var en = archive.download("records/" + UUID.randomUUID(), admin, "Accept-Language", "en");
    assertThat(en.statusCode()).isEqualTo(404);
    String body = new String(en.body().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(body).contains("\"title\":\"Not found\"");
    var vi = archive.get("records/" + UUID.randomUUID(), admin);
    assertThat(vi.body()).contains("Không tìm thấy");
    assertThat(archive.get("records/not-a-uuid", admin).statusCode()).isEqualTo(404);
  }

  @Test
  void rangeRequestsAndFileNameHeader() throws Exception {
    byte[] bytes = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    String id = RunningArchive.json(upload(null, bytes, "Quyết định 123.txt")).get("id").asText();
    var part = archive.download("records/" + id + "/content", admin, "Range", "bytes=5-9");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(new String(part.body().readAllBytes(), StandardCharsets.US_ASCII))
        .isEqualTo("56789");
    assertThat(part.headers().firstValue("Content-Range")).contains("bytes 5-9/20");
    var suffix = archive.download("records/" + id + "/content", admin, "Range", "bytes=-3");
    assertThat(new String(suffix.body().readAllBytes(), StandardCharsets.US_ASCII))
        .isEqualTo("hij");
    var beyond = archive.download("records/" + id + "/content", admin, "Range", "bytes=50-");
    assertThat(beyond.statusCode()).isEqualTo(416);
    var full = archive.download("records/" + id + "/content", admin);
    assertThat(full.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20123.txt");
    String etag = full.headers().firstValue("ETag").orElseThrow();
    full.body().close();
    var notModified = archive.download("records/" + id + "/content", admin, "If-None-Match", etag);
    assertThat(notModified.statusCode()).isEqualTo(304);
  }

  @Test
  void attachmentsBecomeRecordsOfTheirOwn() throws Exception {
    HttpResponse<String> r =
        archive.upload(
            "records?wait=indexed",
            admin,
            new Multipart()
                .json("metadata", meta("BN-ATT-1"))
                .bytes("file", "Tờ trình chính".getBytes(StandardCharsets.UTF_8), "main.txt")
                .bytes(
                    "attachment",
                    "Phụ lục một danh sách".getBytes(StandardCharsets.UTF_8),
                    "pl1.txt")
                .bytes(
                    "attachment",
                    "Phụ lục hai bảng biểu".getBytes(StandardCharsets.UTF_8),
                    "pl2.txt"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode main = RunningArchive.json(r);
    assertThat(main.get("attachmentIds")).hasSize(2);
    String attId = main.get("attachmentIds").get(0).asText();
    JsonNode att = RunningArchive.json(archive.get("records/" + attId, admin));
    assertThat(att.get("mainRecordId").asText()).isEqualTo(main.get("id").asText());
    assertThat(att.get("fileName").asText()).isEqualTo("pl1.txt");
    assertThat(att.has("docCode")).isFalse();
    JsonNode hits =
        RunningArchive.json(
            archive.get(
                "search?q=" + URLEncoder.encode("bảng biểu", StandardCharsets.UTF_8), admin));
    assertThat(hits.get("hits").findValuesAsText("id"))
        .contains(main.get("attachmentIds").get(1).asText());
  }

  @Test
  void waitIndexedMakesTheRecordSearchableAtOnce() throws Exception {
    String id =
        RunningArchive.json(
                upload(
                    null,
                    "Kế hoạch phòng chống lụt bão năm hai nghìn".getBytes(StandardCharsets.UTF_8),
                    "kh.txt"))
            .get("id")
            .asText();
    JsonNode result =
        RunningArchive.json(
            archive.get(
                "search?q=" + URLEncoder.encode("phong chong lut bao", StandardCharsets.UTF_8),
                admin));
    assertThat(result.get("hits").findValuesAsText("id")).contains(id);
    assertThat(
            RunningArchive.json(archive.get("records/" + id, admin))
                .at("/extraction/status")
                .asText())
        .isEqualTo("DONE");
  }

  @Test
  void brokenUploadLeavesNoRecord() throws Exception {
    long before = countRecords();
    String boundary = "xyz";
    try (Socket s = new Socket("127.0.0.1", archive.api("").getPort())) {
      OutputStream out = s.getOutputStream();
      String head =
          "POST /api/v1/records HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + admin
              + "\r\nContent-Type: multipart/form-data; boundary="
              + boundary
              + "\r\nContent-Length: 100000\r\n\r\n"
              + "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
              + meta(null)
              + "\r\n--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n\r\n"
              + "only part of the file";
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
    Thread.sleep(1000);
    assertThat(countRecords()).isEqualTo(before);
  }

  @Test
  void reconciliationRemovesObjectsWithoutCommittedRow() throws Exception {
    var store = archive.wiring().store();
    String key = "originals/zz/" + UUID.randomUUID();
    archive
        .wiring()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO upload_intents (bucket, object_key, created_at) VALUES ('tangthu-originals', ?, now() - interval '2 hours')",
                    key));
    store.put("tangthu-originals", key, "orphan".getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(store.stat("tangthu-originals", key)).isPresent();
    int removed =
        new Reconciler(archive.wiring().jdbi(), store, Clock.systemUTC(), Duration.ofHours(1))
            .runOnce();
    assertThat(removed).isGreaterThanOrEqualTo(1);
    assertThat(store.stat("tangthu-originals", key)).isEmpty();
  }

  @Test
  void adminPortServesHealthAndPrometheusMetrics() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var health =
        http.send(
            java.net.http.HttpRequest.newBuilder(archive.admin("healthcheck")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).contains("storage");
    var metrics =
        http.send(
            java.net.http.HttpRequest.newBuilder(archive.admin("metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE").contains("io_dropwizard_jetty");
  }

  @Test
  void listingPagesByCursorWithoutGapsOrDuplicates() throws Exception {
    for (int i = 0; i < 5; i++) {
      upload(null, ("trang " + i).getBytes(StandardCharsets.UTF_8), "p.txt");
    }
    java.util.List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          RunningArchive.json(
              archive.get(
                  "records?agencyCode=BN&size=2" + (cursor == null ? "" : "&cursor=" + cursor),
                  admin));
      seen.addAll(
          page.get("items").findValuesAsText("id").stream()
              .filter(id -> id.length() == 36)
              .toList());
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(5).isSorted();
    assertThat((long) seen.size()).isEqualTo(countRecords());
    assertThat(archive.get("records?cursor=nonsense", admin).statusCode()).isEqualTo(400);
    assertThat(archive.get("records?size=1000", admin).statusCode()).isEqualTo(400);
  }

  @Test
  void correctionsKeepHistoryAndReachTheIndex() throws Exception {
    String id =
        RunningArchive.json(
                upload(null, "Báo cáo tổng kết".getBytes(StandardCharsets.UTF_8), "bc.txt"))
            .get("id")
            .asText();
    HttpResponse<String> r =
        archive.patchJson(
            "records/" + id,
            admin,
            "{\"subject\":\"Báo cáo sơ kết quý ba\",\"accessLevel\":\"PUBLIC\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(RunningArchive.json(r).get("subject").asText()).isEqualTo("Báo cáo sơ kết quý ba");
    JsonNode history = RunningArchive.json(archive.get("records/" + id + "/history", admin));
    assertThat(history.at("/items/0/previous/subject").asText())
        .isEqualTo("Quyết định về việc phê duyệt kế hoạch");
    assertThat(history.at("/items/0/previous/accessLevel").asText()).isEqualTo("INTERNAL");
    assertThat(history.at("/items/0/changes/accessLevel").asText()).isEqualTo("PUBLIC");
    assertThat(history.at("/items/0/changedBy").asText()).isEqualTo("admin");
    HttpResponse<String> bad = archive.patchJson("records/" + id, admin, "{\"sha256\":\"00\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(RunningArchive.json(bad).get("field").asText()).isEqualTo("sha256");
    HttpResponse<String> badDate =
        archive.patchJson("records/" + id, admin, "{\"issuedDate\":\"15/03/2024\"}");
    assertThat(RunningArchive.json(badDate).get("code").asText()).isEqualTo("INVALID_METADATA");
    upload(null, "đợi".getBytes(StandardCharsets.UTF_8), "w.txt");
    JsonNode hits =
        RunningArchive.json(
            archive.get(
                "search?q=" + URLEncoder.encode("so ket quy ba", StandardCharsets.UTF_8), admin));
    assertThat(hits.get("hits").findValuesAsText("id")).contains(id);
  }

  @Test
  void everyActionOnARecordIsOnTheAuditTrail() throws Exception {
    String id =
        RunningArchive.json(upload(null, "Tờ trình".getBytes(StandardCharsets.UTF_8), "tt.txt"))
            .get("id")
            .asText();
    assertThat(
            archive
                .postJson(
                    "users",
                    admin,
                    "{\"username\":\"auditclerk\",\"displayName\":\"C\",\"agencyCode\":\"BN\","
                        + "\"roles\":[\"CLERK\"]}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            archive.patchJson("records/" + id, admin, "{\"keywords\":\"tờ trình\"}").statusCode())
        .isEqualTo(200);
    assertThat(archive.patchJson("records/" + id, admin, "{\"status\":\"X\"}").statusCode())
        .isEqualTo(400);
    archive.get("records/" + id + "/history", admin);
    archive.get("records/" + id + "/evidence", admin);
    assertThat(
            archive
                .postJson("records/" + id + "/grants", admin, "{\"username\":\"auditclerk\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(archive.delete("records/" + id + "/grants/auditclerk", admin, null).statusCode())
        .isEqualTo(204);
    archive.wiring().audit().flush();

    JsonNode trail = RunningArchive.json(archive.get("audit?recordId=" + id + "&size=100", admin));
    assertThat(trail.get("items").findValuesAsText("action"))
        .contains(
            "RECORD_CREATE",
            "RECORD_CORRECT",
            "HISTORY_READ",
            "EVIDENCE_READ",
            "GRANT_CREATE",
            "GRANT_REVOKE");
    JsonNode corrections =
        RunningArchive.json(
            archive.get("audit?recordId=" + id + "&action=RECORD_CORRECT&size=10", admin));
    assertThat(corrections.get("items").findValuesAsText("outcome"))
        .containsExactlyInAnyOrder("SUCCESS", "DENIED");
    assertThat(corrections.toString()).contains("keywords");
    JsonNode revoke =
        RunningArchive.json(
            archive.get("audit?recordId=" + id + "&action=GRANT_REVOKE&size=10", admin));
    assertThat(revoke.toString()).contains("auditclerk");
    assertThat(RunningArchive.json(archive.get("audit/verify", admin)).get("valid").asBoolean())
        .isTrue();
  }

  private long countRecords() {
    return archive
        .wiring()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT count(*) FROM records").mapTo(Long.class).one());
  }

  static void drain(InputStream in) throws Exception {
    in.transferTo(OutputStream.nullOutputStream());
  }
}
