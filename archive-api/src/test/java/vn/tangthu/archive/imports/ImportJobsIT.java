package vn.tangthu.archive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.cli.ImportCommand;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Import jobs as resources: who may start one and who sees it (another agency's staff get 404 on
 * the job and its items), the Idempotency-Key, cancelling, {@code PUT /agencies/{code}} with the
 * edXML identifier the import maps senders through, and the {@code import} command.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportJobsIT {

  @TempDir static Path dataDir;
  @TempDir static Path work;
  private RunningArchive archive;
  private ImportClient imports;
  private String admin;
  private String submitterA;
  private String archivistA1;
  private String clerkA;
  private String submitterB;
  private String clerkB;

  @BeforeAll
  void start() throws Exception {
    archive =
        RunningArchive.start(dataDir, ConfigOverride.config("imports.pollInterval", "PT0.5S"));
    admin = archive.adminToken();
    imports = new ImportClient(archive);
    imports.agency(admin, "{\"code\":\"JA\",\"name\":\"Tỉnh A\"}");
    imports.agency(admin, "{\"code\":\"JA1\",\"name\":\"Sở A1\",\"parentCode\":\"JA\"}");
    imports.agency(admin, "{\"code\":\"JB\",\"name\":\"Tỉnh B\"}");
    submitterA = imports.user(admin, "job-sub-a", "JA", "SUBMITTER");
    archivistA1 = imports.user(admin, "job-arc-a1", "JA1", "ARCHIVIST");
    clerkA = imports.user(admin, "job-clerk-a", "JA", "CLERK");
    submitterB = imports.user(admin, "job-sub-b", "JB", "SUBMITTER");
    clerkB = imports.user(admin, "job-clerk-b", "JB", "CLERK");
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  private static byte[] files(String agency, String prefix, int n) throws Exception {
    StringBuilder csv = new StringBuilder("path,agencyCode,subject,docCode\n");
    Entries e = new Entries();
    for (int i = 0; i < n; i++) {
      csv.append(prefix).append(i).append(".txt,").append(agency).append(",Văn bản ");
      csv.append(prefix).append(i).append(',').append(prefix).append(i).append('\n');
      e.add(prefix + i + ".txt", "Văn bản " + prefix + " số " + i);
    }
    return e.add("metadata.csv", csv.toString()).zip();
  }

  @Test
  void anotherAgencysStaffSeeNeitherTheJobNorItsItems() throws Exception {
    JsonNode job = imports.run(archivistA1, files("JA1", "acc", 2), "acc.zip", null);
    String id = job.get("id").asText();
    assertThat(job.get("agencyCode").asText()).isEqualTo("JA1");
    assertThat(job.get("counts").get("imported").asInt()).isEqualTo(2);
    for (String outsider : List.of(submitterB, clerkB)) {
      assertThat(archive.get("imports/" + id, outsider).statusCode()).isEqualTo(404);
      assertThat(archive.get("imports/" + id + "/items", outsider).statusCode()).isEqualTo(404);
      assertThat(archive.postJson("imports/" + id + "/cancel", outsider, "{}").statusCode())
          .isEqualTo(404);
      assertThat(ids(archive.get("imports?size=100", outsider))).doesNotContain(id);
    }
    for (String insider : List.of(archivistA1, clerkA, submitterA, admin)) {
      assertThat(archive.get("imports/" + id, insider).statusCode()).as(insider).isEqualTo(200);
      assertThat(ids(archive.get("imports?size=100", insider))).contains(id);
    }
    assertThat(archive.get("imports/not-a-job", admin).statusCode()).isEqualTo(404);
  }

  @Test
  void onlyStaffWhoMayStoreForTheAgencyImport() throws Exception {
    HttpResponse<String> clerk = imports.post(clerkA, files("JA", "clk", 1), "c.zip", null);
    assertThat(clerk.statusCode()).as(clerk.body()).isEqualTo(403);
    HttpResponse<String> other =
        imports.post(submitterB, files("JA", "oth", 1), "o.zip", "{\"agencyCode\":\"JA\"}");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
    HttpResponse<String> unknown =
        imports.post(submitterA, files("JA", "unk", 1), "u.zip", "{\"agencyCode\":\"NOPE\"}");
    assertThat(RunningArchive.json(unknown).get("code").asText()).isEqualTo("UNKNOWN_AGENCY");
    HttpResponse<String> badOptions =
        imports.post(submitterA, files("JA", "bad", 1), "b.zip", "{\"agency\":\"JA\"}");
    assertThat(badOptions.statusCode()).isEqualTo(400);

    JsonNode job = imports.run(submitterB, files("JA", "row", 1), "row.zip", null);
    List<JsonNode> items = imports.items(submitterB, job.get("id").asText(), "FAILED");
    assertThat(items)
        .singleElement()
        .satisfies(i -> assertThat(i.get("code").asText()).isEqualTo("FORBIDDEN"));
  }

  @Test
  void theSameKeyAndPackageAnswerTheFirstJobAndAnotherPackageIsRefused() throws Exception {
    byte[] pkg = files("JA", "idem", 2);
    HttpResponse<String> first =
        imports.post(submitterA, pkg, "idem.zip", null, "Idempotency-Key", "imp-1");
    HttpResponse<String> again =
        imports.post(submitterA, pkg, "idem.zip", null, "Idempotency-Key", "imp-1");
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    String id = RunningArchive.json(first).get("id").asText();
    assertThat(RunningArchive.json(again).get("id").asText()).isEqualTo(id);
    HttpResponse<String> other =
        imports.post(
            submitterA, files("JA", "idem-other", 1), "idem.zip", null, "Idempotency-Key", "imp-1");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
    assertThat(RunningArchive.json(other).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(imports.await(submitterA, id).get("counts").get("imported").asInt()).isEqualTo(2);
    long jobs =
        archive
            .wiring()
            .jdbi()
            .withHandle(
                h ->
                    h.select("SELECT count(*) FROM import_jobs WHERE idempotency_key = 'imp-1'")
                        .mapTo(Long.class)
                        .one());
    assertThat(jobs).isEqualTo(1);
  }

  @Test
  void aCancelledJobStoresNothingMoreAndAFinishedOneCannotBeCancelled() throws Exception {
    String running = imports.start(submitterA, files("JA", "big", 40), "big.zip", null);
    String queued = imports.start(submitterA, files("JA", "cancel", 20), "cancel.zip", null);
    HttpResponse<String> c = archive.postJson("imports/" + queued + "/cancel", submitterA, "{}");
    assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
    assertThat(RunningArchive.json(c).get("status").asText()).isEqualTo("CANCELLED");
    JsonNode stopped = imports.await(submitterA, queued);
    Thread.sleep(2000);
    JsonNode later = RunningArchive.json(archive.get("imports/" + queued, submitterA));
    assertThat(later.get("counts"))
        .as("no result after the cancel")
        .isEqualTo(stopped.get("counts"));
    assertThat(later.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(imports.await(submitterA, running).get("status").asText()).isEqualTo("DONE");
    HttpResponse<String> late =
        archive.postJson("imports/" + running + "/cancel", submitterA, "{}");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(RunningArchive.json(late).get("code").asText()).isEqualTo("IMPORT_FINISHED");
    String key =
        archive
            .wiring()
            .jdbi()
            .withHandle(
                h ->
                    h.select(
                            "SELECT package_key FROM import_jobs WHERE id = CAST(? AS uuid)",
                            queued)
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null));
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (key != null && System.nanoTime() < deadline) {
      Thread.sleep(500);
      key =
          archive
              .wiring()
              .jdbi()
              .withHandle(
                  h ->
                      h.select(
                              "SELECT package_key FROM import_jobs WHERE id = CAST(? AS uuid)",
                              queued)
                          .mapTo(String.class)
                          .findOne()
                          .orElse(null));
    }
    assertThat(key).as("the cancelled job's package is removed").isNull();
  }

  @Test
  void putAgencySetsTheEdxmlIdentifierThatSendersAreFoundBy() throws Exception {
    HttpResponse<String> put =
        archive.putJson(
            "agencies/JA1",
            admin,
            "{\"code\":\"JA1\",\"name\":\"Sở A1 (mới)\",\"parentCode\":\"JA\",\"edxmlOrganId\":\"000.00.77.H06\"}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(RunningArchive.json(put).get("edxmlOrganId").asText()).isEqualTo("000.00.77.H06");
    assertThat(RunningArchive.json(archive.get("agencies/JA1", clerkA)).get("name").asText())
        .isEqualTo("Sở A1 (mới)");
    HttpResponse<String> taken =
        archive.putJson(
            "agencies/JB",
            admin,
            "{\"code\":\"JB\",\"name\":\"Tỉnh B\",\"edxmlOrganId\":\"000.00.77.H06\"}");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(RunningArchive.json(taken).get("code").asText()).isEqualTo("EDXML_ORGAN_ID_TAKEN");
    assertThat(
            archive
                .putJson(
                    "agencies/JA", admin, "{\"code\":\"JA\",\"name\":\"A\",\"parentCode\":\"JA1\"}")
                .statusCode())
        .as("a cycle")
        .isEqualTo(400);
    assertThat(
            archive
                .putJson("agencies/JA1", submitterA, "{\"code\":\"JA1\",\"name\":\"x\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            archive
                .putJson("agencies/NOPE", admin, "{\"code\":\"NOPE\",\"name\":\"x\"}")
                .statusCode())
        .isEqualTo(404);
    JsonNode audit = RunningArchive.json(archive.get("audit?action=AGENCY_UPDATE&size=100", admin));
    assertThat(audit.get("items").toString()).contains("JA1").contains("000.00.77.H06");

    byte[] msg = Edxml.message("000.00.77.H06", "Sở A1", 501, "Công văn zzput501").bytes();
    JsonNode job = imports.run(archivistA1, msg, "501.xml", null);
    assertThat(job.get("counts").get("imported").asInt()).isEqualTo(1);
    String recordId =
        imports.items(archivistA1, job.get("id").asText(), null).get(0).get("recordId").asText();
    assertThat(imports.record(archivistA1, recordId).get("agencyCode").asText()).isEqualTo("JA1");
  }

  @Test
  void theImportCommandSendsFoldersAndFilesFollowsTheJobsAndFailsOnARefusal() throws Exception {
    Path folder = Files.createDirectories(work.resolve("ho-so"));
    Files.writeString(
        folder.resolve("metadata.csv"), "path,subject,docCode\nvb/1.txt,Văn bản một,CLI-1\n");
    Files.createDirectories(folder.resolve("vb"));
    Files.writeString(folder.resolve("vb/1.txt"), "Văn bản một zzcli1");
    Files.writeString(folder.resolve("vb/2.txt"), "Văn bản hai zzcli2");
    Path batch = Files.createDirectories(work.resolve("edxml"));
    Files.write(batch.resolve("a.xml"), Edxml.message("000.00.88.H06", "x", 1, "lạ").bytes());
    Path notAPackage = Files.writeString(work.resolve("ghi-chu.txt"), "không phải gói");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ImportCommand command =
        new ImportCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Duration.ofMillis(200));
    Namespace ns =
        new Namespace(
            Map.of(
                "url",
                archive.api("").toString(),
                "token",
                submitterA,
                "agency",
                "JA",
                "paths",
                List.of(folder.toString(), batch.toString(), notAPackage.toString())));
    assertThatThrownBy(() -> command.run(null, ns)).hasMessageContaining("1 package(s) refused");
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("(ZIP)")
        .contains("DONE: 2 imported, 0 duplicate, 0 failed of 2")
        .contains("(EDXML_BATCH)")
        .contains("DONE: 0 imported, 0 duplicate, 1 failed of 1")
        .contains("FAILED #0 a.xml: UNKNOWN_SENDER")
        .contains("[##############################] 2/2 DONE");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("ghi-chu.txt: refused: UNSUPPORTED_PACKAGE");
    assertThat(imports.awaitSearch(submitterA, "zzcli2", 1)).isEqualTo(1);

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    new ImportCommand(
            new PrintStream(again, true, StandardCharsets.UTF_8),
            System.err,
            Duration.ofMillis(200))
        .run(
            null,
            new Namespace(
                Map.of(
                    "url",
                    archive.api("").toString(),
                    "token",
                    submitterA,
                    "agency",
                    "JA",
                    "paths",
                    List.of(folder.toString()))));
    assertThat(again.toString(StandardCharsets.UTF_8))
        .contains("DONE: 0 imported, 2 duplicate, 0 failed of 2");
  }

  private static List<String> ids(HttpResponse<String> page) throws Exception {
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return RunningArchive.json(page).get("items").findValuesAsText("id");
  }
}
