package vn.tangthu.archive.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import java.nio.file.Path;
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
 * Failed authentications slow down the address they came from, never a valid token; the client
 * address is the connection's peer, or what {@code X-Forwarded-For} names when the peer is one of
 * {@code server.trustedProxies} (here 127.0.0.1 only: connections from 127.0.0.2 are untrusted).
 * Each test uses its own client addresses, so the limiter's memory of one does not leak into
 * another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInLimiterIT {

  /** More failures than any backoff threshold; each failure past it doubles the wait. */
  private static final int FAILURES = 25;

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private String admin;
  private String clerk;

  @BeforeAll
  void start() throws Exception {
    archive =
        RunningArchive.start(dataDir, ConfigOverride.config("server.trustedProxies", "127.0.0.1"));
    admin = archive.adminToken();
    assertThat(
            archive
                .postJson("agencies", admin, "{\"code\":\"BN\",\"name\":\"Bắc Ninh\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            archive
                .postJson(
                    "users",
                    admin,
                    "{\"username\":\"lan\",\"displayName\":\"Lan\",\"agencyCode\":\"BN\","
                        + "\"roles\":[\"CLERK\"]}")
                .statusCode())
        .isEqualTo(201);
    clerk =
        RunningArchive.json(archive.postJson("users/lan/tokens", admin, "{}"))
            .get("token")
            .asText();
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  @Test
  void aValidTokenIsNeverRefusedWhateverFailedFromItsAddress() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    RawHttp.Response limited = null;
    try (RawHttp c = RawHttp.connect(archive.api(""), null)) {
      for (int i = 0; i < FAILURES; i++) {
        RawHttp.Response r = c.get("/api/v1/me", "Authorization: Bearer tt_wrong-token-" + i);
        statuses.add(r.status());
        if (r.status() == 429) {
          limited = r;
        }
      }
      assertThat(statuses).containsOnly(401, 429).contains(401, 429);
      assertThat(limited.headers().get("retry-after")).matches("[1-9][0-9]*");
      assertThat(limited.headers().get("content-type")).startsWith("application/problem+json");
      assertThat(RunningArchive.JSON.readTree(limited.body()).get("code").asText())
          .isEqualTo("TOO_MANY_REQUESTS");

      for (String valid : List.of(admin, clerk, admin)) {
        RawHttp.Response r = c.get("/api/v1/me", "Authorization: Bearer " + valid);
        assertThat(r.status()).as("a valid token from the limited address").isEqualTo(200);
      }
      assertThat(c.get("/api/v1/me", "Authorization: Bearer tt_wrong-token-again").status())
          .as("a success does not clear the address's failures")
          .isEqualTo(429);
    }
    assertThat(archive.get("me", clerk).statusCode()).isEqualTo(200);
  }

  @Test
  void failuresAreCountedPerForwardedClientBehindATrustedProxy() throws Exception {
    try (RawHttp proxy = RawHttp.connect(archive.api(""), "127.0.0.1")) {
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < FAILURES; i++) {
        statuses.add(
            proxy
                .get(
                    "/api/v1/me",
                    "X-Forwarded-For: 203.0.113.10",
                    "Authorization: Bearer tt_wrong-token-" + i)
                .status());
      }
      assertThat(statuses).containsOnly(401, 429).contains(429);
      assertThat(
              proxy
                  .get(
                      "/api/v1/me",
                      "X-Forwarded-For: 203.0.113.11",
                      "Authorization: Bearer tt_wrong-token-x")
                  .status())
          .as("another client behind the same proxy")
          .isEqualTo(401);
      assertThat(
              proxy
                  .get(
                      "/api/v1/me",
                      "X-Forwarded-For: 203.0.113.10",
                      "Authorization: Bearer " + clerk)
                  .status())
          .as("a valid token of the limited client")
          .isEqualTo(200);
    }
  }

  @Test
  void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
    try (RawHttp untrusted = RawHttp.connect(archive.api(""), "127.0.0.2")) {
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < FAILURES; i++) {
        statuses.add(
            untrusted
                .get(
                    "/api/v1/me",
                    "X-Forwarded-For: 198.51.100." + (i + 1),
                    "Authorization: Bearer tt_wrong-token-" + i)
                .status());
      }
      assertThat(statuses).as("counted on the peer, whatever it claims").contains(429);
    }
  }

  @Test
  void theAuditRecordsTheResolvedClientAddress() throws Exception {
    try (RawHttp untrusted = RawHttp.connect(archive.api(""), "127.0.0.3");
        RawHttp proxy = RawHttp.connect(archive.api(""), "127.0.0.1")) {
      assertThat(
              untrusted
                  .get(
                      "/api/v1/me",
                      "X-Forwarded-For: 192.0.2.77",
                      "Authorization: Bearer tt_wrong-token-untrusted")
                  .status())
          .isEqualTo(401);
      assertThat(
              proxy
                  .get(
                      "/api/v1/me",
                      "X-Forwarded-For: 192.0.2.98, 192.0.2.99, 127.0.0.1",
                      "Authorization: Bearer tt_wrong-token-proxied")
                  .status())
          .isEqualTo(401);
      assertThat(
              proxy
                  .get(
                      "/api/v1/search?q=abc",
                      "X-Forwarded-For: 192.0.2.55",
                      "Authorization: Bearer " + clerk)
                  .status())
          .isEqualTo(200);
    }
    archive.wiring().audit().flush();
    List<String> failed = addresses("AUTH_FAILED");
    assertThat(failed)
        .as("the untrusted peer itself; the first untrusted hop from the right")
        .contains("127.0.0.3", "192.0.2.99")
        .doesNotContain("192.0.2.77", "192.0.2.98");
    assertThat(addresses("SEARCH")).contains("192.0.2.55");
  }

  private List<String> addresses(String action) throws Exception {
    JsonNode page = RunningArchive.json(archive.get("audit?action=" + action + "&size=100", admin));
    List<String> out = new ArrayList<>();
    for (JsonNode e : page.get("items")) {
      out.add(e.path("clientAddress").asText());
    }
    return out;
  }
}
