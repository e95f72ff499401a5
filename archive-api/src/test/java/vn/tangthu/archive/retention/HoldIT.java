package vn.tangthu.archive.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Legal holds over HTTP: by list and by query (with the placer's visibility), the dossier and
 * attachments held together, the S3 legal hold on while held and off after release, refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldIT {

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private RetentionFixture f;

  @BeforeAll
  void start() throws Exception {
    archive = RunningArchive.start(dataDir);
    f = new RetentionFixture(archive);
    f.schedule("H-10Y", "10y", "DESTROY");
    f.schedule("H-PERM", "PERMANENT", "TRANSFER");
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  private static String hold(String name, String selection) {
    return "{\"name\":\""
        + name
        + "\",\"reason\":\"Thanh tra theo quyết định 12/QĐ-TTr\","
        + "\"authority\":\"Thanh tra tỉnh\","
        + selection
        + "}";
  }

  private static String ids(String... ids) {
    return "\"recordIds\":[\"" + String.join("\",\"", ids) + "\"]";
  }

  private HttpResponse<String> release(String id, String token, String body) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(archive.api("holds/" + id))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return HttpClient.newHttpClient()
        .send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private List<String> holdsOf(String recordId) throws Exception {
    List<String> out = new ArrayList<>();
    f.get(recordId).get("retention").get("holds").forEach(h -> out.add(h.asText()));
    return out;
  }

  @Test
  void clerkMayNotPlaceAHold() throws Exception {
    String id = f.record("\"seriesCode\":\"H-10Y\"").get("id").asText();
    HttpResponse<String> r = archive.postJson("holds", f.token("clerk"), hold("x", ids(id)));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(archive.get("holds", f.token("clerk")).statusCode()).isEqualTo(403);
  }

  @Test
  void aRoleRefusalIsTheSameProblemAsEveryOtherRefusal() throws Exception {
    HttpResponse<String> r = archive.postJson("holds", f.token("clerk"), "{}");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    var problem = RunningArchive.json(r);
    assertThat(problem.get("code").asText()).isEqualTo("FORBIDDEN");
    assertThat(problem.get("status").asInt()).isEqualTo(403);
    assertThat(problem.get("detail").asText())
        .isEqualTo("Chỉ lưu trữ viên hoặc quản trị viên được phong tỏa văn bản.");
  }

  @Test
  void recordsTheArchivistCannotSeeAreNotFound() throws Exception {
    String id = f.record("\"seriesCode\":\"H-10Y\"").get("id").asText();
    assertThat(archive.postJson("holds", f.token("otherarch"), hold("x", ids(id))).statusCode())
        .isEqualTo(404);
    String other = f.record("OTHER", "INTERNAL", "", f.admin).get("id").asText();
    assertThat(archive.postJson("holds", f.token("arch"), hold("x", ids(id, other))).statusCode())
        .isEqualTo(404);
    assertThat(
            archive
                .postJson(
                    "holds",
                    f.token("arch"),
                    hold("x", ids("0190a4c2-0000-7000-8000-000000000000")))
                .statusCode())
        .isEqualTo(404);
    assertThat(archive.postJson("holds", f.token("arch"), hold("x", ids("not-an-id"))).statusCode())
        .isEqualTo(404);
    assertThat(holdsOf(id)).isEmpty();
  }

  @Test
  void invalidHoldsAreRefusedWithTheField() throws Exception {
    String id = f.record("").get("id").asText();
    HttpResponse<String> noName =
        archive.postJson(
            "holds",
            f.token("arch"),
            "{\"reason\":\"r\",\"authority\":\"a\",\"recordIds\":[\"" + id + "\"]}");
    assertThat(noName.statusCode()).isEqualTo(422);
    assertThat(RunningArchive.json(noName).get("code").asText()).isEqualTo("INVALID_HOLD");
    assertThat(RunningArchive.json(noName).get("field").asText()).isEqualTo("name");
    HttpResponse<String> both =
        archive.postJson("holds", f.token("arch"), hold("x", ids(id) + ",\"query\":\"a\""));
    assertThat(both.statusCode()).isEqualTo(422);
    HttpResponse<String> neither = archive.postJson("holds", f.token("arch"), hold("x", "\"a\":1"));
    assertThat(neither.statusCode()).isIn(400, 422);
    HttpResponse<String> empty =
        archive.postJson("holds", f.token("arch"), hold("x", "\"recordIds\":[]"));
    assertThat(empty.statusCode()).isEqualTo(422);
  }

  @Test
  void holdCoversTheDossierAndAttachmentsAndLiftsOnRelease() throws Exception {
    assertThat(
            archive
                .putJson(
                    "dossiers/HS-H1",
                    f.token("arch"),
                    "{\"agencyCode\":\"DEPT\",\"title\":\"Hồ sơ thanh tra\","
                        + "\"seriesCode\":\"H-10Y\",\"endDate\":\"2000-01-01\"}")
                .statusCode())
        .isEqualTo(201);
    String a = f.record("\"fileCode\":\"HS-H1\"").get("id").asText();
    String b = f.record("\"fileCode\":\"HS-H1\"").get("id").asText();
    HttpResponse<String> withAttachment =
        archive.upload(
            "records",
            f.admin,
            new vn.tangthu.archive.support.Multipart()
                .json(
                    "metadata",
                    "{\"agencyCode\":\"DEPT\",\"subject\":\"Tờ trình\","
                        + "\"seriesCode\":\"H-PERM\"}")
                .bytes("file", "chính".getBytes(StandardCharsets.UTF_8), "a.txt")
                .bytes("attachment", "phụ lục".getBytes(StandardCharsets.UTF_8), "b.txt"));
    JsonNode c = RunningArchive.json(withAttachment);
    String cId = c.get("id").asText();
    String att = c.get("attachmentIds").get(0).asText();
    String loose = f.record("\"seriesCode\":\"H-10Y\"").get("id").asText();
    assertThat(f.lock(a).legalHold()).isFalse();

    HttpResponse<String> placed =
        archive.postJson("holds", f.token("arch"), hold("Thanh tra 2026", ids(a, cId)));
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    JsonNode h = RunningArchive.json(placed);
    String holdId = h.get("id").asText();
    assertThat(placed.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("holds/" + holdId));
    assertThat(h.get("recordCount").asInt()).isEqualTo(4);
    assertThat(h.get("placedBy").asText()).isEqualTo("arch");
    assertThat(h.get("authority").asText()).isEqualTo("Thanh tra tỉnh");
    assertThat(h.has("query")).isFalse();
    for (String id : List.of(a, b, cId, att)) {
      assertThat(holdsOf(id)).containsExactly(holdId);
      assertThat(f.lock(id).legalHold()).as(id).isTrue();
    }
    assertThat(holdsOf(loose)).isEmpty();
    assertThat(f.lock(loose).legalHold()).isFalse();

    JsonNode read = RunningArchive.json(archive.get("holds/" + holdId, f.token("arch")));
    assertThat(read.get("recordIds"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(a, b, cId, att);
    assertThat(read.get("active").asBoolean()).isTrue();
    JsonNode list = RunningArchive.json(archive.get("holds", f.token("arch")));
    assertThat(list.get("items")).extracting(x -> x.get("id").asText()).contains(holdId);
    assertThat(archive.get("holds/" + holdId, f.token("otherarch")).statusCode()).isEqualTo(404);

    String second =
        RunningArchive.json(archive.postJson("holds", f.token("arch"), hold("Vụ kiện", ids(b))))
            .get("id")
            .asText();
    assertThat(release(holdId, f.token("otherarch"), "{}").statusCode()).isEqualTo(404);
    assertThat(release(holdId, f.token("clerk"), "{}").statusCode()).isEqualTo(403);
    HttpResponse<String> released =
        release(holdId, f.token("arch"), "{\"reason\":\"Kết thúc thanh tra\"}");
    assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
    JsonNode rel = RunningArchive.json(released);
    assertThat(rel.get("active").asBoolean()).isFalse();
    assertThat(rel.get("releasedBy").asText()).isEqualTo("arch");
    assertThat(rel.get("releaseReason").asText()).isEqualTo("Kết thúc thanh tra");
    assertThat(holdsOf(a)).as("the second hold took the whole dossier").containsExactly(second);
    assertThat(holdsOf(b)).containsExactly(second);
    assertThat(f.lock(a).legalHold()).as("still held by the second hold").isTrue();
    assertThat(f.lock(b).legalHold()).as("still held by the second hold").isTrue();
    assertThat(holdsOf(cId)).isEmpty();
    assertThat(f.lock(cId).legalHold()).as("permanent").isTrue();
    assertThat(f.lock(att).legalHold()).as("permanent through its main record").isTrue();
    assertThat(release(second, f.admin, "").statusCode()).isEqualTo(200);
    assertThat(holdsOf(a)).isEmpty();
    assertThat(f.lock(a).legalHold()).isFalse();
    assertThat(f.lock(b).legalHold()).isFalse();
    HttpResponse<String> again = release(holdId, f.token("arch"), "{}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(RunningArchive.json(again).get("code").asText()).isEqualTo("HOLD_RELEASED");

    String trail = archive.get("audit?actor=arch&size=100", f.admin).body();
    assertThat(trail).contains("HOLD_PLACE").contains("HOLD_RELEASE").contains(holdId);
  }

  @Test
  void holdByQueryHoldsOnlyWhatThePlacerMaySee() throws Exception {
    String word = "quokkaphongtoa";
    String own = f.record("DEPT", "INTERNAL", "", f.admin, word, true).get("id").asText();
    String restricted = f.record("PROV", "RESTRICTED", "", f.admin, word, true).get("id").asText();
    String otherAgency = f.record("OTHER", "INTERNAL", "", f.admin, word, true).get("id").asText();
    String unrelated = f.record("DEPT", "INTERNAL", "", f.admin, "khác", true).get("id").asText();

    HttpResponse<String> placed =
        archive.postJson(
            "holds", f.token("arch"), hold("Theo truy vấn", "\"query\":\"" + word + "\""));
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    JsonNode h = RunningArchive.json(placed);
    assertThat(h.get("query").asText()).isEqualTo(word);
    assertThat(h.get("recordCount").asInt()).isEqualTo(1);
    String holdId = h.get("id").asText();
    assertThat(holdsOf(own)).containsExactly(holdId);
    assertThat(holdsOf(restricted)).isEmpty();
    assertThat(holdsOf(otherAgency)).isEmpty();
    assertThat(holdsOf(unrelated)).isEmpty();
    assertThat(f.lock(own).legalHold()).isTrue();
    assertThat(f.lock(otherAgency).legalHold()).isFalse();

    JsonNode byAdmin =
        RunningArchive.json(
            archive.postJson("holds", f.admin, hold("Toàn tỉnh", "\"query\":\"" + word + "\"")));
    assertThat(byAdmin.get("recordCount").asInt()).isEqualTo(3);
  }

  @Test
  void recordFiledIntoAHeldDossierJoinsTheHold() throws Exception {
    assertThat(
            archive
                .putJson(
                    "dossiers/HS-H2",
                    f.token("arch"),
                    "{\"agencyCode\":\"DEPT\",\"title\":\"Hồ sơ khiếu nại\","
                        + "\"seriesCode\":\"H-10Y\",\"endDate\":\"2001-01-01\"}")
                .statusCode())
        .isEqualTo(201);
    String a = f.record("\"fileCode\":\"HS-H2\"").get("id").asText();
    String holdId =
        RunningArchive.json(archive.postJson("holds", f.token("arch"), hold("Khiếu nại", ids(a))))
            .get("id")
            .asText();
    String late = f.record("\"fileCode\":\"HS-H2\"").get("id").asText();
    assertThat(holdsOf(late)).containsExactly(holdId);
    assertThat(f.lock(late).legalHold()).isTrue();
    String moved = f.record("\"seriesCode\":\"H-10Y\"").get("id").asText();
    assertThat(
            archive.patchJson("records/" + moved, f.admin, "{\"fileCode\":\"HS-H2\"}").statusCode())
        .isEqualTo(200);
    assertThat(holdsOf(moved)).containsExactly(holdId);
    assertThat(f.lock(moved).legalHold()).isTrue();
    assertThat(
            RunningArchive.json(archive.get("holds/" + holdId, f.token("arch")))
                .get("recordCount")
                .asInt())
        .isEqualTo(3);
  }
}
