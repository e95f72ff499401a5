package vn.tangthu.archive.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.outbox.OutboxDao;
import vn.tangthu.archive.support.Corpus;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * The 57 edge cases of the format corpus (encrypted, truncated, recursive and zip-bomb-like files)
 * through the HTTP API of the embedded default with the test JVM's default heap: each upload is
 * accepted (201), extraction ends DONE (with its text readable) or FAILED with a reason, and
 * searches keep answering while the hostile files are being extracted. ({@code EndToEndIT} does the
 * same for the other 175 files, and finds and downloads them.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BombsResponsivenessIT {

  /** Generous: the point is that search is not blocked behind extraction, not its speed. */
  private static final Duration SEARCH_BOUND = Duration.ofSeconds(10);

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private String admin;

  @BeforeAll
  void start() throws Exception {
    archive =
        RunningArchive.start(
            dataDir,
            // scans among the files are marked NEEDS_OCR at once instead of read (OcrIngestIT)
            io.dropwizard.testing.ConfigOverride.config(
                "index.ocr.tesseractPath", "/nonexistent/bin/tesseract"));
    admin = archive.adminToken();
    HttpResponse<String> r =
        archive.postJson("agencies", admin, "{\"code\":\"BN\",\"name\":\"UBND tỉnh Bắc Ninh\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    archive.close();
  }

  @Test
  void everyFormatFileEndsDoneOrFailedWithReasonWhileSearchAnswers() throws Exception {
    // The edge cases (bombs, corrupt, encrypted, huge); EndToEndIT ingests the other 175 files of
    // formats/ and checks the same settled states for them.
    List<Path> files = new ArrayList<>(Corpus.formats(true));
    assertThat(files).hasSize(232 - Corpus.formats(false).size()).isNotEmpty();
    Searcher searcher = new Searcher();
    Thread searching = new Thread(searcher, "searcher");
    searching.start();
    Map<Path, String> ids = new LinkedHashMap<>();
    try {
      for (Path f : files) {
        HttpResponse<String> r =
            archive.upload(
                "records", admin, new Multipart().json("metadata", metadata(f)).file("file", f));
        assertThat(r.statusCode()).as(f + ": " + r.body()).isEqualTo(201);
        ids.put(f, RunningArchive.json(r).get("id").asText());
      }
      assertThat(archive.awaitExtractions(Duration.ofMinutes(15)))
          .as("every file extracted and indexed")
          .isTrue();
    } finally {
      searcher.stop.set(true);
      searching.join();
    }
    assertThat(searcher.failures).as("search failures").isEmpty();
    assertThat(searcher.duringExtraction)
        .as("searches answered while extraction was behind the change log")
        .isGreaterThan(0);
    assertThat(searcher.slowest).as("slowest search").isLessThan(SEARCH_BOUND);
    System.out.printf(
        "searches while extracting: %d, slowest %d ms%n",
        searcher.duringExtraction, searcher.slowest.toMillis());
    assertEveryExtractionSettled(ids);
  }

  private void assertEveryExtractionSettled(Map<Path, String> ids) throws Exception {
    int done = 0;
    List<String> failed = new ArrayList<>();
    for (var e : ids.entrySet()) {
      JsonNode rec = RunningArchive.json(archive.get("records/" + e.getValue(), admin));
      String status = rec.at("/extraction/status").asText();
      assertThat(status).as(e.getKey().toString()).isIn("DONE", "FAILED", "NEEDS_OCR");
      if (status.equals("FAILED")) {
        assertThat(rec.at("/extraction/reason").asText())
            .as("reason of " + e.getKey())
            .isNotBlank();
        failed.add(e.getKey().getFileName() + ": " + rec.at("/extraction/reason").asText());
      } else {
        HttpResponse<String> text = archive.get("records/" + e.getValue() + "/text", admin);
        assertThat(text.statusCode()).as("text of " + e.getKey()).isEqualTo(200);
        done++;
      }
    }
    System.out.printf("extraction DONE: %d, FAILED: %d%n", done, failed.size());
    failed.forEach(f -> System.out.println("  FAILED " + f));
    assertThat(done).as("files with text").isGreaterThan(ids.size() / 2);
  }

  /** Searches in a loop, noting failures, the slowest answer and those made during extraction. */
  private final class Searcher implements Runnable {
    final AtomicBoolean stop = new AtomicBoolean();
    final List<String> failures = new CopyOnWriteArrayList<>();
    volatile Duration slowest = Duration.ZERO;
    volatile int duringExtraction;

    @Override
    public void run() {
      String[] queries = {"tài liệu", "tai lieu", "\"Tài liệu\" test", "pdf"};
      int i = 0;
      while (!stop.get()) {
        String q = queries[i++ % queries.length];
        try {
          long head = archive.wiring().jdbi().withExtension(OutboxDao.class, OutboxDao::head);
          boolean behind = archive.wiring().worker().applied() < head;
          long start = System.nanoTime();
          HttpResponse<String> r =
              archive.get("search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), admin);
          Duration took = Duration.ofNanos(System.nanoTime() - start);
          if (r.statusCode() != 200) {
            failures.add(q + " -> " + r.statusCode() + " " + r.body());
          }
          if (took.compareTo(slowest) > 0) {
            slowest = took;
          }
          if (behind && archive.wiring().worker().applied() < head) {
            duringExtraction++;
          }
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (Exception e) {
          failures.add(q + " -> " + e);
        }
      }
    }
  }

  private static String metadata(Path f) {
    return "{\"agencyCode\":\"BN\",\"subject\":\"Tài liệu "
        + f.getFileName().toString().replace("\"", "")
        + "\",\"typeName\":\"Tài liệu\",\"accessLevel\":\"INTERNAL\"}";
  }
}
