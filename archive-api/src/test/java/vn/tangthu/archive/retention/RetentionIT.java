package vn.tangthu.archive.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Schedules, dossiers and the effective retention of records over HTTP: the eligibility rule at its
 * boundaries, permanent and unscheduled records, the dossier rule, and changes that extend a lock
 * (applied in storage) or would shorten it (refused, nothing changed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionIT {

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private RetentionFixture f;

  @BeforeAll
  void start() throws Exception {
    archive = RunningArchive.start(dataDir);
    f = new RetentionFixture(archive);
    f.schedule("IT-10Y", "10y", "DESTROY");
    f.schedule("IT-PERM", "PERMANENT", "TRANSFER");
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  @Test
  void starterScheduleIsLoadedWithUnverifiedEntriesFlagged() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    String cursor = "";
    do {
      HttpResponse<String> r =
          archive.get("retention/schedules?size=7&cursor=" + cursor, f.token("clerk"));
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode page = RunningArchive.json(r);
      page.get("items").forEach(all::add);
      cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    assertThat(all.size()).isGreaterThan(7);
    assertThat(all.stream().map(s -> s.get("seriesCode").asText()).distinct().count())
        .isEqualTo(all.size());
    assertThat(all)
        .anySatisfy(
            s -> {
              assertThat(s.get("verified").asBoolean()).isFalse();
              assertThat(s.get("note").asText()).isNotBlank();
              assertThat(s.get("updatedBy").asText()).isEqualTo("starter-schedule");
            });
    assertThat(all).anySatisfy(s -> assertThat(s.get("verified").asBoolean()).isTrue());
  }

  @Test
  void scheduleChangesAreRefusedWithStableCodes() throws Exception {
    assertThat(f.putSchedule(f.token("clerk"), "IT-X", "10y", "DESTROY").statusCode())
        .isEqualTo(403);
    assertProblem(f.putSchedule(f.admin, "IT-X", "10 years", "DESTROY"), "period");
    assertProblem(f.putSchedule(f.admin, "IT-X", "0y", "DESTROY"), "period");
    assertProblem(f.putSchedule(f.admin, "IT-X", null, "DESTROY"), "period");
    assertProblem(f.putSchedule(f.admin, "IT-X", "10y", "BURN"), "action");
    assertProblem(f.putSchedule(f.admin, "bad%20code", "10y", "DESTROY"), "seriesCode");
    assertProblem(
        archive.putJson(
            "retention/schedules/IT-X",
            f.admin,
            "{\"title\":\"x\",\"period\":\"10y\",\"action\":\"DESTROY\"}"),
        "legalBasis");
    HttpResponse<String> empty = archive.putJson("retention/schedules/IT-X", f.admin, "");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(archive.get("retention/schedules/IT-X", f.admin).statusCode()).isEqualTo(404);
    HttpResponse<String> ok = f.putSchedule(f.token("arch"), "IT-X", "10y", "REVIEW");
    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(f.putSchedule(f.token("arch"), "IT-X", "12y", "REVIEW").statusCode()).isEqualTo(200);
    JsonNode s = RunningArchive.json(archive.get("retention/schedules/IT-X", f.token("clerk")));
    assertThat(s.get("period").asText()).isEqualTo("12y");
    assertThat(s.get("verified").asBoolean()).isTrue();
  }

  private static void assertProblem(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    JsonNode p = RunningArchive.json(r);
    assertThat(p.get("code").asText()).isEqualTo("INVALID_SCHEDULE");
    assertThat(p.get("field").asText()).isEqualTo(field);
  }

  @Test
  void eligibleOnIsFirstOfJanuaryAfterTheYearOfWorkEndPlusPeriod() throws Exception {
    JsonNode lastDay =
        f.record("\"seriesCode\":\"IT-10Y\",\"workEndDate\":\"2015-12-31\"").get("retention");
    assertThat(lastDay.get("eligibleOn").asText()).isEqualTo("2026-01-01");
    assertThat(lastDay.get("state").asText()).isEqualTo("SCHEDULED");
    assertThat(lastDay.get("period").asText()).isEqualTo("10y");
    assertThat(lastDay.get("action").asText()).isEqualTo("DESTROY");
    assertThat(lastDay.get("seriesCode").asText()).isEqualTo("IT-10Y");
    assertThat(lastDay.get("holds")).isEmpty();
    JsonNode firstDay =
        f.record("\"seriesCode\":\"IT-10Y\",\"workEndDate\":\"2016-01-01\"").get("retention");
    assertThat(firstDay.get("eligibleOn").asText()).isEqualTo("2027-01-01");
    JsonNode issuedOnly =
        f.record("\"seriesCode\":\"IT-10Y\",\"issuedDate\":\"2016-12-31\"").get("retention");
    assertThat(issuedOnly.get("eligibleOn").asText()).isEqualTo("2027-01-01");
  }

  @Test
  void futureEligibilityIsAComplianceLockUntilMidnightInVietnam() throws Exception {
    JsonNode r = f.record("\"seriesCode\":\"IT-10Y\",\"workEndDate\":\"2024-06-30\"");
    assertThat(r.get("retention").get("eligibleOn").asText()).isEqualTo("2035-01-01");
    var lock = f.lock(r.get("id").asText());
    assertThat(lock.retainUntil()).contains(Instant.parse("2034-12-31T17:00:00Z"));
    assertThat(lock.legalHold()).isFalse();
    JsonNode past = f.record("\"seriesCode\":\"IT-10Y\",\"workEndDate\":\"2001-02-03\"");
    assertThat(f.lock(past.get("id").asText()).retainUntil()).isEmpty();
  }

  @Test
  void permanentRecordIsNeverEligibleAndCarriesALegalHold() throws Exception {
    JsonNode r = f.record("\"seriesCode\":\"IT-PERM\",\"workEndDate\":\"1990-01-01\"");
    JsonNode ret = r.get("retention");
    assertThat(ret.get("state").asText()).isEqualTo("PERMANENT");
    assertThat(ret.get("period").asText()).isEqualTo("PERMANENT");
    assertThat(ret.get("action").asText()).isEqualTo("TRANSFER");
    assertThat(ret.has("eligibleOn")).isFalse();
    var lock = f.lock(r.get("id").asText());
    assertThat(lock.legalHold()).isTrue();
    assertThat(lock.retainUntil()).isEmpty();
  }

  @Test
  void recordsWithoutScheduleOrDateAreUnscheduled() throws Exception {
    JsonNode none = f.record("\"workEndDate\":\"2020-01-01\"").get("retention");
    assertThat(none.get("state").asText()).isEqualTo("UNSCHEDULED");
    assertThat(none.has("eligibleOn")).isFalse();
    assertThat(none.has("period")).isFalse();
    JsonNode unknown =
        f.record("\"seriesCode\":\"NO-SUCH\",\"workEndDate\":\"2020-01-01\"").get("retention");
    assertThat(unknown.get("state").asText()).isEqualTo("UNSCHEDULED");
    assertThat(unknown.get("seriesCode").asText()).isEqualTo("NO-SUCH");
    JsonNode noDate = f.record("\"seriesCode\":\"IT-10Y\"").get("retention");
    assertThat(noDate.get("state").asText()).isEqualTo("UNSCHEDULED");
    assertThat(noDate.has("eligibleOn")).isFalse();
  }

  @Test
  void attachmentsTakeTheMainRecordsRetention() throws Exception {
    HttpResponse<String> r =
        archive.upload(
            "records",
            f.admin,
            new vn.tangthu.archive.support.Multipart()
                .json(
                    "metadata",
                    "{\"agencyCode\":\"DEPT\",\"subject\":\"Tờ trình có phụ lục\","
                        + "\"seriesCode\":\"IT-10Y\",\"workEndDate\":\"2025-01-01\"}")
                .bytes("file", "chính".getBytes(java.nio.charset.StandardCharsets.UTF_8), "a.txt")
                .bytes(
                    "attachment",
                    "phụ lục".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "b.txt"));
    assertThat(r.statusCode()).isEqualTo(201);
    String attachment = RunningArchive.json(r).get("attachmentIds").get(0).asText();
    assertThat(f.get(attachment).get("retention").get("eligibleOn").asText())
        .isEqualTo("2036-01-01");
    assertThat(f.lock(attachment).retainUntil()).contains(Instant.parse("2035-12-31T17:00:00Z"));
  }

  @Test
  void patchExtendsTheLockAndCannotShortenIt() throws Exception {
    String id =
        f.record("\"seriesCode\":\"IT-10Y\",\"workEndDate\":\"2024-03-01\"").get("id").asText();
    HttpResponse<String> later =
        archive.patchJson("records/" + id, f.admin, "{\"workEndDate\":\"2025-03-01\"}");
    assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
    assertThat(RunningArchive.json(later).get("retention").get("eligibleOn").asText())
        .isEqualTo("2036-01-01");
    assertThat(f.lock(id).retainUntil()).contains(Instant.parse("2035-12-31T17:00:00Z"));

    HttpResponse<String> earlier =
        archive.patchJson(
            "records/" + id, f.admin, "{\"workEndDate\":\"2023-03-01\",\"subject\":\"Đổi\"}");
    assertThat(earlier.statusCode()).as(earlier.body()).isEqualTo(409);
    assertThat(RunningArchive.json(earlier).get("code").asText()).isEqualTo("RETENTION_LOCKED");
    JsonNode after = f.get(id);
    assertThat(after.get("workEndDate").asText()).isEqualTo("2025-03-01");
    assertThat(after.get("subject").asText()).doesNotContain("Đổi");
    assertThat(after.get("retention").get("eligibleOn").asText()).isEqualTo("2036-01-01");
    assertThat(archive.get("records/" + id + "/history", f.admin).body())
        .doesNotContain("2029-03-01");

    HttpResponse<String> dropSeries =
        archive.patchJson("records/" + id, f.admin, "{\"seriesCode\":null}");
    assertThat(dropSeries.statusCode()).isEqualTo(409);

    HttpResponse<String> permanent =
        archive.patchJson("records/" + id, f.admin, "{\"seriesCode\":\"IT-PERM\"}");
    assertThat(permanent.statusCode()).isEqualTo(200);
    assertThat(f.lock(id).legalHold()).isTrue();
    HttpResponse<String> back =
        archive.patchJson("records/" + id, f.admin, "{\"seriesCode\":\"IT-10Y\"}");
    assertThat(back.statusCode()).isEqualTo(409);
  }

  @Test
  void scheduleChangeRecomputesItsRecordsAndCannotShortenALock() throws Exception {
    f.schedule("IT-S5", "5y", "DESTROY");
    String locked =
        f.record("\"seriesCode\":\"IT-S5\",\"workEndDate\":\"2024-01-01\"").get("id").asText();
    assertThat(f.get(locked).get("retention").get("eligibleOn").asText()).isEqualTo("2030-01-01");
    f.schedule("IT-S5", "20y", "TRANSFER");
    JsonNode extended = f.get(locked).get("retention");
    assertThat(extended.get("eligibleOn").asText()).isEqualTo("2045-01-01");
    assertThat(extended.get("action").asText()).isEqualTo("TRANSFER");
    assertThat(f.lock(locked).retainUntil()).contains(Instant.parse("2044-12-31T17:00:00Z"));

    HttpResponse<String> shorter = f.putSchedule(f.admin, "IT-S5", "2y", "DESTROY");
    assertThat(shorter.statusCode()).isEqualTo(409);
    assertThat(RunningArchive.json(shorter).get("code").asText()).isEqualTo("RETENTION_LOCKED");
    assertThat(
            RunningArchive.json(archive.get("retention/schedules/IT-S5", f.admin))
                .get("period")
                .asText())
        .isEqualTo("20y");
    assertThat(f.get(locked).get("retention").get("eligibleOn").asText()).isEqualTo("2045-01-01");
  }

  @Test
  void scheduleChangeMayShortenWhereNoLockRemains() throws Exception {
    f.schedule("IT-OLD", "20y", "DESTROY");
    String id =
        f.record("\"seriesCode\":\"IT-OLD\",\"workEndDate\":\"2000-05-05\"").get("id").asText();
    assertThat(f.get(id).get("retention").get("eligibleOn").asText()).isEqualTo("2021-01-01");
    f.schedule("IT-OLD", "10y", "DESTROY");
    assertThat(f.get(id).get("retention").get("eligibleOn").asText()).isEqualTo("2011-01-01");
  }

  @Test
  void newScheduleSchedulesTheRecordsThatNamedIt() throws Exception {
    String id =
        f.record("\"seriesCode\":\"IT-LATE\",\"workEndDate\":\"2024-01-01\"").get("id").asText();
    assertThat(f.get(id).get("retention").get("state").asText()).isEqualTo("UNSCHEDULED");
    HttpResponse<String> r = f.putSchedule(f.admin, "IT-LATE", "3y", "REVIEW");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(RunningArchive.json(r).get("recordsUpdated").asInt()).isEqualTo(1);
    assertThat(f.get(id).get("retention").get("eligibleOn").asText()).isEqualTo("2028-01-01");
  }

  @Test
  void recordInADossierTakesItsSeriesAndEndDate() throws Exception {
    HttpResponse<String> put =
        archive.putJson(
            "dossiers/HS-2024-01",
            f.token("arch"),
            "{\"agencyCode\":\"DEPT\",\"title\":\"Hồ sơ tuyển dụng 2024\","
                + "\"seriesCode\":\"IT-10Y\",\"startDate\":\"2024-01-02\","
                + "\"endDate\":\"2024-12-31\"}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    assertThat(RunningArchive.json(put).get("retention").get("eligibleOn").asText())
        .isEqualTo("2035-01-01");
    String id =
        f.record(
                "\"fileCode\":\"HS-2024-01\",\"seriesCode\":\"IT-PERM\","
                    + "\"workEndDate\":\"2010-01-01\"")
            .get("id")
            .asText();
    JsonNode ret = f.get(id).get("retention");
    assertThat(ret.get("seriesCode").asText()).isEqualTo("IT-10Y");
    assertThat(ret.get("eligibleOn").asText()).isEqualTo("2035-01-01");
    String restricted =
        f.record("DEPT", "RESTRICTED", "\"fileCode\":\"HS-2024-01\"", f.admin).get("id").asText();

    HttpResponse<String> longer =
        archive.putJson(
            "dossiers/HS-2024-01",
            f.token("arch"),
            "{\"agencyCode\":\"DEPT\",\"title\":\"Hồ sơ tuyển dụng 2024\","
                + "\"seriesCode\":\"IT-10Y\",\"endDate\":\"2025-06-30\"}");
    assertThat(longer.statusCode()).isEqualTo(200);
    assertThat(RunningArchive.json(longer).get("recordsUpdated").asInt()).isEqualTo(2);
    assertThat(f.get(id).get("retention").get("eligibleOn").asText()).isEqualTo("2036-01-01");
    assertThat(f.lock(restricted).retainUntil()).contains(Instant.parse("2035-12-31T17:00:00Z"));

    HttpResponse<String> shorter =
        archive.putJson(
            "dossiers/HS-2024-01",
            f.token("arch"),
            "{\"agencyCode\":\"DEPT\",\"title\":\"Đổi tên\","
                + "\"seriesCode\":\"IT-10Y\",\"endDate\":\"2023-06-30\"}");
    assertThat(shorter.statusCode()).isEqualTo(409);
    assertThat(RunningArchive.json(shorter).get("code").asText()).isEqualTo("RETENTION_LOCKED");

    JsonNode dossier =
        RunningArchive.json(archive.get("dossiers/HS-2024-01", f.token("provclerk")));
    assertThat(dossier.get("title").asText()).isEqualTo("Hồ sơ tuyển dụng 2024");
    assertThat(dossier.get("endDate").asText()).isEqualTo("2025-06-30");
    assertThat(dossier.get("records")).extracting(r -> r.get("id").asText()).containsExactly(id);
    JsonNode own = RunningArchive.json(archive.get("dossiers/HS-2024-01", f.token("clerk")));
    assertThat(own.get("records"))
        .extracting(r -> r.get("id").asText())
        .containsExactly(id, restricted);
    assertThat(archive.get("dossiers/HS-2024-01", f.token("otherclerk")).statusCode())
        .isEqualTo(404);
    assertThat(archive.get("dossiers/NO-SUCH", f.admin).statusCode()).isEqualTo(404);
  }

  @Test
  void dossierChangesNeedAnArchivistOfTheAgency() throws Exception {
    String body =
        "{\"agencyCode\":\"DEPT\",\"title\":\"Hồ sơ\",\"seriesCode\":\"IT-10Y\","
            + "\"endDate\":\"2024-12-31\"}";
    assertThat(archive.putJson("dossiers/HS-X", f.token("clerk"), body).statusCode())
        .isEqualTo(403);
    assertThat(archive.putJson("dossiers/HS-X", f.token("otherarch"), body).statusCode())
        .isEqualTo(403);
    HttpResponse<String> badDate =
        archive.putJson(
            "dossiers/HS-X",
            f.token("arch"),
            "{\"agencyCode\":\"DEPT\",\"title\":\"Hồ sơ\",\"endDate\":\"31/12/2024\"}");
    assertThat(badDate.statusCode()).isEqualTo(422);
    assertThat(RunningArchive.json(badDate).get("code").asText()).isEqualTo("INVALID_DOSSIER");
    assertThat(RunningArchive.json(badDate).get("field").asText()).isEqualTo("endDate");
    HttpResponse<String> reversed =
        archive.putJson(
            "dossiers/HS-X",
            f.token("arch"),
            "{\"agencyCode\":\"DEPT\",\"title\":\"Hồ sơ\",\"startDate\":\"2025-01-01\","
                + "\"endDate\":\"2024-12-31\"}");
    assertThat(reversed.statusCode()).isEqualTo(422);
    HttpResponse<String> unknown =
        archive.putJson(
            "dossiers/HS-X", f.token("arch"), "{\"agencyCode\":\"NOPE\",\"title\":\"Hồ sơ\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(archive.putJson("dossiers/HS-X", f.token("arch"), body).statusCode()).isEqualTo(201);
    String moveAway = "{\"agencyCode\":\"OTHER\",\"title\":\"Hồ sơ\",\"seriesCode\":\"IT-10Y\"}";
    assertThat(archive.putJson("dossiers/HS-X", f.token("otherarch"), moveAway).statusCode())
        .isEqualTo(403);
  }

  @Test
  void repairPassAppliesLocksACrashLeftBehind() throws Exception {
    String perm = f.record("\"seriesCode\":\"IT-PERM\"").get("id").asText();
    String plain = f.record("").get("id").asText();
    var locks = new vn.tangthu.archive.storage.ObjectLocks(archive.wiring().store());
    String key = vn.tangthu.archive.storage.ObjectKeys.original(java.util.UUID.fromString(perm));
    locks.legalHold(f.bucket(), key, null, false);
    archive
        .wiring()
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "UPDATE records SET legal_hold = false WHERE id = ?",
                  java.util.UUID.fromString(perm));
              h.execute(
                  "UPDATE records SET retention_state = 'SCHEDULED', retention_series = 'IT-10Y',"
                      + " retention_period = '10y', retention_action = 'DESTROY',"
                      + " eligible_on = DATE '2045-01-01' WHERE id = ?",
                  java.util.UUID.fromString(plain));
            });
    assertThat(f.lock(perm).legalHold()).isFalse();
    assertThat(f.lock(plain).retainUntil()).isEmpty();

    assertThat(archive.wiring().retention().keeper().repair()).isGreaterThanOrEqualTo(2);

    assertThat(f.lock(perm).legalHold()).isTrue();
    assertThat(f.lock(plain).retainUntil()).contains(Instant.parse("2044-12-31T17:00:00Z"));
    assertThat(archive.wiring().retention().keeper().repair()).isZero();
  }

  @Test
  void healthCheckReportsThatStorageEnforcesRetention() throws Exception {
    var r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(archive.admin("healthcheck")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    JsonNode check = RunningArchive.json(r).get("retention-lock");
    assertThat(check.get("healthy").asBoolean()).isTrue();
  }
}
