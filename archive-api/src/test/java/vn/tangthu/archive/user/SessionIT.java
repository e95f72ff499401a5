package vn.tangthu.archive.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.RawHttp;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Signing in with a password: Argon2id hashes, sessions that are tokens valid 12 hours, sign-out,
 * one 401 for every wrong credential, and the limiter's terms. Every test signs in from its own
 * loopback address (127.0.0.x), so one test's failures never slow another's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionIT {

  private static final String PASSWORD = "mật khẩu đủ dài 123";

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
    for (String u : List.of("lan", "minh", "hoa", "tuan", "khoa")) {
      createUser(u, PASSWORD);
    }
    createUser("nopass", null);
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  private void createUser(String username, String password) throws Exception {
    HttpResponse<String> r =
        archive.postJson(
            "users",
            admin,
            "{\"username\":\""
                + username
                + "\",\"displayName\":\"Chị "
                + username
                + "\",\"agencyCode\":\"BN\",\"roles\":[\"CLERK\"]"
                + (password == null ? "" : ",\"password\":\"" + password + "\"")
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static String credentials(String username, String password) {
    return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
  }

  private RawHttp.Response signIn(String from, String username, String password) throws Exception {
    try (RawHttp c = RawHttp.connect(archive.api(""), from)) {
      return c.postJson("/api/v1/sessions", credentials(username, password));
    }
  }

  @Test
  void passwordIsStoredAsAVersionedArgon2idHash() {
    String stored =
        archive
            .wiring()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT password_hash FROM users WHERE username = 'lan'")
                        .mapTo(String.class)
                        .one());
    assertThat(stored)
        .startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
        .doesNotContain("123")
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
  }

  @Test
  void signInOpensASessionThatIsATokenValidTwelveHours() throws Exception {
    Instant before = Instant.now();
    RawHttp.Response r = signIn("127.0.0.11", "lan", PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode session = RunningArchive.JSON.readTree(r.body());
    assertThat(session.get("user").get("username").asText()).isEqualTo("lan");
    assertThat(session.get("user").get("roles").get(0).asText()).isEqualTo("CLERK");
    Instant expiresAt = Instant.parse(session.get("expiresAt").asText());
    assertThat(expiresAt)
        .isAfterOrEqualTo(before.plus(Duration.ofHours(12)).minusSeconds(1))
        .isBefore(Instant.now().plus(Duration.ofHours(12)).plusSeconds(1));
    String token = session.get("token").asText();
    HttpResponse<String> me = archive.get("me", token);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(RunningArchive.json(me).get("username").asText()).isEqualTo("lan");
  }

  @Test
  void wrongPasswordUnknownUserAndUserWithoutPasswordAnswerTheSame401() throws Exception {
    List<RawHttp.Response> answers = new ArrayList<>();
    answers.add(signIn("127.0.0.12", "minh", "not the password at all"));
    answers.add(signIn("127.0.0.12", "nobody-here", "not the password at all"));
    answers.add(signIn("127.0.0.12", "nopass", "not the password at all"));
    answers.add(signIn("127.0.0.12", "minh", ""));
    for (RawHttp.Response r : answers) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body()).isEqualTo(answers.get(0).body());
    }
    assertThat(RunningArchive.JSON.readTree(answers.get(0).body()).get("code").asText())
        .isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void signOutEndsTheSessionAndOnlyASession() throws Exception {
    JsonNode session = RunningArchive.JSON.readTree(signIn("127.0.0.13", "hoa", PASSWORD).body());
    String token = session.get("token").asText();
    String apiToken =
        RunningArchive.json(archive.postJson("users/hoa/tokens", admin, "{}"))
            .get("token")
            .asText();
    assertThat(archive.delete("sessions/current", apiToken, null).statusCode())
        .as("an API token is no session")
        .isEqualTo(404);
    assertThat(archive.get("me", apiToken).statusCode()).isEqualTo(200);
    assertThat(archive.delete("sessions/current", token, null).statusCode()).isEqualTo(204);
    assertThat(archive.get("me", token).statusCode()).isEqualTo(401);
    assertThat(archive.get("me", apiToken).statusCode()).isEqualTo(200);
  }

  @Test
  void aSessionIsRevokedLikeAnyToken() throws Exception {
    JsonNode session = RunningArchive.JSON.readTree(signIn("127.0.0.14", "hoa", PASSWORD).body());
    String token = session.get("token").asText();
    JsonNode listed = RunningArchive.json(archive.get("users/hoa/tokens", token)).get("items");
    List<String> kinds = new ArrayList<>();
    listed.forEach(
        t -> {
          if (t.get("id").asText().equals(session.get("id").asText())) {
            kinds.add(t.get("kind").asText());
          }
        });
    assertThat(kinds).containsExactly("SESSION");
    assertThat(archive.delete("tokens/" + session.get("id").asText(), admin, null).statusCode())
        .isEqualTo(204);
    assertThat(archive.get("me", token).statusCode()).isEqualTo(401);
  }

  @Test
  void settingAPasswordEndsTheUsersOtherSessions() throws Exception {
    String first =
        RunningArchive.JSON
            .readTree(signIn("127.0.0.15", "tuan", PASSWORD).body())
            .get("token")
            .asText();
    String second =
        RunningArchive.JSON
            .readTree(signIn("127.0.0.15", "tuan", PASSWORD).body())
            .get("token")
            .asText();
    HttpResponse<String> tooShort =
        archive.putJson("users/tuan/password", first, "{\"password\":\"short\"}");
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(RunningArchive.json(tooShort).get("field").asText()).isEqualTo("password");
    assertThat(
            archive
                .putJson("users/lan/password", first, "{\"password\":\"another long password\"}")
                .statusCode())
        .as("another user's password")
        .isEqualTo(403);
    String newPassword = "Trống Đồng Đông Sơn 1975";
    assertThat(
            archive
                .putJson("users/tuan/password", first, "{\"password\":\"" + newPassword + "\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(archive.get("me", first).statusCode()).as("the caller's session").isEqualTo(200);
    assertThat(archive.get("me", second).statusCode()).as("another session").isEqualTo(401);
    assertThat(signIn("127.0.0.15", "tuan", PASSWORD).status()).isEqualTo(401);
    assertThat(signIn("127.0.0.15", "tuan", newPassword).status()).isEqualTo(201);
  }

  @Test
  void failuresForAnUnknownNameNeverStopAnotherUsersValidSignInFromTheSameAddress()
      throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statuses.add(signIn("127.0.0.16", "ghost", "guess number " + i).status());
    }
    assertThat(statuses).containsOnly(401, 429).contains(401, 429);
    assertThat(signIn("127.0.0.16", "ghost", "one more guess").status())
        .as("the guessed name must wait")
        .isEqualTo(429);
    RawHttp.Response valid = signIn("127.0.0.16", "khoa", PASSWORD);
    assertThat(valid.status()).as(valid.body()).isEqualTo(201);
    assertThat(signIn("127.0.0.17", "ghost", "from elsewhere").status())
        .as("the name waits from every address")
        .isEqualTo(429);
  }

  @Test
  void anAddressThatMustWaitStillSignsInAValidPassword() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statuses.add(signIn("127.0.0.19", "ghost" + i, "guess").status());
    }
    assertThat(statuses).containsOnly(401, 429).contains(401, 429);
    RawHttp.Response limited = signIn("127.0.0.19", "khoa", "wrong password of khoa");
    assertThat(limited.status()).as("a failure from the address must wait").isEqualTo(429);
    assertThat(limited.headers().get("retry-after")).matches("[1-9][0-9]*");
    assertThat(RunningArchive.JSON.readTree(limited.body()).get("code").asText())
        .isEqualTo("TOO_MANY_REQUESTS");
    RawHttp.Response valid = signIn("127.0.0.19", "khoa", PASSWORD);
    assertThat(valid.status()).as(valid.body()).isEqualTo(201);
  }

  @Test
  void aDisabledUserIsRefusedLikeAWrongPassword() throws Exception {
    createUser("dung", PASSWORD);
    RawHttp.Response wrong = signIn("127.0.0.18", "dung", "not the password at all");
    archive
        .wiring()
        .jdbi()
        .useHandle(h -> h.execute("UPDATE users SET disabled_at = now() WHERE username = 'dung'"));
    RawHttp.Response disabled = signIn("127.0.0.18", "dung", PASSWORD);
    assertThat(disabled.status()).isEqualTo(401);
    assertThat(disabled.body()).isEqualTo(wrong.body());
  }

  @Test
  void aHashMadeWithOlderParametersIsUpgradedWhenItsPasswordSignsIn() throws Exception {
    createUser("cuong", null);
    String old =
        new vn.tangthu.archive.auth.PasswordHasher(
                new vn.tangthu.archive.auth.PasswordHasher.Params(4096, 1, 1), 1)
            .hash(new vn.tangthu.archive.auth.Password(PASSWORD));
    var jdbi = archive.wiring().jdbi();
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE users SET password_hash = :hash WHERE username = 'cuong'")
                .bind("hash", old)
                .execute());
    assertThat(signIn("127.0.0.20", "cuong", "not the password at all").status()).isEqualTo(401);
    String query = "SELECT password_hash FROM users WHERE username = 'cuong'";
    String afterFailure = jdbi.withHandle(h -> h.createQuery(query).mapTo(String.class).one());
    assertThat(afterFailure).as("a failure changes nothing").isEqualTo(old);
    assertThat(signIn("127.0.0.20", "cuong", PASSWORD).status()).isEqualTo(201);
    String upgraded = jdbi.withHandle(h -> h.createQuery(query).mapTo(String.class).one());
    assertThat(upgraded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(signIn("127.0.0.20", "cuong", PASSWORD).status()).isEqualTo(201);
  }
}
