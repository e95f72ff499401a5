package vn.tangthu.bench.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.tangthu.bench.IngestBenchmark;
import vn.tangthu.child.ForkSettings;
import vn.tangthu.indexer.extract.ExtractionLimits;
import vn.tangthu.indexer.extract.ExtractionResult;
import vn.tangthu.indexer.extract.ForkedTextExtractor;
import vn.tangthu.indexer.search.SearchIndex;
import vn.tangthu.intake.IntakeItem;
import vn.tangthu.intake.IntakeOptions;
import vn.tangthu.intake.ItemFile;
import vn.tangthu.intake.PackageReader;
import vn.tangthu.intake.ReadyItem;

/**
 * Import throughput through the API (documents per second from {@code POST /imports} until the last
 * record is searchable) next to the in-process floor measured in the same run over the same
 * package: the same package reader, the server's extraction set-up (warm forked Tika, one per core)
 * and Lucene indexing of every document (records and their attachments), without HTTP, S3 or
 * database.
 *
 * <p>Usage: {@code ImportBenchmark <apiUrl> <token> <package> <agencies.tsv>}; see {@code
 * bench/import.sh}, which generates the package and starts the server.
 */
public final class ImportBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    URI api = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
    String token = args[1];
    Path pkg = Path.of(args[2]);
    Path agencies = Path.of(args[3]);
    System.out.printf("package: %s, %.1f MiB%n", pkg.getFileName(), Files.size(pkg) / 1048576.0);
    long[] documents = new long[1];
    double floor = floor(pkg, documents);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    createAgencies(http, api, token, agencies);
    double seconds = overHttp(http, api, token, pkg);
    double viaApi = documents[0] / seconds;
    System.out.printf("documents        : %8d (records and attachments)%n", documents[0]);
    System.out.printf("in-process floor : %8.1f docs/s%n", floor);
    System.out.printf("import (API)     : %8.1f docs/s%n", viaApi);
    System.out.printf("ratio            : %8.2f (goal >= 0.80)%n", viaApi / floor);
  }

  /** Reads, extracts and indexes every document of the package in this JVM; docs/s. */
  static double floor(Path pkg, long[] documents) throws Exception {
    Path dir = Files.createTempDirectory("bench-import-floor");
    Path spool = Files.createTempDirectory("bench-import-spool");
    int threads = Runtime.getRuntime().availableProcessors();
    try (ForkedTextExtractor extractor =
            new ForkedTextExtractor(
                ExtractionLimits.DEFAULT, ForkSettings.fromThisJvm(threads, 512));
        SearchIndex index = SearchIndex.open(dir);
        FileChannel channel = FileChannel.open(pkg, StandardOpenOption.READ);
        PackageReader reader = PackageReader.open(channel, IntakeOptions.of(spool))) {
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<Integer>> items = new ArrayList<>();
      for (int i = 0; i < reader.size(); i++) {
        int n = i;
        items.add(pool.submit(() -> item(reader, n, extractor, index, spool)));
      }
      long count = 0;
      for (Future<Integer> f : items) {
        count += f.get();
      }
      index.commit(count);
      index.refresh();
      pool.shutdown();
      documents[0] = count;
      return count / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static int item(
      PackageReader reader, int n, ForkedTextExtractor extractor, SearchIndex index, Path dir)
      throws Exception {
    try (IntakeItem item = reader.read(n)) {
      if (!(item instanceof ReadyItem ready)) {
        throw new IllegalStateException("item " + n + " does not read: " + item);
      }
      List<ItemFile> files = new ArrayList<>(List.of(ready.file()));
      files.addAll(ready.attachments());
      for (ItemFile f : files) {
        Path copy = Files.createTempFile(dir, "doc-", ".bin");
        try (InputStream in = f.open()) {
          Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          extractor.detectMediaType(copy, f.name());
          ExtractionResult r = extractor.extract(copy, f.name());
          synchronized (index) {
            index.upsert(IngestBenchmark.document(UUID.randomUUID().toString(), copy, r.text()));
          }
        } finally {
          Files.deleteIfExists(copy);
        }
      }
      return files.size();
    }
  }

  static void createAgencies(HttpClient http, URI api, String token, Path tsv) throws Exception {
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] c = line.split("\t", -1);
      String body =
          JSON.writeValueAsString(
                  java.util.Map.of(
                      "code", c[0], "name", c[2], "edxmlOrganId", c[3], "parentCode", c[1]))
              .replace(",\"parentCode\":\"\"", "")
              .replace("\"parentCode\":\"\",", "");
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(api.resolve("agencies"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 201 && r.statusCode() != 409) {
        throw new IllegalStateException("agency " + c[0] + ": " + r.statusCode() + " " + r.body());
      }
    }
  }

  /** Seconds from sending the package until its last record is searchable. */
  static double overHttp(HttpClient http, URI api, String token, Path pkg) throws Exception {
    String boundary = "b" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"package\"; filename=\""
                + pkg.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    long start = System.nanoTime();
    HttpResponse<String> posted =
        http.send(
            HttpRequest.newBuilder(api.resolve("imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> {
                          try {
                            return new java.io.SequenceInputStream(
                                java.util.Collections.enumeration(
                                    List.<InputStream>of(
                                        new java.io.ByteArrayInputStream(head),
                                        Files.newInputStream(pkg),
                                        new java.io.ByteArrayInputStream(tail))));
                          } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                          }
                        }))
                .timeout(Duration.ofMinutes(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (posted.statusCode() != 202) {
      throw new IllegalStateException("POST /imports: " + posted.statusCode() + posted.body());
    }
    String id = JSON.readTree(posted.body()).get("id").asText();
    JsonNode job;
    while (true) {
      job =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(api.resolve("imports/" + id))
                          .header("Authorization", "Bearer " + token)
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      String status = job.get("status").asText();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        break;
      }
      Thread.sleep(250);
    }
    // one record that waits until it is searchable: the change log is applied in order, so when
    // it is searchable every imported record is too
    Path last = Files.createTempFile("bench-last", ".txt");
    Files.writeString(last, "Văn bản cuối của lần đo nhập lô " + id);
    IngestBenchmark.upload(http, api, token, "BN", last, true);
    Files.delete(last);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("import job       : %s %s%n", job.get("status").asText(), job.get("counts"));
    if (!job.get("status").asText().equals("DONE")
        || job.get("counts").get("imported").asInt() != job.get("counts").get("total").asInt()) {
      throw new IllegalStateException("the import did not store every item: " + job);
    }
    return seconds;
  }
}
