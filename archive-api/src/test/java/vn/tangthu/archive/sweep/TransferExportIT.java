package vn.tangthu.archive.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tangthu.archive.sweep.SweepFixture.ok;
import static vn.tangthu.archive.sweep.SweepIT.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.roda_project.commons_ip2.validator.EARKSIPValidator;
import org.roda_project.commons_ip2.validator.reporter.ValidationReportOutputJson;
import vn.tangthu.archive.storage.ObjectKeys;
import vn.tangthu.archive.storage.StorageProbe;
import vn.tangthu.archive.support.RunningArchive;

/**
 * TRANSFER items end to end (packages checked by the E-ARK validator, receipt confirmation removing
 * the bytes) and the BagIt export (checked by the Library of Congress verifier).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferExportIT {

  @TempDir static Path dataDir;
  @TempDir Path tmp;
  private RunningArchive archive;
  private SweepFixture fx;
  private StorageProbe probe;
  private String planner;
  private String approver;
  private String clerk;

  @BeforeAll
  void setUp() throws Exception {
    archive = RunningArchive.start(dataDir);
    fx = new SweepFixture(archive);
    probe = new StorageProbe(archive.wiring().store());
    fx.agency("PROV", null);
    fx.agency("DEPT", "PROV");
    fx.agency("SIB", "PROV");
    planner = fx.user("archivist", "PROV", "ARCHIVIST");
    approver = fx.user("approver", "PROV", "APPROVER");
    clerk = fx.user("clerk", "DEPT", "CLERK");
    fx.schedules();
  }

  @AfterAll
  void tearDown() {
    archive.close();
  }

  @Test
  void transferPackagesPassTheEarkValidatorAndConfirmationRemovesTheBytes() throws Exception {
    fx.dossier("HS-T-01", "DEPT", SweepFixture.TRANSFER);
    JsonNode a =
        fx.record("DEPT", "HS-T-01", null, "tờ trình chuyengiao một", "phụ lục chuyengiao");
    String b = fx.record("DEPT", "HS-T-01", null, "quyết định chuyengiao hai").get("id").asText();
    String single =
        fx.record("DEPT", null, SweepFixture.TRANSFER, "công văn chuyengiao ba").get("id").asText();
    String aId = a.get("id").asText();
    String sweepId = plan("DEPT");
    ok(archive.postJson("retention/sweeps/" + sweepId + "/approve", approver, "{}"));
    assertProblem(
        archive.get("retention/sweeps/" + sweepId + "/transfer", planner), 409, "SWEEP_STATE");
    JsonNode executed =
        RunningArchive.json(
            ok(archive.postJson("retention/sweeps/" + sweepId + "/execute", planner, "{}")));
    assertThat(executed.get("counts").get("states").get("AWAITING_TRANSFER").asInt()).isEqualTo(3);
    assertThat(archive.get("records/" + aId + "/content", clerk).statusCode()).isEqualTo(200);

    HttpResponse<InputStream> tar =
        archive.download("retention/sweeps/" + sweepId + "/transfer", planner);
    assertThat(tar.statusCode()).isEqualTo(200);
    Path out = Files.createDirectories(tmp.resolve("transfer"));
    untar(tar.body(), out);
    List<Path> packages;
    try (Stream<Path> s = Files.list(out)) {
      packages = s.sorted().toList();
    }
    assertThat(packages).hasSize(2);
    for (Path pkg : packages) {
      String name = pkg.getFileName().toString();
      assertThat(name).startsWith("urn_uuid_");
      Path literal = Files.move(pkg, out.resolve(name.replace("urn_uuid_", "urn:uuid:")));
      Map<String, List<String>> failed = failedRequirements(literal);
      assertThat(failed).as("failed E-ARK requirements of %s", name).isEmpty();
    }
    String mets;
    try (Stream<Path> s = Files.walk(out)) {
      mets =
          s.filter(p -> p.toString().endsWith("rep1/METS.xml"))
              .map(TransferExportIT::read)
              .reduce("", String::concat);
    }
    assertThat(mets).contains(a.get("sha256").asText());

    JsonNode confirmed =
        RunningArchive.json(
            ok(
                archive.postJson(
                    "retention/sweeps/" + sweepId + "/transfer/confirm",
                    planner,
                    "{\"receivedBy\":\"Trung tâm Lưu trữ lịch sử tỉnh\",\"reference\":\"BB-12/2026\"}")));
    assertThat(confirmed.get("transfer").get("reference").asText()).isEqualTo("BB-12/2026");
    String attachment = a.get("attachmentIds").get(0).asText();
    for (String id : List.of(aId, attachment, b, single)) {
      assertThat(
              probe.versions(
                  archive.configuration().getStorage().originalsBucket(),
                  ObjectKeys.original(UUID.fromString(id))))
          .isEmpty();
      JsonNode meta = RunningArchive.json(ok(archive.get("records/" + id, clerk)));
      assertThat(meta.get("status").asText()).isEqualTo("TRANSFERRED");
      assertProblem(archive.get("records/" + id + "/content", clerk), 410, "DISPOSED");
    }
    JsonNode cert =
        RunningArchive.json(
            ok(
                archive.get(
                    "retention/certificates/"
                        + confirmed.get("transfer").get("certificateId").asText(),
                    planner)));
    assertThat(cert.get("kind").asText()).isEqualTo("TRANSFER");
    assertThat(cert.get("certificate").get("items").findValuesAsText("action"))
        .containsOnly("TRANSFER")
        .hasSize(4);
    assertProblem(
        archive.postJson(
            "retention/sweeps/" + sweepId + "/transfer/confirm",
            planner,
            "{\"receivedBy\":\"x\",\"reference\":\"y\"}"),
        409,
        "SWEEP_STATE");
  }

  @Test
  void exportIsAValidBagOfTheMatchingRecordsTheCallerMayRead() throws Exception {
    List<String> visible = new ArrayList<>();
    visible.add(fx.record("DEPT", null, null, "báo cáo xuatkho một").get("id").asText());
    visible.add(fx.record("DEPT", null, null, "báo cáo xuatkho hai").get("id").asText());
    String hidden = fx.record("SIB", null, null, "báo cáo xuatkho của sở khác").get("id").asText();
    fx.record("DEPT", null, null, "báo cáo khác hẳn");

    HttpResponse<InputStream> tar = archive.download("records/export?q=xuatkho", clerk);
    assertThat(tar.statusCode()).isEqualTo(200);
    assertThat(tar.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-tar");
    Path out = Files.createDirectories(tmp.resolve("export"));
    untar(tar.body(), out);
    Path bagDir;
    try (Stream<Path> s = Files.list(out)) {
      bagDir = s.findFirst().orElseThrow();
    }
    Bag bag = new BagReader().read(bagDir);
    try (BagVerifier verifier = new BagVerifier()) {
      verifier.isValid(bag, false);
    }
    List<String> payload = new ArrayList<>();
    try (Stream<Path> s = Files.list(bagDir.resolve("data"))) {
      s.forEach(p -> payload.add(p.getFileName().toString()));
    }
    assertThat(payload).containsExactlyInAnyOrderElementsOf(visible).doesNotContain(hidden);
    assertThat(Files.readString(bagDir.resolve("data/" + visible.get(0) + "/van-ban.txt")))
        .isEqualTo("báo cáo xuatkho một");
  }

  private static Map<String, List<String>> failedRequirements(Path pkg) throws Exception {
    var json = new ByteArrayOutputStream();
    var reporter = new ValidationReportOutputJson(pkg, json);
    boolean valid = new EARKSIPValidator(reporter, "2.2.0").validate("2.2.0");
    Map<String, List<String>> failed = new TreeMap<>();
    reporter
        .getResults()
        .forEach(
            (id, details) -> {
              if (!details.isValid() && !details.isSkipped()) {
                failed.put(id, details.getIssues());
              }
            });
    String text = json.toString(StandardCharsets.UTF_8);
    failed.keySet().removeIf(id -> !isMust(text, id));
    if (failed.isEmpty()) {
      assertThat(valid).as(text).isTrue();
      assertThat(reporter.getErrors()).isZero();
    }
    return failed;
  }

  private static boolean isMust(String json, String id) {
    int at = json.indexOf("\"id\" : \"" + id + "\"");
    if (at < 0) {
      return true;
    }
    int level = json.indexOf("\"level\" : \"", at);
    return level >= 0 && json.startsWith("MUST", level + "\"level\" : \"".length());
  }

  private String plan(String agency) throws Exception {
    HttpResponse<String> r =
        archive.postJson("retention/sweeps", planner, "{\"agencyCode\":\"" + agency + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningArchive.json(r).get("id").asText();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void untar(InputStream tar, Path dir) throws IOException {
    try (TarArchiveInputStream in = new TarArchiveInputStream(tar, "UTF-8")) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("entry escapes: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
  }
}
