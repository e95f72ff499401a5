package vn.tangthu.archive.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/** Agencies, users and records for sweep tests, through the API. */
final class SweepFixture {
  private final RunningArchive archive;
  private final String admin;

  SweepFixture(RunningArchive archive) {
    this.archive = archive;
    this.admin = archive.adminToken();
  }

  void agency(String code, String parent) throws Exception {
    ok(
        archive.postJson(
            "agencies",
            admin,
            "{\"code\":\""
                + code
                + "\",\"name\":\"Cơ quan "
                + code
                + "\""
                + (parent == null ? "" : ",\"parentCode\":\"" + parent + "\"")
                + "}"));
  }

  /** Creates a user with the roles and returns a token. */
  String user(String username, String agency, String... roles) throws Exception {
    ok(
        archive.postJson(
            "users",
            admin,
            "{\"username\":\""
                + username
                + "\",\"displayName\":\""
                + username
                + "\",\"agencyCode\":\""
                + agency
                + "\",\"roles\":[\""
                + String.join("\",\"", roles)
                + "\"]}"));
    return RunningArchive.json(ok(archive.postJson("users/" + username + "/tokens", admin, "{}")))
        .get("token")
        .asText();
  }

  /** Series whose records ended in mid-2010: eligible on 2012-01-01 (1y), or never. */
  static final String DESTROY = "S-DESTROY";

  static final String TRANSFER = "S-TRANSFER";
  static final String REVIEW = "S-REVIEW";
  static final String PERMANENT = "S-PERM";
  static final String FUTURE = "S-FUTURE";

  /** Every record's matter ended on this date (a dossier's end date too). */
  static final String WORK_END = "2010-06-30";

  /** The eligibility date of the 1-year series. */
  static final String ELIGIBLE_ON = "2012-01-01";

  /** Puts the test schedules (as ADMIN, through {@code PUT /retention/schedules}). */
  void schedules() throws Exception {
    schedule(DESTROY, "1y", "DESTROY");
    schedule(TRANSFER, "1y", "TRANSFER");
    schedule(REVIEW, "1y", "REVIEW");
    schedule(PERMANENT, "PERMANENT", "TRANSFER");
    schedule(FUTURE, "100y", "DESTROY");
  }

  private void schedule(String series, String period, String action) throws Exception {
    ok(
        archive.putJson(
            "retention/schedules/" + series,
            admin,
            "{\"title\":\"Hồ sơ thử "
                + series
                + "\",\"period\":\""
                + period
                + "\",\"action\":\""
                + action
                + "\",\"legalBasis\":\"Thông tư 10/2022/TT-BNV, Phụ lục\"}"));
  }

  /** A dossier of {@code series} that ended on {@link #WORK_END} ({@code PUT /dossiers}). */
  void dossier(String fileCode, String agency, String series) throws Exception {
    ok(
        archive.putJson(
            "dossiers/" + fileCode,
            admin,
            "{\"agencyCode\":\""
                + agency
                + "\",\"title\":\"Hồ sơ "
                + fileCode
                + "\",\"seriesCode\":\""
                + series
                + "\",\"startDate\":\"2009-01-05\",\"endDate\":\""
                + WORK_END
                + "\"}"));
  }

  /** Places a hold on the records ({@code POST /holds}); returns its id. */
  String hold(String token, String... recordIds) throws Exception {
    return RunningArchive.json(
            ok(
                archive.postJson(
                    "holds",
                    token,
                    "{\"name\":\"Thanh tra\",\"reason\":\"Thanh tra theo quyết định"
                        + " 12/QĐ-TTr\",\"authority\":\"Thanh tra tỉnh\",\"recordIds\":[\""
                        + String.join("\",\"", recordIds)
                        + "\"]}")))
        .get("id")
        .asText();
  }

  /**
   * Stores a text record (and attachments), searchable on return; returns the Record. Its retention
   * comes from {@code series}, or from its dossier when {@code fileCode} is given.
   */
  JsonNode record(String agency, String fileCode, String series, String text, String... attachments)
      throws Exception {
    String meta =
        "{\"agencyCode\":\""
            + agency
            + "\",\"subject\":\"Văn bản "
            + text.substring(0, Math.min(20, text.length()))
            + "\",\"issuedDate\":\"2010-03-02\",\"docCode\":\""
            + UUID.randomUUID()
            + "\""
            + (fileCode == null ? "" : ",\"fileCode\":\"" + fileCode + "\"")
            + (series == null ? "" : ",\"seriesCode\":\"" + series + "\"")
            + ",\"workEndDate\":\""
            + WORK_END
            + "\"}";
    Multipart body =
        new Multipart()
            .json("metadata", meta)
            .bytes("file", text.getBytes(StandardCharsets.UTF_8), "van-ban.txt");
    int n = 0;
    for (String a : attachments) {
      body.bytes("attachment", a.getBytes(StandardCharsets.UTF_8), "phu-luc-" + (++n) + ".txt");
    }
    return RunningArchive.json(ok(archive.upload("records?wait=indexed", admin, body)));
  }

  static HttpResponse<String> ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    return r;
  }
}
