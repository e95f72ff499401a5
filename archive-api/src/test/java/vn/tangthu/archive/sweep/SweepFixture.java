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

  /** Stores a text record (and attachments), searchable on return; returns the Record. */
  JsonNode record(String agency, String fileCode, String text, String... attachments)
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
            + "}";
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
