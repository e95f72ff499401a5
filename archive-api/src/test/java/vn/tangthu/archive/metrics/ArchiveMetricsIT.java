package vn.tangthu.archive.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.outbox.OutboxDao;
import vn.tangthu.archive.support.Corpus;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * The archive's {@code tangthu_*} metrics on the admin port's {@code /metrics} (Prometheus text)
 * after real ingests: records and bytes by status, ingests and refusals, extraction failures and
 * queue, evidence backlog, the index's lag, sweeps, import jobs by status and the items of
 * unfinished ones by outcome (after a real import), checks; and the figures read from PostgreSQL at
 * most once per refresh however often they are scraped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiveMetricsIT {

  private static final Pattern SAMPLE =
      Pattern.compile("^(tangthu_[a-z_]+)(?:\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE);

  @TempDir static Path tmp;
  private RunningArchive archive;
  private String admin;
  private final HttpClient http = HttpClient.newHttpClient();
  private long bytes;

  @BeforeAll
  void ingest() throws Exception {
    archive = RunningArchive.start(tmp.resolve("data"));
    admin = archive.adminToken();
    assertThat(
            archive.postJson("agencies", admin, "{\"code\":\"MT\",\"name\":\"MT\"}").statusCode())
        .isEqualTo(201);
    for (int i = 0; i < 3; i++) {
      store(
          ("Công văn số " + i + " về số liệu thống kê").getBytes(StandardCharsets.UTF_8), "cv.txt");
    }
    store(
        Files.readAllBytes(
            Corpus.root()
                .resolve("formats/format-corpus/pdfCabinetOfHorrors/encryption_openpassword.pdf")),
        "mat-khau.pdf");
    var refused =
        archive.upload(
            "records",
            admin,
            new Multipart()
                .json("metadata", "{\"agencyCode\":\"KHONG-CO\",\"subject\":\"x\"}")
                .bytes("file", "x".getBytes(StandardCharsets.UTF_8), "x.txt"));
    assertThat(refused.statusCode()).isBetween(400, 499);
    archive.wiring().evidence().runOnce();
    store("Văn bản chưa niêm phong".getBytes(StandardCharsets.UTF_8), "moi.txt");
    long head = archive.wiring().jdbi().withExtension(OutboxDao.class, OutboxDao::head);
    assertThat(archive.wiring().worker().awaitApplied(head, Duration.ofMinutes(5))).isTrue();
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  @Test
  @Order(1)
  void archiveFiguresAppearWithTheirValuesAfterIngests() throws Exception {
    // the evidence run an archive makes a minute after start may seal the last record meanwhile
    Map<String, Double> m =
        awaitScrape(
            s ->
                s.get("tangthu_records{status=ACTIVE}") == 5.0
                    && s.get("tangthu_evidence_backlog") == unsealed());
    assertThat(m)
        .containsEntry("tangthu_records{status=ACTIVE}", 5.0)
        .containsEntry("tangthu_records{status=DISPOSED}", 0.0)
        .containsEntry("tangthu_records{status=TRANSFERRED}", 0.0)
        .containsEntry("tangthu_record_bytes{status=ACTIVE}", (double) bytes)
        .containsEntry("tangthu_ingests", 5.0)
        .containsEntry("tangthu_ingest_failures{kind=refused}", 1.0)
        .containsEntry("tangthu_ingest_failures{kind=error}", 0.0)
        .containsEntry("tangthu_extraction_failures", 1.0)
        .containsEntry("tangthu_extraction_queue", 0.0)
        .containsEntry("tangthu_evidence_backlog", unsealed())
        .containsEntry("tangthu_index_lag", 0.0)
        .containsEntry("tangthu_sweeps{status=PLANNED}", 0.0)
        .containsEntry("tangthu_sweeps{status=EXECUTED}", 0.0)
        .containsEntry("tangthu_imports{status=QUEUED}", 0.0)
        .containsEntry("tangthu_imports{status=RUNNING}", 0.0)
        .containsEntry("tangthu_imports{status=DONE}", 0.0)
        .containsEntry("tangthu_import_items{outcome=FAILED}", 0.0)
        .containsEntry("tangthu_import_items{outcome=PENDING}", 0.0)
        .containsEntry("tangthu_checks{status=QUEUED}", 0.0)
        .containsEntry("tangthu_checks{status=RUNNING}", 0.0);
    assertThat(m.get("tangthu_changelog_position"))
        .isEqualTo((double) archive.wiring().worker().applied())
        .isEqualTo(m.get("tangthu_index_position"));
  }

  @Test
  @Order(2)
  void importJobsByStatusAndTheItemsOfUnfinishedJobsByOutcome() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      String csv =
          "path,agencyCode,subject,docCode\n"
              + "a.txt,MT,Báo cáo nhập lô,MT-NHAP-1\n"
              + "b.txt,KHONG-CO,Cơ quan không có,MT-NHAP-2\n";
      for (String[] e :
          new String[][] {{"metadata.csv", csv}, {"a.txt", "nhập lô"}, {"b.txt", "lỗi"}}) {
        out.putNextEntry(new ZipEntry(e[0]));
        out.write(e[1].getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    HttpResponse<String> posted =
        archive.upload(
            "imports", admin, new Multipart().bytes("package", zip.toByteArray(), "lo.zip"));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    String id = RunningArchive.json(posted).get("id").asText();

    Map<String, Double> done = awaitScrape(s -> s.get("tangthu_imports{status=DONE}") == 1.0);
    assertThat(done)
        .containsEntry("tangthu_imports{status=DONE}", 1.0)
        .containsEntry("tangthu_imports{status=QUEUED}", 0.0)
        .containsEntry("tangthu_imports{status=RUNNING}", 0.0)
        .containsEntry("tangthu_imports{status=FAILED}", 0.0)
        .containsEntry("tangthu_imports{status=CANCELLED}", 0.0)
        .containsEntry("tangthu_import_items{outcome=IMPORTED}", 0.0);

    // The same job as another node would hold it while running (its lease not expired, so this
    // node leaves it alone), with one item still to do.
    archive
        .wiring()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE import_jobs SET status = 'RUNNING', finished_at = NULL,"
                            + " total = total + 1, lease_owner = 'node-elsewhere',"
                            + " lease_token = lease_token + 1,"
                            + " lease_expires_at = now() + interval '1 hour' WHERE id = :id")
                    .bind("id", java.util.UUID.fromString(id))
                    .execute());
    Map<String, Double> running = awaitScrape(s -> s.get("tangthu_imports{status=RUNNING}") == 1.0);
    assertThat(running)
        .containsEntry("tangthu_imports{status=DONE}", 0.0)
        .containsEntry("tangthu_import_items{outcome=IMPORTED}", 1.0)
        .containsEntry("tangthu_import_items{outcome=FAILED}", 1.0)
        .containsEntry("tangthu_import_items{outcome=DUPLICATE}", 0.0)
        .containsEntry("tangthu_import_items{outcome=PENDING}", 1.0);
  }

  @Test
  @Order(3)
  void scrapesReadPostgreSqlAtMostOncePerRefresh() throws Exception {
    scrape();
    long before = figureQueries();
    long started = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      scrape();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    long reads = figureQueries() - before;
    assertThat(reads)
        .as("30 scrapes in %s", took)
        .isLessThanOrEqualTo(1 + took.toMillis() / ArchiveMetrics.REFRESH.toMillis());
  }

  /** Active records without evidence, as PostgreSQL has them now (1, or 0 after the daily run). */
  private double unsealed() {
    return archive
        .wiring()
        .jdbi()
        .withHandle(
            h ->
                h.select(
                        "SELECT count(*) FROM records r WHERE r.status = 'ACTIVE' AND NOT EXISTS"
                            + " (SELECT 1 FROM record_evidence e WHERE e.record_id = r.id)")
                    .mapTo(Long.class)
                    .one())
        .doubleValue();
  }

  /** How often the records' figures were read (Jdbi's timer of that query). */
  private long figureQueries() {
    var timer =
        archive.environment().metrics().getTimers().get(FiguresDao.class.getName() + ".records");
    assertThat(timer).as("Jdbi's timer of FiguresDao.records").isNotNull();
    return timer.getCount();
  }

  private void store(byte[] content, String name) throws Exception {
    var r =
        archive.upload(
            "records",
            admin,
            new Multipart()
                .json("metadata", "{\"agencyCode\":\"MT\",\"subject\":\"Thống kê\"}")
                .bytes("file", content, name));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    bytes += content.length;
  }

  private Map<String, Double> awaitScrape(java.util.function.Predicate<Map<String, Double>> ready)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      Map<String, Double> m = scrape();
      if (ready.test(m) || System.nanoTime() > deadline) {
        return m;
      }
      Thread.sleep(500);
    }
  }

  /** The {@code tangthu_*} samples, keyed {@code name{label=value}}. */
  private Map<String, Double> scrape() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(archive.admin("metrics")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    Map<String, Double> out = new HashMap<>();
    Matcher m = SAMPLE.matcher(r.body());
    while (m.find()) {
      String labels =
          m.group(2) == null ? "" : "{" + m.group(2).replace("\"", "").replaceAll(",$", "") + "}";
      out.put(m.group(1) + labels, Double.parseDouble(m.group(3)));
    }
    return out;
  }
}
