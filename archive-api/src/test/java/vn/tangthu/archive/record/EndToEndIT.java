package vn.tangthu.archive.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.tangthu.archive.maintenance.OfflineArchive;
import vn.tangthu.archive.maintenance.Reindexer;
import vn.tangthu.archive.support.Corpus;
import vn.tangthu.archive.support.Multipart;
import vn.tangthu.archive.support.RunningArchive;

/**
 * The archive end to end on the real embedded default: ingest the Vietnamese legal corpus and the
 * ordinary files of the format corpus over HTTP, find each by a sentence of its text, download it
 * bit-exact, restart on the same data directory and do it again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

  private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

  @TempDir static Path dataDir;
  private RunningArchive archive;
  private String admin;
  private final Map<Path, String> ids = new LinkedHashMap<>();

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
  @Order(1)
  void ingestsEveryCorpusFile() throws Exception {
    List<Path> files = new ArrayList<>(Corpus.viLegal());
    files.addAll(Corpus.formats(false));
    for (Path f : files) {
      HttpResponse<String> r =
          archive.upload(
              "records", admin, new Multipart().json("metadata", metadata(f)).file("file", f));
      assertThat(r.statusCode()).as(f + ": " + r.body()).isEqualTo(201);
      JsonNode rec = RunningArchive.json(r);
      assertThat(rec.get("sha256").asText()).isEqualTo(sha256(f));
      assertThat(rec.get("size").asLong()).isEqualTo(Files.size(f));
      assertThat(r.headers().firstValue("Location")).isPresent();
      ids.put(f, rec.get("id").asText());
    }
    awaitIndexed();
    assertThat(ids).hasSize(files.size());
    for (var e : ids.entrySet()) {
      JsonNode rec = RunningArchive.json(archive.get("records/" + e.getValue(), admin));
      assertThat(rec.at("/extraction/status").asText())
          .as(e.getKey().toString())
          .isIn("DONE", "FAILED", "NEEDS_OCR");
      if (rec.at("/extraction/status").asText().equals("FAILED")) {
        assertThat(rec.at("/extraction/reason").asText()).as(e.getKey() + " reason").isNotBlank();
      }
    }
  }

  @Test
  @Order(2)
  void findsEachDocumentBySentenceOfItsText() throws Exception {
    int searched = assertFindable();
    assertThat(searched).as("documents with a searchable sentence").isGreaterThanOrEqualTo(140);
  }

  @Test
  @Order(3)
  void downloadsAreBitExact() throws Exception {
    for (var e : ids.entrySet()) {
      assertThat(downloadSha256(e.getValue()))
          .as(e.getKey().toString())
          .isEqualTo(sha256(e.getKey()));
    }
  }

  @Test
  @Order(4)
  void restartKeepsRecordsIndexAndBytes() throws Exception {
    archive.restart();
    assertThat(archive.adminToken()).isEqualTo(admin);
    awaitIndexed();
    assertFindable();
    for (var e : ids.entrySet()) {
      assertThat(downloadSha256(e.getValue())).isEqualTo(sha256(e.getKey()));
    }
  }

  @Test
  @Order(5)
  void offlineReindexRebuildsTheIndexWithoutTika() throws Exception {
    assertThatThrownBy(() -> new OfflineArchive(archive.configuration()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in use");
    long[] indexed = new long[1];
    archive.whileStopped(
        config -> {
          try (OfflineArchive offline = new OfflineArchive(config)) {
            var access =
                new vn.tangthu.archive.access.AccessPolicy(
                    new vn.tangthu.archive.agency.AgencyDirectory(
                        offline.jdbi(), java.time.Clock.systemUTC()),
                    (id, user) -> false);
            indexed[0] =
                new Reindexer(
                        offline.jdbi(),
                        offline.store(),
                        offline.storage().derivedBucket(),
                        new vn.tangthu.archive.indexing.IndexDocuments(access),
                        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .rebuild(offline.dataDir().root().resolve(config.getIndex().directory()));
          }
        });
    assertThat(indexed[0]).isEqualTo(ids.size());
    awaitIndexed();
    assertFindable();
  }

  /** Waits until the index has applied the whole change log (extraction can take minutes). */
  private void awaitIndexed() throws Exception {
    long head =
        archive
            .wiring()
            .jdbi()
            .withExtension(vn.tangthu.archive.outbox.OutboxDao.class, d -> d.head());
    assertThat(archive.awaitExtractions(java.time.Duration.ofMinutes(10)))
        .as("index caught up with position " + head)
        .isTrue();
  }

  private int assertFindable() throws Exception {
    int searched = 0;
    for (var e : ids.entrySet()) {
      HttpResponse<String> rec = archive.get("records/" + e.getValue(), admin);
      String extraction = RunningArchive.json(rec).at("/extraction/status").asText();
      assertThat(extraction).as(e.getKey().toString()).isIn("DONE", "FAILED", "NEEDS_OCR");
      HttpResponse<String> text = archive.get("records/" + e.getValue() + "/text", admin);
      if (extraction.equals("FAILED")) {
        assertThat(text.statusCode()).as(text.body()).isEqualTo(409);
        assertThat(RunningArchive.json(text).get("code").asText()).isEqualTo("EXTRACTION_FAILED");
        continue;
      }
      assertThat(text.statusCode()).isEqualTo(200);
      String sentence = sentence(text.body());
      if (sentence == null) {
        continue;
      }
      searched++;
      assertThat(searchFinds(sentence, e.getValue()))
          .as("'" + sentence + "' finds " + e.getKey())
          .isTrue();
    }
    return searched;
  }

  private boolean searchFinds(String q, String id) throws Exception {
    String cursor = null;
    for (int page = 0; page < 20; page++) {
      String url =
          "search?size=100&q="
              + URLEncoder.encode(q, StandardCharsets.UTF_8)
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      HttpResponse<String> r = archive.get(url, admin);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode body = RunningArchive.json(r);
      for (JsonNode hit : body.get("hits")) {
        if (hit.get("id").asText().equals(id)) {
          return true;
        }
      }
      if (body.get("nextCursor") == null || body.get("nextCursor").isNull()) {
        return false;
      }
      cursor = body.get("nextCursor").asText();
    }
    return false;
  }

  /**
   * Six consecutive words from the middle of the text, or null when it has too few: a word is a
   * whitespace-separated run of letters, optionally followed by punctuation, as a clerk would type
   * it (tokens such as {@code GMapTool.exe} or {@code 12/2020} are skipped).
   */
  static String sentence(String text) {
    List<String> words = new ArrayList<>();
    List<String> run = new ArrayList<>();
    List<String> best = List.of();
    String[] tokens = text.split("\\s+");
    int middle = tokens.length / 2;
    for (int i = 0; i < tokens.length; i++) {
      String w = tokens[i].replaceAll("[\\p{P}]+$", "").replaceAll("^[\\p{P}]+", "");
      if (WORD.matcher(w).matches()) {
        run.add(w);
        if (run.size() == 6) {
          if (best.isEmpty() || i <= middle + 6) {
            best = List.copyOf(run);
          }
          run.remove(0);
        }
      } else {
        run.clear();
      }
      if (!best.isEmpty() && i > middle) {
        break;
      }
    }
    words.addAll(best);
    return words.size() < 6 ? null : String.join(" ", words);
  }

  private String downloadSha256(String id) throws Exception {
    HttpResponse<InputStream> r = archive.download("records/" + id + "/content", admin);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("ETag")).isPresent();
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(r.body(), d)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    String sha = HexFormat.of().formatHex(d.digest());
    assertThat(r.headers().firstValue("ETag")).contains("\"" + sha + "\"");
    return sha;
  }

  static String sha256(Path f) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  private static String metadata(Path f) {
    String name = f.getFileName().toString();
    return "{\"agencyCode\":\"BN\",\"subject\":\"Tài liệu "
        + name.replace("\"", "")
        + "\",\"typeName\":\"Tài liệu\",\"accessLevel\":\"INTERNAL\"}";
  }
}
