package vn.tangthu.archive.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tangthu.archive.storage.StorageProbe;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RawHttp;
import vn.tangthu.archive.support.RunningArchive;
import vn.tangthu.archive.support.Stored;

/**
 * The bad inputs an outside probe found answered with a 500, accepted with a 201, replayed under a
 * reused idempotency key, or answered in Jetty's HTML (issue 26, defects 6 to 9). Each is refused
 * with a 4xx {@code application/problem+json} carrying a {@code code}, and stores nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

  private static final String SERIES = "BAD.INPUT.10";

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private String admin;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    archive = RunningArchive.start(dataDir);
    admin = archive.adminToken();
    assertThat(
            archive
                .postJson("agencies", admin, "{\"code\":\"BN\",\"name\":\"Bắc Ninh\"}")
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> schedule =
        archive.putJson(
            "retention/schedules/" + SERIES,
            admin,
            "{\"title\":\"Hồ sơ thử\",\"period\":\"10y\",\"action\":\"DESTROY\","
                + "\"legalBasis\":\"Thông tư 10/2022/TT-BNV\"}");
    assertThat(schedule.statusCode()).as(schedule.body()).isIn(200, 201);
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  // ---- defect 6: 500 answers to bad input ------------------------------------------------

  @Test
  void fileNameWithNulIsRefusedAndStoresNothing() throws Exception {
    Map<String, String> before = Stored.snapshot(archive);
    HttpResponse<String> r =
        archive.upload(
            "records",
            admin,
            new Multipart()
                .json("metadata", metadata("\"issuedDate\":\"2024-03-15\""))
                .bytes("file", bytes("tờ trình"), "to-trinh\u0000.txt"));
    assertProblem(r, 400, "INVALID_REQUEST");
    assertThat(Stored.snapshot(archive)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "retention/schedules",
        "records",
        "holds",
        "retention/sweeps",
        "audit",
        "users/admin/tokens"
      })
  void nulCursorIsRefusedWithACode(String list) throws Exception {
    HttpResponse<String> r = archive.get(list + "?cursor=%00", admin);
    assertProblem(r, 400, "INVALID_CURSOR");
  }

  @Test
  void cursorPastTheLargestEntryIdIsRefused() throws Exception {
    assertProblem(archive.get("audit?cursor=9999999999999999999", admin), 400, "INVALID_CURSOR");
  }

  @ParameterizedTest
  @ValueSource(strings = {"issuedDate", "workEndDate"})
  void farFutureDateWithSeriesIsRefusedAndLeavesNoObjectVersion(String field) throws Exception {
    Map<String, String> before = Stored.snapshot(archive);
    String extra =
        (field.equals("workEndDate") ? "\"issuedDate\":\"2024-03-15\"," : "")
            + "\"seriesCode\":\""
            + SERIES
            + "\",\""
            + field
            + "\":\"+999999999-12-31\"";
    HttpResponse<String> r = upload(metadata(extra), "a.txt");
    assertProblem(r, 400, "INVALID_METADATA");
    assertThat(RunningArchive.json(r).get("field").asText()).isEqualTo(field);
    assertThat(Stored.snapshot(archive)).isEqualTo(before);
  }

  @Test
  void dossierEndDateFarInTheFutureIsRefused() throws Exception {
    Map<String, String> before = Stored.snapshot(archive);
    HttpResponse<String> r =
        archive.putJson(
            "dossiers/HS-FAR",
            admin,
            "{\"agencyCode\":\"BN\",\"title\":\"Hồ sơ\",\"seriesCode\":\""
                + SERIES
                + "\",\"endDate\":\"+999999999-12-31\"}");
    assertProblem(r, 422, "INVALID_DOSSIER");
    assertThat(RunningArchive.json(r).get("field").asText()).isEqualTo("endDate");
    assertThat(Stored.snapshot(archive)).isEqualTo(before);
  }

  // ---- defect 7: invalid input accepted --------------------------------------------------

  static Stream<Arguments> invalidIssuedDates() {
    return Stream.of(
        Arguments.of("\"-999999999-01-01\""),
        Arguments.of("\"+10000-01-01\""),
        Arguments.of("\"0000-01-01\""),
        Arguments.of("\"2024-03-15T00:00:00\""),
        Arguments.of("\"2024-03-15\\u0000\""),
        Arguments.of("20240315"),
        Arguments.of("\"\""),
        Arguments.of("\"1799-12-31\""),
        Arguments.of("\"2024-02-30\""),
        Arguments.of("\" 2024-03-15\""),
        Arguments.of("\"２０２４-03-15\""));
  }

  @ParameterizedTest
  @MethodSource("invalidIssuedDates")
  void invalidIssuedDateIsRefusedWithItsField(String value) throws Exception {
    Map<String, String> before = Stored.snapshot(archive);
    HttpResponse<String> r = upload(metadata("\"issuedDate\":" + value), "a.txt");
    assertProblem(r, 400, "INVALID_METADATA");
    assertThat(RunningArchive.json(r).get("field").asText()).isEqualTo("issuedDate");
    assertThat(Stored.snapshot(archive)).isEqualTo(before);
  }

  @Test
  void oldDigitisedDateIsAccepted() throws Exception {
    HttpResponse<String> r = upload(metadata("\"issuedDate\":\"1800-01-01\""), "cu.txt");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(RunningArchive.json(r).get("issuedDate").asText()).isEqualTo("1800-01-01");
  }

  @Test
  void correctionToAnInvalidDateIsRefused() throws Exception {
    HttpResponse<String> created = upload(metadata("\"issuedDate\":\"2024-03-15\""), "b.txt");
    String id = RunningArchive.json(created).get("id").asText();
    Map<String, String> before = Stored.snapshot(archive);
    HttpResponse<String> r =
        archive.patchJson("records/" + id, admin, "{\"workEndDate\":\"-999999999-01-01\"}");
    assertProblem(r, 400, "INVALID_METADATA");
    assertThat(RunningArchive.json(r).get("field").asText()).isEqualTo("workEndDate");
    assertThat(Stored.snapshot(archive)).isEqualTo(before);
  }

  @Test
  void sweepAsOfBeyondAHundredYearsIsRefused() throws Exception {
    Map<String, String> before = Stored.snapshot(archive);
    HttpResponse<String> r =
        archive.postJson(
            "retention/sweeps", admin, "{\"agencyCode\":\"BN\",\"asOf\":\"+999999999-12-31\"}");
    assertProblem(r, 400, "INVALID_REQUEST");
    assertThat(Stored.snapshot(archive)).isEqualTo(before);
  }

  @Test
  void searchDateBoundMustBeAPlainDate() throws Exception {
    assertProblem(archive.get("search?issuedFrom=%2B10000-01-01", admin), 400, "INVALID_QUERY");
    assertProblem(archive.get("search?issuedTo=2024-03-15T00:00", admin), 400, "INVALID_QUERY");
  }

  @Test
  void jsonFollowedByGarbageIsRefused() throws Exception {
    Map<String, String> before = Stored.snapshot(archive);
    assertProblem(
        archive.postJson("agencies", admin, "{\"code\":\"TRAIL\",\"name\":\"x\"} garbage"),
        400,
        "INVALID_REQUEST");
    assertProblem(
        archive.postJson("agencies", admin, "{\"code\":\"TRAIL\",\"name\":\"x\"}{}"),
        400,
        "INVALID_REQUEST");
    HttpResponse<String> part = upload(metadata("\"issuedDate\":\"2024-03-15\"") + " [1]", "t.txt");
    assertProblem(part, 400, "INVALID_METADATA");
    assertThat(Stored.snapshot(archive)).isEqualTo(before);
  }

  @Test
  void overlongUtf8IsRefusedInJsonBodiesAndTheMetadataPart() throws Exception {
    Map<String, String> before = Stored.snapshot(archive);
    byte[] overlong = {(byte) 0xC0, (byte) 0xAF}; // "/" in two bytes
    byte[] body = concat(bytes("{\"code\":\"OVERLONG\",\"name\":\"a"), overlong, bytes("b\"}"));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(archive.api("agencies"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(r, 400, "INVALID_REQUEST");

    byte[] meta =
        concat(
            bytes("{\"agencyCode\":\"BN\",\"subject\":\"Quy"),
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            bytes("\"}"));
    HttpResponse<String> part =
        archive.upload(
            "records",
            admin,
            new Multipart()
                .bytes("metadata", meta, null)
                .bytes("file", bytes("nội dung"), "x.txt"));
    assertProblem(part, 400, "INVALID_METADATA");
    assertThat(Stored.snapshot(archive)).isEqualTo(before);
  }

  @Test
  void nulInAStringOfAJsonBodyIsRefused() throws Exception {
    Map<String, String> before = Stored.snapshot(archive);
    assertProblem(
        archive.postJson("agencies", admin, "{\"code\":\"NUL\",\"name\":\"a\\u0000b\"}"),
        400,
        "INVALID_REQUEST");
    assertThat(Stored.snapshot(archive)).isEqualTo(before);
  }

  // ---- defect 8: one Idempotency-Key, two different requests ------------------------------

  @Test
  void sameKeyWithDifferentMetadataFileNameOrBytesIsRefused() throws Exception {
    String meta = metadata("\"issuedDate\":\"2024-03-15\"");
    HttpResponse<String> first =
        upload(meta, "cv.txt", bytes("Công văn 45"), "Idempotency-Key", "reuse-1");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

    Map<String, String> before = Stored.snapshot(archive);
    assertProblem(
        upload(
            metadata("\"issuedDate\":\"2024-03-16\""),
            "cv.txt",
            bytes("Công văn 45"),
            "Idempotency-Key",
            "reuse-1"),
        422,
        "IDEMPOTENCY_KEY_REUSED");
    assertProblem(
        upload(meta, "khac.txt", bytes("Công văn 45"), "Idempotency-Key", "reuse-1"),
        422,
        "IDEMPOTENCY_KEY_REUSED");
    assertProblem(
        upload(meta, "cv.txt", bytes("Công văn 46"), "Idempotency-Key", "reuse-1"),
        422,
        "IDEMPOTENCY_KEY_REUSED");
    assertThat(Stored.snapshot(archive)).isEqualTo(before);

    // the very same request again: only the multipart boundary differs, and that is no difference
    HttpResponse<String> sameBytes =
        upload(meta, "cv.txt", bytes("Công văn 45"), "Idempotency-Key", "reuse-1");
    assertThat(sameBytes.statusCode()).as(sameBytes.body()).isEqualTo(201);
    assertThat(RunningArchive.json(sameBytes).get("id"))
        .isEqualTo(RunningArchive.json(first).get("id"));

    // the same request again (a new multipart boundary, keys in another order) is a replay
    String reordered =
        "{\"subject\":\"Quyết định về việc phê duyệt kế hoạch\",\"agencyCode\":\"BN\","
            + "\"issuedDate\":\"2024-03-15\"}";
    HttpResponse<String> again =
        upload(reordered, "cv.txt", bytes("Công văn 45"), "Idempotency-Key", "reuse-1");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    assertThat(RunningArchive.json(again).get("id"))
        .isEqualTo(RunningArchive.json(first).get("id"));
    assertThat(Stored.snapshot(archive)).isEqualTo(before);
  }

  /**
   * Requests that race with one key each store their file before the key is claimed; the losers
   * answer the winner's record and remove every version of what they wrote (a plain delete would
   * leave their bytes behind as non-current versions).
   */
  @Test
  void concurrentRequestsWithOneKeyMakeOneRecordAndLeaveOneObjectVersion() throws Exception {
    String meta = metadata("\"issuedDate\":\"2024-03-15\"");
    String originals = archive.configuration().getStorage().originalsBucket();
    StorageProbe probe = new StorageProbe(archive.wiring().store());
    int versionsBefore = probe.countVersions(originals, null);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(
            () -> upload(meta, "song.txt", bytes("Song song"), "Idempotency-Key", "together"));
      }
      List<String> ids = new ArrayList<>();
      for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        ids.add(RunningArchive.json(r).get("id").asText());
      }
      assertThat(ids).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    int stored =
        archive
            .wiring()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM records WHERE file_name = 'song.txt'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(stored).isEqualTo(1);
    assertThat(probe.countVersions(originals, null)).isEqualTo(versionsBefore + 1);
  }

  // ---- defect 9: errors Jetty answers itself ----------------------------------------------

  @Test
  void tenThousandTermQueryIsUriTooLong() throws Exception {
    String q = "tu+".repeat(10_000);
    assertProblem(archive.get("search?q=" + q, admin), 414, "URI_TOO_LONG");
  }

  @Test
  void hugeHeaderIsHeaderTooLarge() throws Exception {
    RawHttp.Response a =
        RawHttp.send(
            archive.api(""),
            "GET /api/v1/me HTTP/1.1\r\nAuthorization: Bearer "
                + admin
                + "\r\nX-Big: "
                + "a".repeat(64 * 1024));
    assertProblem(a, 431, "HEADER_TOO_LARGE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"records/a%2Fb", "records/a%5Cb", "records/a%25b", "records/%2e%2e/me"})
  void encodedSeparatorsInAPathAreRefused(String path) throws Exception {
    RawHttp.Response a =
        RawHttp.send(
            archive.api(""), "GET /api/v1/" + path + " HTTP/1.1\r\nAuthorization: Bearer " + admin);
    assertThat(a.status()).as(a.body()).isBetween(400, 404);
    assertProblemShape(a.status(), a.contentType(), a.body());
  }

  @Test
  void nulInAHeaderIsABadRequest() throws Exception {
    RawHttp.Response a =
        RawHttp.send(
            archive.api(""),
            "GET /api/v1/me HTTP/1.1\r\nAuthorization: Bearer " + admin + "\r\nX-Nul: a\u0000b");
    assertProblem(a, 400, "BAD_REQUEST");
  }

  @Test
  void unsatisfiableRangeIsAProblem() throws Exception {
    HttpResponse<String> created = upload(metadata("\"issuedDate\":\"2024-03-15\""), "r.txt");
    String id = RunningArchive.json(created).get("id").asText();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(archive.api("records/" + id + "/content"))
                .header("Authorization", "Bearer " + admin)
                .header("Range", "bytes=5000-6000")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(r, 416, "RANGE_NOT_SATISFIABLE");
    assertThat(r.headers().firstValue("Content-Range")).isPresent();
  }

  @Test
  void unknownPathsAndMethodsAreProblems() throws Exception {
    assertProblem(archive.get("no-such-thing", admin), 404, "NOT_FOUND");
    assertProblem(archive.delete("search", admin, null), 405, "METHOD_NOT_ALLOWED");
    HttpResponse<String> outside =
        http.send(
            HttpRequest.newBuilder(archive.api("").resolve("/no-such-page.html")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(outside, 404, "NOT_FOUND");
    HttpResponse<String> adminPort =
        http.send(
            HttpRequest.newBuilder(archive.admin("no-such-thing")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(adminPort, 404, "NOT_FOUND");
    RawHttp.Response trace =
        RawHttp.send(archive.api(""), "TRACE /api/v1/me HTTP/1.1\r\nAuthorization: Bearer x");
    assertThat(trace.status()).isBetween(400, 499);
    assertProblemShape(trace.status(), trace.contentType(), trace.body());
  }

  @Test
  void longSearchesGoByPostWithTheSameAnswer() throws Exception {
    upload(metadata("\"issuedDate\":\"2024-03-15\""), "tim.txt", bytes("phê duyệt kế hoạch"));
    HttpResponse<String> get =
        archive.get("search?q=ke+hoach&issuedFrom=2024-01-01&sort=-issuedDate&size=5", admin);
    HttpResponse<String> post =
        archive.postJson(
            "search",
            admin,
            "{\"q\":\"ke hoach\",\"issuedFrom\":\"2024-01-01\",\"sort\":\"-issuedDate\","
                + "\"size\":5}");
    assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
    assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
    assertThat(RunningArchive.json(post)).isEqualTo(RunningArchive.json(get));
    assertThat(RunningArchive.json(post).get("total").asInt()).isPositive();
    assertProblem(
        archive.postJson("search", admin, "{\"q\":\"x\",\"size\":\"many\"}"), 400, "INVALID_QUERY");
    assertProblem(archive.postJson("search", admin, "{\"query\":\"x\"}"), 400, "INVALID_QUERY");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static String metadata(String extra) {
    return "{\"agencyCode\":\"BN\",\"subject\":\"Quyết định về việc phê duyệt kế hoạch\""
        + (extra.isEmpty() ? "" : "," + extra)
        + "}";
  }

  private HttpResponse<String> upload(String metadata, String fileName, String... headers)
      throws Exception {
    return upload(metadata, fileName, bytes("Nội dung " + fileName), headers);
  }

  private HttpResponse<String> upload(
      String metadata, String fileName, byte[] content, String... headers) throws Exception {
    return archive.upload(
        "records?wait=indexed",
        admin,
        new Multipart().json("metadata", metadata).bytes("file", content, fileName),
        headers);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static void assertProblem(HttpResponse<String> r, int status, String code) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertProblemShape(status, r.headers().firstValue("Content-Type").orElse(""), r.body());
    assertThat(RunningArchive.json(r).get("code").asText()).as(r.body()).isEqualTo(code);
  }

  static void assertProblem(RawHttp.Response a, int status, String code) throws Exception {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertProblemShape(status, a.contentType(), a.body());
    assertThat(RunningArchive.JSON.readTree(a.body()).get("code").asText()).isEqualTo(code);
  }

  static void assertProblemShape(int status, String contentType, String body) throws Exception {
    assertThat(contentType).as(body).startsWith("application/problem+json");
    JsonNode p = RunningArchive.JSON.readTree(body);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("code").asText()).matches("[A-Z_]+");
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("type").asText()).startsWith("https://");
  }
}
