package vn.tangthu.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.tangthu.child.ForkSettings;
import vn.tangthu.indexer.extract.ExtractionLimits;
import vn.tangthu.indexer.extract.ExtractionResult;
import vn.tangthu.indexer.extract.ForkedTextExtractor;
import vn.tangthu.indexer.search.IndexDocument;
import vn.tangthu.indexer.search.SearchIndex;

/**
 * Ingest throughput end to end over HTTP (documents per second, counted when the last one is
 * searchable) against a running server, next to the in-process floor measured in the same run: the
 * same extraction set-up and Lucene indexing of the same files, without HTTP, S3 or database.
 *
 * <p>Usage: {@code IngestBenchmark <apiUrl> <token> <corpusDir> <rounds> <clients>}; see {@code
 * bench/ingest.sh}, which starts the server.
 */
public final class IngestBenchmark {

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    URI api = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
    String token = args[1];
    List<Path> files = BenchFiles.load(Path.of(args[2]));
    int rounds = Integer.parseInt(args[3]);
    int clients = Integer.parseInt(args[4]);
    List<Path> all = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      all.addAll(files);
    }
    long bytes = 0;
    for (Path f : all) {
      bytes += Files.size(f);
    }
    System.out.printf(
        "documents: %d (%d files x %d rounds), %.1f MiB%n",
        all.size(), files.size(), rounds, bytes / 1048576.0);

    double floor = floor(all);
    double http = overHttp(api, token, all, clients);
    System.out.printf("in-process floor : %8.1f docs/s%n", floor);
    System.out.printf("end to end (HTTP): %8.1f docs/s (%d clients)%n", http, clients);
    System.out.printf("ratio            : %8.2f (goal >= 0.80)%n", http / floor);
  }

  static double floor(List<Path> files) throws Exception {
    Path dir = Files.createTempDirectory("bench-floor");
    int threads = Runtime.getRuntime().availableProcessors();
    // the server's default set-up: warm child JVMs, one per core, 512 MB each
    try (ForkedTextExtractor extractor =
            new ForkedTextExtractor(
                ExtractionLimits.DEFAULT, ForkSettings.fromThisJvm(threads, 512));
        SearchIndex index = SearchIndex.open(dir)) {
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<ExtractionResult>> results = new ArrayList<>();
      for (Path f : files) {
        results.add(
            pool.submit(
                () -> {
                  extractor.detectMediaType(f, f.getFileName().toString());
                  return extractor.extract(f, f.getFileName().toString());
                }));
      }
      for (int i = 0; i < files.size(); i++) {
        ExtractionResult r = results.get(i).get();
        index.upsert(document(UUID.randomUUID().toString(), files.get(i), r.text()));
      }
      index.commit(files.size());
      index.refresh();
      pool.shutdown();
      return files.size() / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** The index document the floor stores for {@code f} (also the import benchmark's floor). */
  public static IndexDocument document(String id, Path f, String text) {
    return new IndexDocument(
        id,
        "BENCH",
        List.of("BENCH"),
        "INTERNAL",
        List.of(),
        "Tài liệu " + f.getFileName(),
        "Tài liệu",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        text,
        "NOT_SIGNED",
        null,
        "ACTIVE",
        java.time.Instant.now());
  }

  static double overHttp(URI api, String token, List<Path> files, int clients) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String agency = "BENCH" + System.nanoTime() % 100000;
    send(
        http,
        HttpRequest.newBuilder(api.resolve("agencies"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"code\":\"" + agency + "\",\"name\":\"Benchmark\"}"))
            .build());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(
          pool.submit(
              () -> {
                for (int i; (i = next.getAndIncrement()) < files.size(); ) {
                  upload(http, api, token, agency, files.get(i), false);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    // one more upload that waits until it is searchable: the log is applied in order,
    // so when it is searchable every earlier document is too
    upload(http, api, token, agency, files.get(0), true);
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return (files.size() + 1) / seconds;
  }

  /** Stores {@code f} for {@code agency}; with {@code wait}, answered once it is searchable. */
  public static void upload(
      HttpClient http, URI api, String token, String agency, Path f, boolean wait) {
    String boundary = "b" + UUID.randomUUID();
    String meta =
        "{\"agencyCode\":\"" + agency + "\",\"subject\":\"Tài liệu " + f.getFileName() + "\"}";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                + meta
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    HttpRequest r =
        HttpRequest.newBuilder(api.resolve("records" + (wait ? "?wait=indexed" : "")))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> {
                      try {
                        return new SequenceInputStream(
                            Collections.enumeration(
                                List.<InputStream>of(
                                    new ByteArrayInputStream(head),
                                    Files.newInputStream(f),
                                    new ByteArrayInputStream(tail))));
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    }))
            .timeout(Duration.ofMinutes(5))
            .build();
    send(http, r);
  }

  static void send(HttpClient http, HttpRequest r) {
    try {
      HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() >= 300) {
        throw new IllegalStateException(r.uri() + " -> " + resp.statusCode() + " " + resp.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
