package vn.tangthu.archive.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.RawHttp;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Tokens: shown once, hashed, expiring, revocable, never another user's, compared exactly (also on
 * a reused connection). Failure limiting is {@code SignInLimiterIT}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenIT {

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
    for (String u : new String[] {"an", "binh"}) {
      HttpResponse<String> r =
          archive.postJson(
              "users",
              admin,
              "{\"username\":\""
                  + u
                  + "\",\"displayName\":\""
                  + u
                  + "\",\"agencyCode\":\"BN\",\"roles\":[\"CLERK\"]}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  private JsonNode newToken(String user, String bearer, String body) throws Exception {
    HttpResponse<String> r = archive.postJson("users/" + user + "/tokens", bearer, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningArchive.json(r);
  }

  /**
   * A request refused before its body was read, whose body arrives after the refusal, leaves the
   * connection usable: a keep-alive client's next request on it is answered.
   */
  @Test
  void aRefusalBeforeTheBodyArrivedKeepsTheConnectionForTheNextRequest() throws Exception {
    try (RawHttp connection = RawHttp.connect(archive.api(""), null)) {
      RawHttp.Response refused =
          connection.postJsonLate(
              "/api/v1/holds", "{\"name\":\"Thanh tra\"}", java.time.Duration.ofMillis(500));
      assertThat(refused.status()).isEqualTo(401);
      RawHttp.Response next = connection.get("/api/v1/openapi.yaml");
      assertThat(next.status()).isEqualTo(200);
    }
  }

  @Test
  @Order(1)
  void tokenIsShownOnceAndStoredOnlyAsHash() throws Exception {
    JsonNode t = newToken("an", admin, "{}");
    String token = t.get("token").asText();
    assertThat(archive.get("records", token).statusCode()).isEqualTo(200);
    String listed = archive.get("users/an/tokens", token).body();
    assertThat(listed).contains(t.get("id").asText()).doesNotContain(token);
    long plain =
        archive
            .wiring()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM api_tokens WHERE encode(token_hash, 'escape') LIKE :t")
                        .bind("t", "%" + token + "%")
                        .mapTo(Long.class)
                        .one());
    assertThat(plain).isZero();
  }

  @Test
  @Order(2)
  void expiredTokenIsRefused() throws Exception {
    String token =
        newToken("an", admin, "{\"expiresAt\":\"" + Instant.now().plusSeconds(2) + "\"}")
            .get("token")
            .asText();
    assertThat(archive.get("records", token).statusCode()).isEqualTo(200);
    Thread.sleep(2500);
    HttpResponse<String> r = archive.get("records", token);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(RunningArchive.json(r).get("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  @Order(3)
  void pastExpiryIsRefusedAtCreation() throws Exception {
    HttpResponse<String> r =
        archive.postJson("users/an/tokens", admin, "{\"expiresAt\":\"2001-01-01T00:00:00Z\"}");
    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  @Order(4)
  void revokedTokenIsRefused() throws Exception {
    JsonNode t = newToken("an", admin, "{}");
    String token = t.get("token").asText();
    assertThat(archive.get("records", token).statusCode()).isEqualTo(200);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> del =
        http.send(
            HttpRequest.newBuilder(archive.api("tokens/" + t.get("id").asText()))
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(del.statusCode()).isEqualTo(204);
    assertThat(archive.get("records", token).statusCode()).isEqualTo(401);
  }

  @Test
  @Order(5)
  void anotherUsersTokensAreOutOfReach() throws Exception {
    String an = newToken("an", admin, "{}").get("token").asText();
    JsonNode binh = newToken("binh", admin, "{}");
    assertThat(archive.postJson("users/binh/tokens", an, "{}").statusCode()).isEqualTo(403);
    assertThat(archive.get("users/binh/tokens", an).statusCode()).isEqualTo(403);
    HttpResponse<String> del =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(archive.api("tokens/" + binh.get("id").asText()))
                    .header("Authorization", "Bearer " + an)
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(del.statusCode()).isEqualTo(404);
    assertThat(archive.get("records", binh.get("token").asText()).statusCode()).isEqualTo(200);
    assertThat(
            archive
                .postJson(
                    "users",
                    an,
                    "{\"username\":\"evil\",\"displayName\":\"x\",\"agencyCode\":\"BN\",\"roles\":[\"ADMIN\"]}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  @Order(6)
  void malformedCredentialsAreUnauthorizedWithoutDetail() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String header :
        new String[] {
          "Bearer", "Bearer abc", "Basic YWRtaW46YWRtaW4=", "Bearer tt_" + "x".repeat(300)
        }) {
      URI uri = archive.api("records");
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri).header("Authorization", header).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(header).isEqualTo(401);
      assertThat(r.body()).doesNotContain("expired").doesNotContain("revoked");
    }
  }

  @Test
  @Order(7)
  void tokenChangesAndFailedSignInsAreAuditedAndTheTrailVerifies() throws Exception {
    archive.wiring().audit().flush();
    JsonNode created =
        RunningArchive.json(archive.get("audit?action=TOKEN_CREATE&size=100", admin));
    assertThat(created.get("items").size()).isGreaterThanOrEqualTo(5);
    JsonNode revoked = RunningArchive.json(archive.get("audit?action=TOKEN_REVOKE", admin));
    assertThat(revoked.get("items").size()).isGreaterThanOrEqualTo(1);
    JsonNode failed = RunningArchive.json(archive.get("audit?action=AUTH_FAILED&size=100", admin));
    assertThat(failed.get("items").size()).isGreaterThanOrEqualTo(4);
    JsonNode verify = RunningArchive.json(archive.get("audit/verify", admin));
    assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
    String clerk = newToken("an", admin, "{}").get("token").asText();
    assertThat(archive.get("audit", clerk).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(8)
  void aTokenIsComparedExactlyOnAReusedConnection() throws Exception {
    String token = newToken("binh", admin, "{}").get("token").asText();
    int letter = Tokens.PREFIX.length();
    while (!Character.isLetter(token.charAt(letter))) {
      letter++;
    }
    char c = token.charAt(letter);
    String oneFlipped =
        token.substring(0, letter)
            + (Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
            + token.substring(letter + 1);
    try (RawHttp connection = RawHttp.connect(archive.api(""), null)) {
      for (String variant :
          List.of(
              "Authorization: Bearer " + token.toUpperCase(Locale.ROOT),
              "Authorization: Bearer " + oneFlipped,
              "AUTHORIZATION: BEARER " + token.toUpperCase(Locale.ROOT))) {
        RawHttp.Response valid = connection.get("/api/v1/me", "Authorization: Bearer " + token);
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.body()).contains("\"binh\"");
        RawHttp.Response other = connection.get("/api/v1/me", variant);
        assertThat(other.status())
            .as(variant + " after the token on one connection")
            .isEqualTo(401);
        assertThat(other.body()).doesNotContain("binh");
      }
      RawHttp.Response schemeInOtherCase =
          connection.get("/api/v1/me", "authorization: bearer " + token);
      assertThat(schemeInOtherCase.status())
          .as("header name and scheme ignore case")
          .isEqualTo(200);
    }
  }
}
