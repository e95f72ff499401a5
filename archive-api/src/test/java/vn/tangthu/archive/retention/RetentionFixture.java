package vn.tangthu.archive.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import vn.tangthu.archive.storage.ObjectKeys;
import vn.tangthu.archive.storage.ObjectLocks;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/** Agencies, users and small helpers the retention ITs share (one running archive each). */
final class RetentionFixture {

  final RunningArchive archive;
  final String admin;
  private final Map<String, String> tokens = new HashMap<>();
  private int counter;

  RetentionFixture(RunningArchive archive) throws Exception {
    this.archive = archive;
    this.admin = archive.adminToken();
    agency("{\"code\":\"PROV\",\"name\":\"UBND tỉnh\"}");
    agency("{\"code\":\"DEPT\",\"name\":\"Sở Nội vụ\",\"parentCode\":\"PROV\"}");
    agency("{\"code\":\"OTHER\",\"name\":\"Tỉnh khác\"}");
    user("arch", "DEPT", "ARCHIVIST");
    user("clerk", "DEPT", "CLERK");
    user("provclerk", "PROV", "CLERK");
    user("otherarch", "OTHER", "ARCHIVIST");
    user("otherclerk", "OTHER", "CLERK");
    user("submitter", "DEPT", "SUBMITTER");
  }

  String token(String user) {
    return tokens.get(user);
  }

  private void agency(String json) throws Exception {
    assertThat(archive.postJson("agencies", admin, json).statusCode()).isEqualTo(201);
  }

  private void user(String name, String agency, String role) throws Exception {
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
    tokens.put(
        name,
        RunningArchive.json(archive.postJson("users/" + name + "/tokens", admin, "{}"))
            .get("token")
            .asText());
  }

  /** Sets a schedule as the admin and expects success. */
  void schedule(String series, String period, String action) throws Exception {
    HttpResponse<String> r = putSchedule(admin, series, period, action);
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
  }

  HttpResponse<String> putSchedule(String token, String series, String period, String action)
      throws Exception {
    return archive.putJson(
        "retention/schedules/" + series,
        token,
        "{\"title\":\"Hồ sơ thử "
            + series
            + "\",\"period\":"
            + (period == null ? "null" : "\"" + period + "\"")
            + ",\"action\":\""
            + action
            + "\",\"legalBasis\":\"Thông tư 10/2022/TT-BNV\"}");
  }

  /**
   * Stores a record for DEPT (as admin) with extra metadata fields (a JSON fragment without braces,
   * may be empty) and returns the Record JSON.
   */
  JsonNode record(String extra) throws Exception {
    return record("DEPT", "INTERNAL", extra, admin);
  }

  JsonNode record(String agency, String accessLevel, String extra, String token) throws Exception {
    return record(agency, accessLevel, extra, token, "", false);
  }

  /** A record whose text contains {@code words}, answered once searchable when {@code indexed}. */
  JsonNode record(
      String agency, String accessLevel, String extra, String token, String words, boolean indexed)
      throws Exception {
    int n = ++counter;
    String meta =
        "{\"agencyCode\":\""
            + agency
            + "\",\"accessLevel\":\""
            + accessLevel
            + "\",\"subject\":\"Công văn về hồ sơ lưu trữ số "
            + n
            + "\""
            + (extra.isEmpty() ? "" : "," + extra)
            + "}";
    HttpResponse<String> r =
        archive.upload(
            indexed ? "records?wait=indexed" : "records",
            token,
            new Multipart()
                .json("metadata", meta)
                .bytes(
                    "file",
                    ("Nội dung văn bản " + n + " " + words + " " + UUID.randomUUID())
                        .getBytes(StandardCharsets.UTF_8),
                    "vb" + n + ".txt"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningArchive.json(r);
  }

  JsonNode get(String id) throws Exception {
    HttpResponse<String> r = archive.get("records/" + id, admin);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return RunningArchive.json(r);
  }

  /** The lock the current version of a record's original carries in storage. */
  ObjectLocks.Lock lock(String id) {
    return new ObjectLocks(archive.wiring().store())
        .current(bucket(), ObjectKeys.original(UUID.fromString(id)), null);
  }

  String bucket() {
    return archive.configuration().getStorage().originalsBucket();
  }
}
