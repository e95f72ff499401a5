package vn.tangthu.archive.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/** The web UI is served at the root with browser security headers, and talks to real endpoints. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiIT {

  private static final String ARCHIVIST_PASSWORD = "Lưu trữ Bắc Ninh 2025";

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    archive = RunningArchive.start(dataDir);
    archive.postJson("agencies", archive.adminToken(), "{\"code\":\"BN\",\"name\":\"Bắc Ninh\"}");
    HttpResponse<String> user =
        archive.postJson(
            "users",
            archive.adminToken(),
            "{\"username\":\"thu\",\"displayName\":\"Nguyễn Thị Thu\",\"agencyCode\":\"BN\","
                + "\"roles\":[\"ARCHIVIST\",\"CLERK\"],\"password\":\""
                + ARCHIVIST_PASSWORD
                + "\"}");
    assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
    HttpResponse<String> record =
        archive.upload(
            "records",
            archive.adminToken(),
            new Multipart()
                .json(
                    "metadata",
                    "{\"agencyCode\":\"BN\",\"subject\":\"Quyết định điện tử\","
                        + "\"confidence\":\"ORIGINAL_ELECTRONIC\"}")
                .bytes("file", "Quyết định số 1".getBytes(StandardCharsets.UTF_8), "qd.txt"));
    assertThat(record.statusCode()).as(record.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  private HttpResponse<String> page(String path) throws Exception {
    URI root = archive.api("").resolve("/" + path);
    return http.send(
        HttpRequest.newBuilder(root).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void rootServesTheUiWithSecurityHeaders() throws Exception {
    HttpResponse<String> index = page("");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(index.body()).contains("Tàng Thư").contains("app.js").doesNotContain("<script>");
    assertThat(index.headers().firstValue("Content-Security-Policy"))
        .contains(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
    assertThat(index.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page("app.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    assertThat(page("app.css").statusCode()).isEqualTo(200);
    assertThat(page("nope.js").statusCode()).isEqualTo(404);
  }

  @Test
  void apiAnswersCarryTheSameHeaders() throws Exception {
    HttpResponse<String> me = archive.get("me", archive.adminToken());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(RunningArchive.json(me).get("username").asText()).isEqualTo("admin");
    assertThat(me.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(archive.get("me", null).statusCode()).isEqualTo(401);
  }

  @Test
  void everyEndpointTheScriptCallsExists() throws Exception {
    String script = page("app.js").body();
    for (String used : new String[] {"\"me\"", "\"search?\"", "records/", "/content", "/text"}) {
      assertThat(script).contains(used);
    }
    for (String module :
        new String[] {"vi.js", "nav.js", "session.js", "dashboard.js", "areas.js"}) {
      assertThat(script).contains("./" + module);
      String body = page(module).body();
      assertThat(body).doesNotContain("innerHTML").doesNotContain("eval(");
    }
    assertThat(page("session.js").body()).contains("/api/v1/sessions");
    assertThat(page("dashboard.js").body()).contains("\"stats\"");
    assertThat(page("vendor/uplot/uPlot.iife.min.js").statusCode()).isEqualTo(200);
    assertThat(script).doesNotContain("innerHTML").doesNotContain("eval(");
  }

  /**
   * A clerk's flow in Debian's Chromium driven by Playwright ({@code src/test/ui/ui-e2e.mjs}): sign
   * in, store a document with a hostile subject, find it without diacritics, open it, read its
   * text; then an archivist's ({@code ui-e2e-signin.mjs}): sign in with the form, read the
   * dashboard, open "Tiêu hủy", sign out. Screenshots go to {@code
   * archive-api/target/ui-screenshots}. {@code .ci/run} installs Chromium and the script's npm
   * dependencies.
   */
  @Test
  void clerkFlowWorksInARealBrowser() throws Exception {
    Path root = Path.of(System.getProperty("tangthu.root", "."));
    Path ui = root.resolve("archive-api/src/test/ui");
    Path shots = Files.createDirectories(root.resolve("archive-api/target/ui-screenshots"));
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/chromium"))
            && Files.isDirectory(ui.resolve("node_modules/playwright-core")),
        "Chromium or playwright-core is not installed (.ci/run installs them)");
    Path file = Files.createTempFile(dataDir, "cv", ".txt");
    Files.writeString(
        file, "Công văn về việc tổ chức lễ hội Lim năm 2025 <script>alert(1)</script>");
    Path log = dataDir.resolve("ui-e2e.log");
    Process run =
        new ProcessBuilder(
                "/usr/bin/node",
                "ui-e2e.mjs",
                archive.api("").resolve("/").toString(),
                archive.adminToken(),
                file.toString(),
                "thu",
                ARCHIVIST_PASSWORD,
                shots.toAbsolutePath().toString())
            .directory(ui.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = run.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      run.destroyForcibly();
    }
    assertThat(finished).as("ui-e2e.mjs finished").isTrue();
    assertThat(run.exitValue()).as(Files.readString(log)).isZero();
    assertThat(shots.resolve("04-dashboard.png")).isNotEmptyFile();
  }

  @Test
  void scriptIsValidJavaScript() throws Exception {
    Path node = Path.of("/usr/bin/node");
    Assumptions.assumeTrue(Files.isExecutable(node), "node is not installed");
    for (String name :
        new String[] {"app.js", "vi.js", "nav.js", "session.js", "dashboard.js", "areas.js"}) {
      Path script = Files.createTempFile(dataDir, "app", ".mjs");
      Files.writeString(script, page(name).body());
      Process check =
          new ProcessBuilder(node.toString(), "--check", script.toString())
              .redirectErrorStream(true)
              .start();
      assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(check.exitValue())
          .as(name + ": " + new String(check.getInputStream().readAllBytes()))
          .isZero();
    }
  }
}
