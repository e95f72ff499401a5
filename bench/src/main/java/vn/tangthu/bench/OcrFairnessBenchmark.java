package vn.tangthu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Whether OCR slows ordinary ingests: text documents (the vi-legal texts) ingested over HTTP with
 * the server idle, then while the server reads a long image-only PDF (its pages taken from the OCR
 * test set), then idle again; prints docs/s of each run, whether the scan was still being read at
 * the end of the middle run, and the middle run against the mean of the idle ones (goal: no more
 * than 10 % slower).
 *
 * <p>Usage: {@code OcrFairnessBenchmark <apiUrl> <token> <corpusDir> <pngDir> <scanPages> <rounds>
 * <clients>}; see {@code bench/ocr-fairness.sh}, which starts the server.
 */
public final class OcrFairnessBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OcrFairnessBenchmark() {}

  public static void main(String[] args) throws Exception {
    URI api = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
    String token = args[1];
    List<Path> texts = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of(args[2]).resolve("vi-legal"))) {
      s.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(texts::add);
    }
    Path scan = scanPdf(Path.of(args[3]), Integer.parseInt(args[4]));
    int rounds = Integer.parseInt(args[5]);
    int clients = Integer.parseInt(args[6]);
    List<Path> all = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      all.addAll(texts);
    }
    System.out.printf("text documents per run: %d; scan: %s pages%n", all.size(), args[4]);
    // warm-up: the server's JIT and its warm extraction children
    IngestBenchmark.overHttp(api, token, all, clients);
    IngestBenchmark.overHttp(api, token, all, clients);
    double idleBefore = IngestBenchmark.overHttp(api, token, all, clients);
    HttpClient http = HttpClient.newBuilder().build();
    String scanId = uploadScan(http, api, token, scan);
    double duringOcr = IngestBenchmark.overHttp(api, token, all, clients);
    JsonNode extraction = extraction(http, api, token, scanId);
    System.out.printf(
        "scan at the end of the middle run: %s, pagesDone %d of %d%n",
        extraction.get("status").asText(),
        extraction.at("/ocr/pagesDone").asInt(),
        extraction.at("/ocr/pages").asInt());
    while ("PENDING".equals(extraction.get("status").asText())) {
      Thread.sleep(1000);
      extraction = extraction(http, api, token, scanId);
    }
    double idleAfter = IngestBenchmark.overHttp(api, token, all, clients);
    double idle = (idleBefore + idleAfter) / 2;
    System.out.printf("text ingest, idle before : %8.1f docs/s%n", idleBefore);
    System.out.printf("text ingest, during OCR  : %8.1f docs/s%n", duringOcr);
    System.out.printf("text ingest, idle after  : %8.1f docs/s%n", idleAfter);
    System.out.printf(
        "during OCR / idle       : %8.2f (goal >= 0.90); scan ended %s, %s%n",
        duringOcr / idle, extraction.get("status").asText(), extraction.get("ocr"));
  }

  /** An image-only PDF of the first {@code pages} PNG pages of the set (repeated if fewer). */
  private static Path scanPdf(Path pngDir, int pages) throws IOException {
    List<Path> pngs;
    try (Stream<Path> s = Files.walk(pngDir)) {
      pngs = s.filter(f -> f.toString().endsWith(".png")).sorted().toList();
    }
    if (pngs.isEmpty()) {
      throw new IllegalArgumentException("no PNG page under " + pngDir);
    }
    Path pdf = Files.createTempFile("scan-", ".pdf");
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        BufferedImage image = ImageIO.read(pngs.get(i % pngs.size()).toFile());
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        PDImageXObject x = LosslessFactory.createFromImage(document, image);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      document.save(pdf.toFile());
    }
    pdf.toFile().deleteOnExit();
    return pdf;
  }

  private static String uploadScan(HttpClient http, URI api, String token, Path scan)
      throws Exception {
    String boundary = "b" + System.nanoTime();
    String meta = "{\"agencyCode\":\"SCAN\",\"subject\":\"Bản quét dài\"}";
    IngestBenchmark.send(
        http,
        HttpRequest.newBuilder(api.resolve("agencies"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"SCAN\",\"name\":\"Quét\"}"))
            .build());
    byte[] body =
        concat(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                    + meta
                    + "\r\n--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\""
                    + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Files.readAllBytes(scan),
            ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(api.resolve("records?wait=indexed"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofMinutes(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("scan upload: " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get("id").asText();
  }

  private static JsonNode extraction(HttpClient http, URI api, String token, String id)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(api.resolve("records/" + id))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body()).get("extraction");
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
