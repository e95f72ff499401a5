package vn.tangthu.archive.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * Sweep planning through HTTP with the application's clock standing on the eligibility boundary:
 * "today" is Vietnam's date, so a record eligible on 1 January is planned from 17:00 UTC on 31
 * December, not from midnight UTC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepClockIT {

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  private static final Instant LAST_SECOND_IN_VIETNAM = Instant.parse("2025-12-31T16:59:59Z");
  private static final Instant NEW_YEAR_IN_VIETNAM = Instant.parse("2025-12-31T17:00:00Z");

  @TempDir static Path dataDir;
  private final TestClock clock = new TestClock();
  private RunningArchive archive;
  private String admin;
  private String recordId;

  @BeforeAll
  void start() throws Exception {
    clock.now.set(LAST_SECOND_IN_VIETNAM);
    archive = RunningArchive.start(dataDir, clock);
    admin = archive.adminToken();
    ok(archive.postJson("agencies", admin, "{\"code\":\"VN\",\"name\":\"Sở Nội vụ\"}"));
    ok(
        archive.putJson(
            "retention/schedules/S10",
            admin,
            "{\"title\":\"Công văn trao đổi\",\"period\":\"10y\",\"action\":\"DESTROY\","
                + "\"legalBasis\":\"Thông tư 10/2022/TT-BNV\"}"));
    HttpResponse<String> r =
        archive.upload(
            "records",
            admin,
            new Multipart()
                .json(
                    "metadata",
                    "{\"agencyCode\":\"VN\",\"subject\":\"Công văn năm 2015\","
                        + "\"seriesCode\":\"S10\",\"workEndDate\":\"2015-06-30\"}")
                .bytes("file", "công văn".getBytes(StandardCharsets.UTF_8), "cv.txt"));
    ok(r);
    recordId = RunningArchive.json(r).get("id").asText();
    assertThat(RunningArchive.json(r).at("/retention/eligibleOn").asText()).isEqualTo("2026-01-01");
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  @Test
  void planningUsesVietnamsDateOnTheBoundary() throws Exception {
    clock.now.set(LAST_SECOND_IN_VIETNAM);
    JsonNode before = plan();
    assertThat(before.get("asOf").asText()).isEqualTo("2025-12-31");
    assertThat(items(before))
        .as("not yet eligible at 23:59:59 in Vietnam")
        .doesNotContain(recordId);

    clock.now.set(NEW_YEAR_IN_VIETNAM);
    JsonNode after = plan();
    assertThat(after.get("asOf").asText()).isEqualTo("2026-01-01");
    assertThat(items(after)).as("eligible at 00:00 in Vietnam (17:00 UTC)").contains(recordId);
  }

  private JsonNode plan() throws Exception {
    return RunningArchive.json(
        ok(archive.postJson("retention/sweeps", admin, "{\"agencyCode\":\"VN\"}")));
  }

  private java.util.List<String> items(JsonNode sweep) throws Exception {
    JsonNode page =
        RunningArchive.json(
            ok(archive.get("retention/sweeps/" + sweep.get("id").asText() + "/items", admin)));
    return page.get("items").findValuesAsText("recordId");
  }

  private static HttpResponse<String> ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return r;
  }
}
