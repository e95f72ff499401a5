package vn.tangthu.archive.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.Corpus;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * {@code GET /stats} over two agencies: records, pages (one for a record without a page count) and
 * bytes per agency and month, the printing avoided by electronically issued records, and only what
 * the caller may read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsIT {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private String admin;
  private String clerk;
  private final List<JsonNode> bn = new ArrayList<>();
  private final List<JsonNode> hn = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    archive = RunningArchive.start(dataDir);
    admin = archive.adminToken();
    for (String agency : List.of("BN", "HN")) {
      assertThat(
              archive
                  .postJson(
                      "agencies",
                      admin,
                      "{\"code\":\"" + agency + "\",\"name\":\"Sở Nội vụ " + agency + "\"}")
                  .statusCode())
          .isEqualTo(201);
    }
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
    Path pdf =
        Corpus.root()
            .resolve("formats/format-corpus/pdfCabinetOfHorrors/test_fontArialNotEmbedded.pdf");
    bn.add(store("BN", "INTERNAL", "ORIGINAL_ELECTRONIC", new Multipart().file("file", pdf)));
    bn.add(store("BN", "PUBLIC", "ORIGINAL_ELECTRONIC", text("công văn điện tử")));
    bn.add(store("BN", "INTERNAL", "DIGITIZED", text("bản số hóa")));
    hn.add(store("HN", "INTERNAL", "ORIGINAL_ELECTRONIC", text("nội bộ Hà Nội")));
    hn.add(store("HN", "PUBLIC", "DIGITIZED", text("công khai Hà Nội")));
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  private static Multipart text(String content) {
    return new Multipart()
        .bytes(
            "file", (content + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), "vb.txt");
  }

  /** Stores a record and returns it once its text (and page count) is extracted. */
  private JsonNode store(String agency, String level, String confidence, Multipart file)
      throws Exception {
    String meta =
        "{\"agencyCode\":\""
            + agency
            + "\",\"subject\":\"Báo cáo thống kê\",\"accessLevel\":\""
            + level
            + "\",\"confidence\":\""
            + confidence
            + "\"}";
    HttpResponse<String> r =
        archive.upload("records?wait=indexed", admin, file.json("metadata", meta));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = RunningArchive.json(r).get("id").asText();
    for (int i = 0; i < 600; i++) {
      JsonNode record = RunningArchive.json(archive.get("records/" + id, admin));
      if (!"PENDING".equals(record.path("extraction").path("status").asText("PENDING"))) {
        return record;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("text of " + id + " never extracted");
  }

  private static long pages(JsonNode record) {
    return Math.max(1, record.path("pageCount").asLong(1));
  }

  private static long pages(List<JsonNode> records) {
    return records.stream().mapToLong(StatsIT::pages).sum();
  }

  private JsonNode stats(String query, String token) throws Exception {
    HttpResponse<String> r = archive.get("stats" + query, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return RunningArchive.json(r);
  }

  @Test
  void theFixtureHasAMultiPageRecordAndRecordsWithoutAPageCount() {
    assertThat(bn.get(0).path("pageCount").asInt()).isGreaterThan(1);
    assertThat(bn.get(1).path("pageCount").isMissingNode() || bn.get(1).get("pageCount").isNull())
        .isTrue();
  }

  @Test
  void administratorSeesEveryRecordPerAgencyAndMonth() throws Exception {
    JsonNode s = stats("", admin);
    long pdfPages = pages(bn.get(0));
    assertThat(s.get("records").asLong()).isEqualTo(5);
    assertThat(s.get("pages").asLong()).isEqualTo(pdfPages + 4);
    assertThat(s.get("byAgency")).hasSize(2);
    JsonNode first = s.get("byAgency").get(0);
    assertThat(first.get("agencyCode").asText()).isEqualTo("BN");
    assertThat(first.get("name").asText()).isEqualTo("Sở Nội vụ BN");
    assertThat(first.get("records").asLong()).isEqualTo(3);
    assertThat(first.get("pages").asLong()).isEqualTo(pages(bn));
    long bnBytes = bn.stream().mapToLong(r -> r.get("size").asLong()).sum();
    assertThat(first.get("bytes").asLong()).isEqualTo(bnBytes);
    assertThat(s.get("byAgency").get(1).get("records").asLong()).isEqualTo(2);
    assertThat(s.get("byMonth")).hasSize(1);
    assertThat(s.get("byMonth").get(0).get("month").asText())
        .isEqualTo(LocalDate.now(VIETNAM).toString().substring(0, 7));
    assertThat(s.get("byMonth").get(0).get("records").asLong()).isEqualTo(5);
    JsonNode printing = s.get("printing");
    long avoided = (pdfPages + 1 + 1) * 3;
    assertThat(printing.get("pagesAvoided").asLong()).isEqualTo(avoided);
    assertThat(printing.get("copiesPerPage").asInt()).isEqualTo(3);
    assertThat(printing.get("costPerPageVnd").asLong()).isEqualTo(500);
    assertThat(printing.get("savedVnd").asLong()).isEqualTo(avoided * 500);
  }

  @Test
  void aClerkCountsOnlyWhatTheyMayRead() throws Exception {
    JsonNode s = stats("", clerk);
    assertThat(s.get("records").asLong()).as("BN's three and HN's public one").isEqualTo(4);
    assertThat(s.get("byAgency").get(1).get("agencyCode").asText()).isEqualTo("HN");
    assertThat(s.get("byAgency").get(1).get("records").asLong()).isEqualTo(1);
    assertThat(s.get("printing").get("pagesAvoided").asLong())
        .as("HN's internal electronic record is not counted")
        .isEqualTo((pages(bn.get(0)) + 1) * 3);
  }

  @Test
  void statsNarrowToAnAgencyAndToDatesInVietnam() throws Exception {
    JsonNode hanoi = stats("?agencyCode=HN", admin);
    assertThat(hanoi.get("records").asLong()).isEqualTo(2);
    assertThat(hanoi.get("byAgency").findValuesAsText("agencyCode")).containsExactly("HN");
    LocalDate today = LocalDate.now(VIETNAM);
    assertThat(stats("?from=" + today + "&to=" + today, admin).get("records").asLong())
        .isEqualTo(5);
    JsonNode none = stats("?from=" + today.plusDays(1), admin);
    assertThat(none.get("records").asLong()).isZero();
    assertThat(none.get("byAgency")).isEmpty();
    assertThat(none.get("printing").get("savedVnd").asLong()).isZero();
    assertThat(stats("?to=" + today.minusDays(1), admin).get("records").asLong()).isZero();
  }

  @Test
  void badParametersAreRefused() throws Exception {
    assertThat(archive.get("stats?agencyCode=XX", admin).statusCode()).isEqualTo(400);
    assertThat(archive.get("stats?from=2024-13-01", admin).statusCode()).isEqualTo(400);
    assertThat(archive.get("stats", null).statusCode()).isEqualTo(401);
  }
}
