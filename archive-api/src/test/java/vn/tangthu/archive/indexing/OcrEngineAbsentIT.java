package vn.tangthu.archive.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.cli.ReextractCommand;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;
import vn.tangthu.indexer.testing.ScannedPages;

/**
 * Without an OCR engine ({@code index.ocr.tesseractPath} pointing at a missing file) scans are
 * {@code NEEDS_OCR}, with their metadata searchable; once the setting points at the real engine
 * they are read by {@code reextract --status NEEDS_OCR} (a client of the running server), or at
 * start on their own. One application, restarted on the same data directory with each
 * configuration. Skipped where Tesseract is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OcrEngineAbsentIT {

  private static final ConfigOverride ABSENT =
      ConfigOverride.config("index.ocr.tesseractPath", "/nonexistent/bin/tesseract");

  @TempDir static Path dataDir;
  @TempDir static Path files;
  private RunningArchive archive;
  private String admin;
  private String first;
  private String second;

  @BeforeAll
  void start() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/tesseract")),
        "needs Tesseract with vie and eng (.ci/run installs it)");
    archive = RunningArchive.start(dataDir, ABSENT);
    admin = archive.adminToken();
    HttpResponse<String> r =
        archive.postJson("agencies", admin, "{\"code\":\"BN\",\"name\":\"UBND tỉnh Bắc Ninh\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    if (archive != null) {
      archive.close();
    }
  }

  @Test
  @Order(1)
  void withoutAnEngineAScanNeedsOcrAndIsSearchableByItsMetadataOnly() throws Exception {
    first = ingest(ScannedPages.png(files.resolve("a.png")), "Bản quét thứ nhất");
    second = ingest(ScannedPages.imagePdf(files.resolve("b.pdf")), "Bản quét thứ hai");
    for (String id : List.of(first, second)) {
      JsonNode extraction = OcrIngestIT.settled(archive, admin, id);
      assertThat(extraction.get("status").asText()).isEqualTo("NEEDS_OCR");
      assertThat(extraction.get("reason").asText()).contains("OCR engine not available");
      assertThat(extraction.at("/ocr/engine").asText()).isEqualTo("tesseract");
    }
    assertThat(search("ban quet thu nhat")).contains(first);
    assertThat(search("phe duyet ke hoach chuyen doi so")).doesNotContain(first, second);
  }

  @Test
  @Order(2)
  void withTheEngineTheReextractCommandMakesThemSearchable() throws Exception {
    archive.restart(ConfigOverride.config("index.ocr.reopenAtStart", "false"));
    admin = archive.adminToken();
    JsonNode before = RunningArchive.json(archive.get("records/" + first, admin));
    assertThat(before.at("/extraction/status").asText())
        .as("not read again at start when reopenAtStart is false")
        .isEqualTo("NEEDS_OCR");

    CommandRun run = reextract("--status", "NEEDS_OCR");
    assertThat(run.failure()).as(run.err()).isEmpty();
    assertThat(RunningArchive.JSON.readTree(run.out()).get("queued").asInt()).isEqualTo(2);

    for (String id : List.of(first, second)) {
      JsonNode extraction = OcrIngestIT.settled(archive, admin, id);
      assertThat(extraction.get("status").asText()).isEqualTo("DONE");
      assertThat(extraction.at("/ocr/engine").asText()).startsWith("tesseract 5");
      assertThat(extraction.at("/ocr/pagesDone").asInt()).isEqualTo(1);
    }
    assertThat(search("phe duyet ke hoach chuyen doi so")).contains(first, second);
  }

  @Test
  @Order(3)
  void aServerStartingWithTheEngineReadsNeedsOcrRecordsByItself() throws Exception {
    archive.restart(ABSENT);
    admin = archive.adminToken();
    String third = ingest(ScannedPages.png(files.resolve("c.png")), "Bản quét thứ ba");
    assertThat(OcrIngestIT.settled(archive, admin, third).get("status").asText())
        .isEqualTo("NEEDS_OCR");

    archive.restart(ConfigOverride.config("index.ocr.tesseractPath", "/usr/bin/tesseract"));
    admin = archive.adminToken();
    assertThat(OcrIngestIT.settled(archive, admin, third).get("status").asText()).isEqualTo("DONE");
    assertThat(search("uy ban nhan dan cap huyen")).contains(third);
  }

  @Test
  @Order(4)
  void reextractIsForAdministratorsAndKnowsOnlyItsStatuses() throws Exception {
    HttpResponse<String> wrong = archive.postJson("reextract", admin, "{\"status\":\"DONE\"}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(RunningArchive.json(wrong).get("code").asText()).isEqualTo("INVALID_REQUEST");
    HttpResponse<String> anonymous =
        archive.postJson("reextract", null, "{\"status\":\"NEEDS_OCR\"}");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> user =
        archive.postJson(
            "users",
            admin,
            "{\"username\":\"thu-thu\",\"displayName\":\"Thủ thư\",\"agencyCode\":\"BN\",\"roles\":[\"ARCHIVIST\"]}");
    assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
    String archivist =
        RunningArchive.json(archive.postJson("users/thu-thu/tokens", admin, "{}"))
            .get("token")
            .asText();
    HttpResponse<String> refused =
        archive.postJson("reextract", archivist, "{\"status\":\"NEEDS_OCR\"}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(RunningArchive.json(refused).get("code").asText()).isEqualTo("FORBIDDEN");
  }

  private String ingest(Path file, String subject) throws Exception {
    String metadata =
        "{\"agencyCode\":\"BN\",\"subject\":\"" + subject + "\",\"confidence\":\"DIGITIZED\"}";
    HttpResponse<String> r =
        archive.upload(
            "records?wait=indexed",
            admin,
            new Multipart().json("metadata", metadata).file("file", file));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningArchive.json(r).get("id").asText();
  }

  private List<String> search(String q) throws Exception {
    HttpResponse<String> r =
        archive.get("search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), admin);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return RunningArchive.json(r).get("hits").findValuesAsText("id");
  }

  /** What the command printed, and its failure. */
  private record CommandRun(String out, String err, Optional<Throwable> failure) {}

  /** Runs the reextract command as the CLI would, against the running server. */
  private CommandRun reextract(String... args) throws Exception {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var bootstrap =
        new io.dropwizard.core.setup.Bootstrap<>(new vn.tangthu.archive.ArchiveApplication());
    ReextractCommand command =
        new ReextractCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
    bootstrap.addCommand(command);
    var cli =
        new io.dropwizard.core.cli.Cli(
            new io.dropwizard.util.JarLocation(getClass()), bootstrap, out, err);
    String base = archive.api("").toString().replaceFirst("/api/v1/$", "");
    List<String> all =
        new java.util.ArrayList<>(List.of(command.getName(), "--url", base, "--token", admin));
    all.addAll(List.of(args));
    Optional<Throwable> failure = cli.run(all.toArray(String[]::new));
    return new CommandRun(
        out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure);
  }
}
