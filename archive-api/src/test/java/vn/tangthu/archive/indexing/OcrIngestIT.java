package vn.tangthu.archive.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;
import vn.tangthu.indexer.testing.ScannedPages;

/**
 * Scanned paper through the running application (embedded default, real Tesseract with vie and
 * eng): image-only PDFs and PNG scans become searchable by Vietnamese phrases typed without
 * diacritics, a mixed PDF gets its text layer and its scanned page, the Record reports the OCR, and
 * a decompression bomb fails alone with its reason. Skipped where Tesseract is not installed
 * ({@code .ci/run} installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OcrIngestIT {

  /** A wait for OCR to finish, not a speed bound (a page takes seconds). */
  static final Duration OCR_WAIT = Duration.ofMinutes(5);

  @TempDir static Path dataDir;
  @TempDir static Path files;
  private RunningArchive archive;
  private String admin;

  @BeforeAll
  void start() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/tesseract")),
        "needs Tesseract with vie and eng (.ci/run installs it)");
    archive = RunningArchive.start(dataDir);
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
  void anImageOnlyPdfBecomesSearchableByAPhraseTypedWithoutDiacritics() throws Exception {
    String id =
        ingest(ScannedPages.imagePdf(files.resolve("quyet-dinh.pdf")), "Quyết định quét alpha");
    assertThat(search("quet alpha")).as("searchable by metadata at once").contains(id);

    JsonNode extraction = settled(archive, admin, id);
    assertThat(extraction.get("status").asText()).isEqualTo("DONE");
    JsonNode ocr = extraction.get("ocr");
    assertThat(ocr.get("pages").asInt()).isEqualTo(1);
    assertThat(ocr.get("pagesDone").asInt()).isEqualTo(1);
    assertThat(ocr.get("engine").asText()).startsWith("tesseract 5");
    List<String> languages = new java.util.ArrayList<>();
    ocr.get("languages").forEach(l -> languages.add(l.asText()));
    assertThat(languages).containsExactly("vie", "eng");
    assertThat(ocr.get("meanConfidence").asDouble()).isBetween(50.0, 100.0);
    assertThat(search("phe duyet ke hoach chuyen doi so")).contains(id);
    assertThat(text(id)).contains("chuyển đổi số");
  }

  @Test
  void aPngScanBecomesSearchableByAPhraseTypedWithoutDiacritics() throws Exception {
    String id = ingest(ScannedPages.png(files.resolve("cong-van.png")), "Công văn quét beta");
    JsonNode extraction = settled(archive, admin, id);
    assertThat(extraction.get("status").asText()).isEqualTo("DONE");
    assertThat(extraction.at("/ocr/pagesDone").asInt()).isEqualTo(1);
    assertThat(search("luu tru ho so dien tu")).contains(id);
    assertThat(text(id)).contains("lưu trữ hồ sơ điện tử");
  }

  @Test
  void aPdfWithTextAndScannedPagesGetsBoth() throws Exception {
    String typed = "Công văn số 15/SNV-VP gửi các phòng ban về lịch trực Tết Nguyên đán năm 2025.";
    String id =
        ingest(
            ScannedPages.mixedPdf(files.resolve("hon-hop.pdf"), typed, "Ký bởi: Sở Nội vụ"),
            "Hồ sơ hỗn hợp gamma");
    assertThat(search("lich truc tet nguyen dan")).as("the text layer at once").contains(id);

    JsonNode extraction = settled(archive, admin, id);
    assertThat(extraction.get("status").asText()).isEqualTo("DONE");
    assertThat(extraction.at("/ocr/pages").asInt()).isEqualTo(2);
    assertThat(extraction.at("/ocr/pagesDone").asInt()).isEqualTo(2);
    assertThat(search("lich truc tet nguyen dan")).contains(id);
    assertThat(search("don doc viec luu tru")).as("the scanned page").contains(id);
    assertThat(text(id)).contains("lịch trực Tết").contains("đôn đốc");
  }

  @Test
  void aDecompressionBombFailsAloneWithItsReasonAndTheNextScanIsRead() throws Exception {
    String bomb =
        ingest(
            ScannedPages.bombPng(files.resolve("bom.png"), 100_000, 100_000, true),
            "Ảnh độc hại delta");
    String next = ingest(ScannedPages.png(files.resolve("sau-bom.png")), "Ảnh sau epsilon");

    JsonNode failed = settled(archive, admin, bomb);
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("reason").asText()).containsAnyOf("too large", "decompression bomb");
    HttpResponse<String> bombText = archive.get("records/" + bomb + "/text", admin);
    assertThat(bombText.statusCode()).isEqualTo(409);
    assertThat(RunningArchive.json(bombText).get("code").asText()).isEqualTo("EXTRACTION_FAILED");

    assertThat(settled(archive, admin, next).get("status").asText()).isEqualTo("DONE");
    assertThat(search("uy ban nhan dan cap huyen")).contains(next);
  }

  @Test
  void anOrdinaryTextDocumentIsDoneWithoutOcr() throws Exception {
    String id =
        ingest(ScannedPages.textPdf(files.resolve("van-ban.pdf"), 2), "Văn bản điện tử zeta");
    JsonNode extraction = settled(archive, admin, id);
    assertThat(extraction.get("status").asText()).isEqualTo("DONE");
    assertThat(extraction.has("ocr")).as("no OCR for pages with text").isFalse();
  }

  private String ingest(Path file, String subject) throws Exception {
    String metadata =
        "{\"agencyCode\":\"BN\",\"subject\":\""
            + subject
            + "\",\"typeName\":\"Công văn\",\"confidence\":\"DIGITIZED\"}";
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

  private String text(String id) throws Exception {
    HttpResponse<String> r = archive.get("records/" + id + "/text", admin);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /**
   * Waits until the record's extraction is no longer PENDING and the index has taken its text;
   * returns its {@code extraction}.
   */
  static JsonNode settled(RunningArchive archive, String token, String id) throws Exception {
    long deadline = System.nanoTime() + OCR_WAIT.toNanos();
    JsonNode extraction;
    while (true) {
      extraction = RunningArchive.json(archive.get("records/" + id, token)).get("extraction");
      if (!"PENDING".equals(extraction.get("status").asText())) {
        break;
      }
      assertThat(extraction.at("/ocr/pagesDone").asInt())
          .as("pages done while PENDING")
          .isLessThanOrEqualTo(Math.max(1, extraction.at("/ocr/pages").asInt()));
      assertThat(System.nanoTime()).as("OCR of " + id + " finished").isLessThan(deadline);
      Thread.sleep(200);
    }
    long head =
        archive
            .wiring()
            .jdbi()
            .withExtension(vn.tangthu.archive.outbox.OutboxDao.class, d -> d.head());
    assertThat(archive.wiring().worker().awaitApplied(head, OCR_WAIT)).isTrue();
    return extraction;
  }
}
