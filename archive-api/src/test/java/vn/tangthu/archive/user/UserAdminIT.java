package vn.tangthu.archive.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.RunningArchive;

/** {@code GET /users} and {@code PATCH /users/{username}}: an administrator manages accounts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdminIT {

  private static final String PASSWORD = "một mật khẩu đủ dài";

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private String admin;

  @BeforeAll
  void start() throws Exception {
    archive = RunningArchive.start(dataDir);
    admin = archive.adminToken();
    for (String agency : List.of("BN", "HN")) {
      assertThat(
              archive
                  .postJson(
                      "agencies",
                      admin,
                      "{\"code\":\"" + agency + "\",\"name\":\"" + agency + "\"}")
                  .statusCode())
          .isEqualTo(201);
    }
    createUser("an", "BN", PASSWORD);
    createUser("binh", "BN", null);
    createUser("chi", "HN", PASSWORD);
    createUser("dao", "HN", PASSWORD);
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  private void createUser(String username, String agency, String password) throws Exception {
    HttpResponse<String> r =
        archive.postJson(
            "users",
            admin,
            "{\"username\":\""
                + username
                + "\",\"displayName\":\""
                + username
                + "\",\"agencyCode\":\""
                + agency
                + "\",\"roles\":[\"CLERK\"]"
                + (password == null ? "" : ",\"password\":\"" + password + "\"")
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private String session(String username) throws Exception {
    HttpResponse<String> r =
        archive.postJson(
            "sessions",
            null,
            "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningArchive.json(r).get("token").asText();
  }

  private String apiToken(String username) throws Exception {
    return RunningArchive.json(archive.postJson("users/" + username + "/tokens", admin, "{}"))
        .get("token")
        .asText();
  }

  @Test
  void administratorListsUsersPageByPageAndByAgency() throws Exception {
    List<String> names = new ArrayList<>();
    String cursor = "";
    do {
      JsonNode page = RunningArchive.json(archive.get("users?size=2&cursor=" + cursor, admin));
      page.get("items").forEach(u -> names.add(u.get("username").asText()));
      cursor = page.path("nextCursor").asText("");
    } while (!cursor.isEmpty());
    assertThat(names)
        .contains("admin", "an", "binh", "chi", "dao")
        .isSorted()
        .doesNotHaveDuplicates();

    JsonNode bn = RunningArchive.json(archive.get("users?agencyCode=BN", admin));
    assertThat(bn.get("items").findValuesAsText("username")).containsExactly("an", "binh");
    JsonNode an = bn.get("items").get(0);
    assertThat(an.get("passwordSet").asBoolean()).isTrue();
    assertThat(bn.get("items").get(1).get("passwordSet").asBoolean()).isFalse();
    assertThat(an.get("disabled").asBoolean()).isFalse();
    assertThat(an.get("roles").get(0).asText()).isEqualTo("CLERK");
  }

  @Test
  void onlyAnAdministratorListsOrChangesUsers() throws Exception {
    String clerk = apiToken("an");
    assertThat(archive.get("users", clerk).statusCode()).isEqualTo(403);
    assertThat(archive.patchJson("users/an", clerk, "{\"roles\":[\"ADMIN\"]}").statusCode())
        .isEqualTo(403);
    assertThat(archive.get("users?cursor=%2F%2F", admin).statusCode()).isEqualTo(400);
    assertThat(archive.get("users?size=0", admin).statusCode()).isEqualTo(400);
  }

  @Test
  void aNonAdministratorIsRefusedWithTheUsualProblemBeforeItsRequestIsRead() throws Exception {
    String clerk = apiToken("an");
    for (HttpResponse<String> r :
        List.of(archive.get("users?size=0", clerk), archive.patchJson("users/an", clerk, "null"))) {
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      JsonNode problem = RunningArchive.json(r);
      assertThat(problem.get("code").asText()).isEqualTo("FORBIDDEN");
      assertThat(problem.get("detail").asText()).isEqualTo("Chỉ quản trị viên quản lý người dùng.");
    }
  }

  @Test
  void administratorChangesNameAndRolesWhichTakeEffectAtOnce() throws Exception {
    String token = session("chi");
    assertThat(archive.get("audit", token).statusCode()).isEqualTo(403);
    HttpResponse<String> r =
        archive.patchJson(
            "users/chi",
            admin,
            "{\"displayName\":\"Trần Thị Chi\",\"roles\":[\"CLERK\",\"AUDITOR\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode chi = RunningArchive.json(r);
    assertThat(chi.get("displayName").asText()).isEqualTo("Trần Thị Chi");
    assertThat(List.of(chi.get("roles").get(0).asText(), chi.get("roles").get(1).asText()))
        .containsExactlyInAnyOrder("CLERK", "AUDITOR");
    assertThat(archive.get("audit", token).statusCode()).isEqualTo(200);
    assertThat(RunningArchive.json(archive.get("me", token)).get("displayName").asText())
        .isEqualTo("Trần Thị Chi");
  }

  @Test
  void disablingRevokesEveryTokenAndSessionAndEnablingDoesNotRestoreThem() throws Exception {
    String token = apiToken("dao");
    String session = session("dao");
    assertThat(archive.get("me", token).statusCode()).isEqualTo(200);
    HttpResponse<String> r = archive.patchJson("users/dao", admin, "{\"disabled\":true}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(RunningArchive.json(r).get("disabled").asBoolean()).isTrue();
    assertThat(archive.get("me", token).statusCode()).isEqualTo(401);
    assertThat(archive.get("me", session).statusCode()).isEqualTo(401);
    JsonNode tokens = RunningArchive.json(archive.get("users/dao/tokens", admin)).get("items");
    assertThat(tokens).hasSize(2);
    tokens.forEach(t -> assertThat(t.has("revokedAt")).isTrue());
    assertThat(
            archive
                .postJson(
                    "sessions", null, "{\"username\":\"dao\",\"password\":\"" + PASSWORD + "\"}")
                .statusCode())
        .isEqualTo(401);

    assertThat(archive.patchJson("users/dao", admin, "{\"disabled\":false}").statusCode())
        .isEqualTo(200);
    assertThat(archive.get("me", token).statusCode()).isEqualTo(401);
    assertThat(archive.get("me", session).statusCode()).isEqualTo(401);
    assertThat(archive.get("me", session("dao")).statusCode()).isEqualTo(200);
  }

  @Test
  void badChangesAreRefusedAndChangeNothing() throws Exception {
    assertThat(archive.patchJson("users/binh", admin, "{}").statusCode()).isEqualTo(400);
    assertThat(archive.patchJson("users/binh", admin, "{\"roles\":[]}").statusCode())
        .isEqualTo(400);
    assertThat(archive.patchJson("users/binh", admin, "{\"roles\":[\"KING\"]}").statusCode())
        .isEqualTo(400);
    assertThat(archive.patchJson("users/binh", admin, "{\"displayName\":\" \"}").statusCode())
        .isEqualTo(400);
    assertThat(archive.patchJson("users/nobody", admin, "{\"disabled\":true}").statusCode())
        .isEqualTo(404);
    assertThat(archive.patchJson("users/admin", admin, "{\"disabled\":true}").statusCode())
        .as("an administrator cannot disable themself")
        .isEqualTo(400);
    assertThat(archive.patchJson("users/admin", admin, "{\"roles\":[\"CLERK\"]}").statusCode())
        .isEqualTo(400);
    JsonNode binh = RunningArchive.json(archive.get("users/binh", admin));
    assertThat(binh.get("displayName").asText()).isEqualTo("binh");
    assertThat(archive.get("me", admin).statusCode()).isEqualTo(200);
  }

  @Test
  void changesAreInTheAuditTrail() throws Exception {
    assertThat(archive.patchJson("users/binh", admin, "{\"displayName\":\"Lê Bình\"}").statusCode())
        .isEqualTo(200);
    String trail = archive.get("audit?actor=admin&size=100", admin).body();
    assertThat(trail).contains("USER_UPDATE").contains("binh");
  }
}
