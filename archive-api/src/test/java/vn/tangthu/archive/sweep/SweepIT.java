package vn.tangthu.archive.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tangthu.archive.sweep.SweepFixture.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.storage.ObjectKeys;
import vn.tangthu.archive.storage.StorageProbe;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Sweeps end to end on the running archive: planning, review, two-person approval, execution with
 * re-check, crash and resume, signed certificates, and that destroyed records leave nothing behind
 * in storage (no version of any object), in the search index or at the text endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepIT {

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private SweepFixture fx;
  private StorageProbe probe;
  private String originals;
  private String derived;
  private String planner;
  private String approver;
  private String deptApprover;
  private String selfApprover;
  private String clerk;
  private String auditor;
  private String outsider;

  @BeforeAll
  void setUp() throws Exception {
    archive = RunningArchive.start(dataDir);
    fx = new SweepFixture(archive);
    probe = new StorageProbe(archive.wiring().store());
    originals = archive.configuration().getStorage().originalsBucket();
    derived = archive.configuration().getStorage().derivedBucket();
    fx.agency("PROV", null);
    fx.agency("OTHER", null);
    for (String d : List.of("D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8")) {
      fx.agency(d, "PROV");
    }
    planner = fx.user("archivist", "PROV", "ARCHIVIST");
    approver = fx.user("approver", "PROV", "APPROVER");
    deptApprover = fx.user("approver-d2", "D2", "APPROVER");
    selfApprover = fx.user("both", "PROV", "ARCHIVIST", "APPROVER");
    clerk = fx.user("clerk", "PROV", "CLERK");
    auditor = fx.user("auditor", "PROV", "AUDITOR");
    outsider = fx.user("outsider", "OTHER", "ARCHIVIST", "APPROVER");
    fx.schedules();
  }

  @AfterAll
  void tearDown() {
    archive.close();
  }

  @Test
  void approvalNeedsASecondPersonWithTheApproverRoleOfTheAgencyOrAnAncestor() throws Exception {
    String id = fx.record("D1", null, SweepFixture.DESTROY, "quyết định một").get("id").asText();
    JsonNode sweep = plan(selfApprover, "D1");
    String sweepId = sweep.get("id").asText();
    assertThat(sweep.get("status").asText()).isEqualTo("PLANNED");
    assertThat(sweep.get("counts").get("DESTROY").asInt()).isEqualTo(1);

    assertProblem(
        post("retention/sweeps/" + sweepId + "/approve", selfApprover), 403, "SELF_APPROVAL");
    assertProblem(post("retention/sweeps/" + sweepId + "/approve", clerk), 403, "FORBIDDEN");
    assertProblem(post("retention/sweeps/" + sweepId + "/approve", planner), 403, "NOT_APPROVER");
    assertProblem(post("retention/sweeps/" + sweepId + "/approve", outsider), 404, "NOT_FOUND");
    assertProblem(post("retention/sweeps/" + sweepId + "/approve", deptApprover), 404, "NOT_FOUND");

    JsonNode approved =
        RunningArchive.json(ok(post("retention/sweeps/" + sweepId + "/approve", approver)));
    assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.get("approvedBy").asText()).isEqualTo("approver");
    assertProblem(post("retention/sweeps/" + sweepId + "/approve", approver), 409, "SWEEP_STATE");
  }

  @Test
  void sweepsAreSeenOnlyBySweepRolesOfTheAgencyOrAnAncestor() throws Exception {
    String id = fx.record("D6", null, SweepFixture.DESTROY, "công văn sáu").get("id").asText();
    assertProblem(
        archive.postJson("retention/sweeps", clerk, "{\"agencyCode\":\"D6\"}"), 403, "FORBIDDEN");
    assertProblem(
        archive.postJson("retention/sweeps", outsider, "{\"agencyCode\":\"D6\"}"),
        403,
        "FORBIDDEN");
    String sweepId = plan(planner, "D6").get("id").asText();
    assertThat(archive.get("retention/sweeps/" + sweepId, auditor).statusCode()).isEqualTo(200);
    assertThat(archive.get("retention/sweeps/" + sweepId, approver).statusCode()).isEqualTo(200);
    assertProblem(archive.get("retention/sweeps/" + sweepId, clerk), 403, "FORBIDDEN");
    assertProblem(archive.get("retention/sweeps/" + sweepId, outsider), 404, "NOT_FOUND");
    JsonNode page = RunningArchive.json(ok(archive.get("retention/sweeps?size=100", auditor)));
    assertThat(page.get("items").findValuesAsText("id")).contains(sweepId);
    JsonNode other = RunningArchive.json(ok(archive.get("retention/sweeps?size=100", outsider)));
    assertThat(other.get("items").findValuesAsText("id")).doesNotContain(sweepId);
  }

  @Test
  void takingAnItemOutTakesItsDossierWholeAndRejectionEndsTheSweep() throws Exception {
    fx.dossier("HS-D2-01", "D2", SweepFixture.DESTROY);
    String a = fx.record("D2", "HS-D2-01", null, "tờ trình hai a").get("id").asText();
    String b = fx.record("D2", "HS-D2-01", null, "tờ trình hai b").get("id").asText();
    String c = fx.record("D2", null, SweepFixture.DESTROY, "tờ trình hai c").get("id").asText();
    String sweepId = plan(planner, "D2").get("id").asText();
    assertThat(itemIds(sweepId, planner)).containsExactlyInAnyOrder(a, b, c);

    HttpResponse<String> csv = archive.get("retention/sweeps/" + sweepId + "/items.csv", approver);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("\uFEFFrecordId,fileCode,action,eligibleOn\r\n");
    assertThat(csv.body()).contains(a + ",HS-D2-01,DESTROY," + SweepFixture.ELIGIBLE_ON);

    assertProblem(
        delete("retention/sweeps/" + sweepId + "/items/" + a, clerk, "{\"reason\":\"x\"}"),
        403,
        "FORBIDDEN");
    assertProblem(
        delete("retention/sweeps/" + sweepId + "/items/" + a, planner, "{}"),
        400,
        "INVALID_REQUEST");
    JsonNode removed =
        RunningArchive.json(
            ok(
                delete(
                    "retention/sweeps/" + sweepId + "/items/" + a,
                    planner,
                    "{\"reason\":\"hội đồng đề nghị giữ lại\"}")));
    assertThat(removed.get("removed").findValuesAsText("")).isEmpty();
    List<String> gone = new ArrayList<>();
    removed.get("removed").forEach(n -> gone.add(n.asText()));
    assertThat(gone).containsExactlyInAnyOrder(a, b);
    assertThat(itemIds(sweepId, planner)).containsExactly(c);
    JsonNode view = RunningArchive.json(ok(archive.get("retention/sweeps/" + sweepId, planner)));
    assertThat(view.get("counts").get("removed").asInt()).isEqualTo(2);
    assertThat(view.get("counts").get("items").asInt()).isEqualTo(1);

    JsonNode rejected =
        RunningArchive.json(
            ok(
                archive.postJson(
                    "retention/sweeps/" + sweepId + "/reject",
                    approver,
                    "{\"reason\":\"chưa đủ hồ sơ thẩm định\"}")));
    assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get("rejectReason").asText()).isEqualTo("chưa đủ hồ sơ thẩm định");
    assertProblem(post("retention/sweeps/" + sweepId + "/approve", approver), 409, "SWEEP_STATE");
    assertProblem(
        delete("retention/sweeps/" + sweepId + "/items/" + c, planner, "{\"reason\":\"x\"}"),
        409,
        "SWEEP_STATE");
    assertThat(status(c)).isEqualTo("ACTIVE");
  }

  @Test
  void planningLeavesOutHeldRecordsTheirDossiersAndKeptRecordsWithReasons() throws Exception {
    fx.dossier("HS-D3-01", "D3", SweepFixture.DESTROY);
    String held = fx.record("D3", "HS-D3-01", null, "biên bản ba a").get("id").asText();
    String sibling = fx.record("D3", "HS-D3-01", null, "biên bản ba b").get("id").asText();
    String permanent =
        fx.record("D3", null, SweepFixture.PERMANENT, "biên bản ba c").get("id").asText();
    String future = fx.record("D3", null, SweepFixture.FUTURE, "biên bản ba d").get("id").asText();
    String taken = fx.record("D3", null, SweepFixture.REVIEW, "biên bản ba e").get("id").asText();
    fx.hold(planner, held);
    JsonNode sweep = plan(planner, "D3");
    assertThat(itemIds(sweep.get("id").asText(), planner)).containsExactly(taken);
    JsonNode counts = sweep.get("counts");
    assertThat(counts.get("REVIEW").asInt()).isEqualTo(1);
    // the hold covers the dossier: whether its sibling counts as HELD or DOSSIER_HELD, it stays
    JsonNode excluded = counts.get("excluded");
    assertThat(excluded.path("HELD").asInt() + excluded.path("DOSSIER_HELD").asInt()).isEqualTo(2);
    assertThat(excluded.path("HELD").asInt()).isPositive();
    JsonNode view = RunningArchive.json(ok(archive.get("records/" + permanent, planner)));
    assertThat(view.get("retention").get("period").asText()).isEqualTo("PERMANENT");
    assertThat(
            RunningArchive.json(ok(archive.get("records/" + future, planner)))
                .get("retention")
                .get("eligibleOn")
                .asText())
        .isEqualTo("2111-01-01");
  }

  @Test
  void executionDestroysEverythingSkipsWhatWasHeldSinceApprovalAndSignsACertificate()
      throws Exception {
    JsonNode a =
        fx.record("D4", null, SweepFixture.DESTROY, "nghị quyết xoaquyen bốn", "phụ lục xoaquyen");
    String aId = a.get("id").asText();
    String attachment = a.get("attachmentIds").get(0).asText();
    fx.dossier("HS-D4-01", "D4", SweepFixture.DESTROY);
    String b = fx.record("D4", "HS-D4-01", null, "nghị quyết xoaquyen năm").get("id").asText();
    String heldLater =
        fx.record("D4", null, SweepFixture.DESTROY, "nghị quyết giulai sáu").get("id").asText();
    String review =
        fx.record("D4", null, SweepFixture.REVIEW, "nghị quyết xemxet bảy").get("id").asText();
    assertThat(search("xoaquyen")).hasSize(3);

    String sweepId = plan(planner, "D4").get("id").asText();
    ok(post("retention/sweeps/" + sweepId + "/approve", approver));
    fx.hold(planner, heldLater);
    assertProblem(post("retention/sweeps/" + sweepId + "/execute", clerk), 403, "FORBIDDEN");
    JsonNode executed =
        RunningArchive.json(ok(post("retention/sweeps/" + sweepId + "/execute", planner)));
    assertThat(executed.get("status").asText()).isEqualTo("EXECUTED");
    String certificateId = executed.get("certificateId").asText();

    Map<String, JsonNode> items = items(sweepId, planner);
    assertThat(items.get(aId).get("state").asText()).isEqualTo("DONE");
    assertThat(items.get(b).get("state").asText()).isEqualTo("DONE");
    assertThat(items.get(heldLater).get("state").asText()).isEqualTo("SKIPPED");
    assertThat(items.get(heldLater).get("skipReason").asText()).isEqualTo("HOLD_PLACED");
    assertThat(items.get(review).get("state").asText()).isEqualTo("LISTED");

    for (String gone : List.of(aId, attachment, b)) {
      UUID id = UUID.fromString(gone);
      assertThat(probe.versions(originals, ObjectKeys.original(id))).as(gone).isEmpty();
      assertThat(probe.versions(derived, ObjectKeys.text(id))).as(gone).isEmpty();
      JsonNode meta = RunningArchive.json(ok(archive.get("records/" + gone, clerk)));
      assertThat(meta.get("status").asText()).isEqualTo("DISPOSED");
      assertProblem(archive.get("records/" + gone + "/content", clerk), 410, "DISPOSED");
      assertProblem(archive.get("records/" + gone + "/text", clerk), 410, "DISPOSED");
      assertThat(archive.wiring().index().contains(gone)).isFalse();
    }
    assertThat(search("xoaquyen")).isEmpty();
    assertThat(probe.versions(originals, ObjectKeys.original(UUID.fromString(heldLater))))
        .hasSize(1);
    assertThat(archive.get("records/" + heldLater + "/content", clerk).statusCode()).isEqualTo(200);
    assertThat(archive.get("records/" + review + "/content", clerk).statusCode()).isEqualTo(200);
    assertThat(search("giulai")).hasSize(1);

    JsonNode cert =
        RunningArchive.json(ok(archive.get("retention/certificates/" + certificateId, auditor)));
    assertProblem(
        archive.get("retention/certificates/" + certificateId, outsider), 404, "NOT_FOUND");
    assertThat(cert.get("kind").asText()).isEqualTo("DESTRUCTION");
    JsonNode body = cert.get("certificate");
    assertThat(body.get("sweepId").asText()).isEqualTo(sweepId);
    assertThat(body.get("plannedBy").asText()).isEqualTo("archivist");
    assertThat(body.get("approvedBy").asText()).isEqualTo("approver");
    assertThat(body.get("items").findValuesAsText("recordId"))
        .containsExactlyInAnyOrder(aId, attachment, b);
    assertThat(body.get("items").findValuesAsText("sha256")).contains(a.get("sha256").asText());
    assertThat(body.get("skipped").get(0).get("recordId").asText()).isEqualTo(heldLater);
    assertThat(body.get("skipped").get(0).get("reason").asText()).isEqualTo("HOLD_PLACED");
    assertSignedByArchive(cert);
  }

  @Test
  void anExecutionInterruptedByStorageResumesAndFinishes() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id =
          fx.record("D5", null, SweepFixture.DESTROY, "quyết định dunglai số " + i)
              .get("id")
              .asText();
      ids.add(id);
    }
    String last = ids.stream().sorted().toList().get(2);
    String lastKey = ObjectKeys.original(UUID.fromString(last));
    String sweepId = plan(planner, "D5").get("id").asText();
    ok(post("retention/sweeps/" + sweepId + "/approve", approver));

    probe.legalHold(originals, lastKey, true);
    assertProblem(
        post("retention/sweeps/" + sweepId + "/execute", planner), 503, "STORAGE_UNAVAILABLE");
    JsonNode midway = RunningArchive.json(ok(archive.get("retention/sweeps/" + sweepId, planner)));
    assertThat(midway.get("status").asText()).isEqualTo("EXECUTING");
    Map<String, JsonNode> items = items(sweepId, planner);
    for (String id : ids) {
      if (!id.equals(last)) {
        assertThat(items.get(id).get("state").asText()).isEqualTo("DONE");
        assertThat(probe.versions(originals, ObjectKeys.original(UUID.fromString(id)))).isEmpty();
      }
    }
    assertThat(items.get(last).get("state").asText()).isEqualTo("PURGING");
    assertThat(probe.versions(originals, lastKey)).hasSize(1);

    probe.legalHold(originals, lastKey, false);
    JsonNode done =
        RunningArchive.json(ok(post("retention/sweeps/" + sweepId + "/execute", planner)));
    assertThat(done.get("status").asText()).isEqualTo("EXECUTED");
    assertThat(probe.versions(originals, lastKey)).isEmpty();
    assertThat(status(last)).isEqualTo("DISPOSED");
    JsonNode cert =
        RunningArchive.json(
            ok(
                archive.get(
                    "retention/certificates/" + done.get("certificateId").asText(), planner)));
    assertThat(cert.get("certificate").get("items").findValuesAsText("recordId"))
        .containsExactlyInAnyOrderElementsOf(ids);
    assertProblem(post("retention/sweeps/" + sweepId + "/execute", planner), 409, "SWEEP_STATE");
    assertThat(search("dunglai")).isEmpty();
  }

  @Test
  void theSweepCommandActsForThePersonWhoseTokenItCarries() throws Exception {
    String id =
        fx.record("D7", null, SweepFixture.DESTROY, "quyết định dòng lệnh").get("id").asText();
    String base = archive.api("").toString();

    CommandRun plan = sweepCommand(base, planner, "plan", "--agency", "D7");
    assertThat(plan.failure()).isNull();
    JsonNode sweep = RunningArchive.JSON.readTree(plan.out());
    String sweepId = sweep.get("id").asText();
    assertThat(sweep.get("status").asText()).isEqualTo("PLANNED");

    CommandRun items = sweepCommand(base, planner, "items", sweepId);
    assertThat(RunningArchive.JSON.readTree(items.out()).get("items").findValuesAsText("recordId"))
        .containsExactly(id);
    assertThat(sweepCommand(base, planner, "items", sweepId, "--csv").out())
        .contains(id + ",,DESTROY," + SweepFixture.ELIGIBLE_ON);

    CommandRun self = sweepCommand(base, planner, "approve", sweepId);
    assertThat(self.failure()).isNotNull();
    assertThat(self.err()).contains("403").contains("SELF_APPROVAL");

    assertThat(sweepCommand(base, approver, "approve", sweepId).failure()).isNull();
    CommandRun executed = sweepCommand(base, planner, "execute", sweepId);
    assertThat(executed.failure()).isNull();
    assertThat(RunningArchive.JSON.readTree(executed.out()).get("status").asText())
        .isEqualTo("EXECUTED");
    assertThat(status(id)).isEqualTo("DISPOSED");
  }

  @Test
  void theHoldCommandPlacesAndReleasesAHoldThatSweepsRespect() throws Exception {
    String id = fx.record("D8", null, SweepFixture.DESTROY, "công văn giữ lại").get("id").asText();
    String base = archive.api("").toString();
    CommandRun placed =
        command(
            new vn.tangthu.archive.cli.HoldCommand(),
            base,
            planner,
            "place",
            "--name",
            "Thanh tra",
            "--reason",
            "Thanh tra theo quyết định 12/QĐ-TTr",
            "--authority",
            "Thanh tra tỉnh",
            "--record",
            id);
    assertThat(placed.failure()).as(placed.err()).isNull();
    String holdId = RunningArchive.JSON.readTree(placed.out()).get("id").asText();
    JsonNode sweep = plan(planner, "D8");
    assertThat(sweep.get("counts").get("items").asInt()).isZero();
    assertThat(sweep.get("counts").get("excluded").get("HELD").asInt()).isEqualTo(1);

    CommandRun released =
        command(new vn.tangthu.archive.cli.HoldCommand(), base, planner, "release", holdId);
    assertThat(released.failure()).as(released.err()).isNull();
    assertThat(itemIds(plan(planner, "D8").get("id").asText(), planner)).containsExactly(id);
  }

  /** What a command printed, and its failure (null on success). */
  record CommandRun(String out, String err, Throwable failure) {}

  private CommandRun sweepCommand(String url, String token, String... args) throws Exception {
    return command(null, url, token, args);
  }

  /** Runs {@code command} (the sweep command when null) as the CLI would, capturing its output. */
  private CommandRun command(
      io.dropwizard.core.cli.Command command, String url, String token, String... args)
      throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    var bootstrap =
        new io.dropwizard.core.setup.Bootstrap<>(new vn.tangthu.archive.ArchiveApplication());
    var print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
    io.dropwizard.core.cli.Command c =
        command == null
            ? new vn.tangthu.archive.cli.SweepCommand(print)
            : new vn.tangthu.archive.cli.HoldCommand(print);
    bootstrap.addCommand(c);
    var cli =
        new io.dropwizard.core.cli.Cli(
            new io.dropwizard.util.JarLocation(getClass()), bootstrap, out, err);
    List<String> all = new ArrayList<>(List.of(c.getName(), "--url", url, "--token", token));
    all.addAll(List.of(args));
    var failure = cli.run(all.toArray(String[]::new));
    return new CommandRun(
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        failure.orElse(null));
  }

  private void assertSignedByArchive(JsonNode cert) throws Exception {
    JsonNode published = RunningArchive.json(ok(archive.get("archive/certificates", clerk)));
    X509Certificate signer = null;
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    for (JsonNode c : published.get("certificates")) {
      if (c.get("keyId").asText().equals(cert.get("keyId").asText())) {
        signer =
            (X509Certificate)
                cf.generateCertificate(
                    new ByteArrayInputStream(
                        c.get("pem").asText().getBytes(StandardCharsets.US_ASCII)));
      }
    }
    assertThat(signer).as("signer published in /archive/certificates").isNotNull();
    CMSSignedData cms =
        new CMSSignedData(Base64.getDecoder().decode(cert.get("signature").asText()));
    byte[] content = (byte[]) cms.getSignedContent().getContent();
    assertThat(RunningArchive.JSON.readTree(content)).isEqualTo(cert.get("certificate"));
    SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
    assertThat(
            si.verify(
                new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(new BouncyCastleProvider())
                    .build(signer)))
        .isTrue();
  }

  private List<String> search(String word) throws Exception {
    JsonNode r = RunningArchive.json(ok(archive.get("search?q=" + word + "&size=100", planner)));
    return r.get("hits").findValuesAsText("id");
  }

  private String status(String recordId) throws Exception {
    return RunningArchive.json(ok(archive.get("records/" + recordId, planner)))
        .get("status")
        .asText();
  }

  private JsonNode plan(String token, String agency) throws Exception {
    HttpResponse<String> r =
        archive.postJson("retention/sweeps", token, "{\"agencyCode\":\"" + agency + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return RunningArchive.json(r);
  }

  private List<String> itemIds(String sweepId, String token) throws Exception {
    return new ArrayList<>(items(sweepId, token).keySet());
  }

  /** Every item, following the cursor with a small page size. */
  private Map<String, JsonNode> items(String sweepId, String token) throws Exception {
    Map<String, JsonNode> out = new HashMap<>();
    String cursor = "";
    do {
      JsonNode page =
          RunningArchive.json(
              ok(
                  archive.get(
                      "retention/sweeps/" + sweepId + "/items?size=2&cursor=" + cursor, token)));
      page.get("items").forEach(i -> out.put(i.get("recordId").asText(), i));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return out;
  }

  private HttpResponse<String> post(String path, String token) throws Exception {
    return archive.postJson(path, token, "{}");
  }

  private HttpResponse<String> delete(String path, String token, String json) throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(archive.api(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString(json))
            .build();
    return java.net.http.HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static void assertProblem(HttpResponse<String> r, int status, String code) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(RunningArchive.json(r).get("code").asText()).as(r.body()).isEqualTo(code);
  }
}
