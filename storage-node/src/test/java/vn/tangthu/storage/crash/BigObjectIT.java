package vn.tangthu.storage.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Opt-in ({@code -Pbig-object}): a 5 GiB object (override with {@code -Dbig.gib=N}) streams in and
 * out of a standalone node running with {@code -Xmx128m}; prints the throughput.
 */
class BigObjectIT {
  @Test
  void fiveGibThroughSmallHeap() throws Exception {
    long size = Long.getLong("big.gib", 5) * 1024 * 1024 * 1024;
    Path dir = Files.createTempDirectory("big-data");
    Path log = Files.createTempFile("big-node", ".log");
    try (StandaloneNode node = StandaloneNode.start(dir, StandaloneNode.freePort(), "128m", log)) {
      MinioClient client =
          MinioClient.builder()
              .endpoint(node.endpoint.toString())
              .credentials(StandaloneNode.ACCESS, StandaloneNode.SECRET)
              .region("us-east-1")
              .build();
      client.makeBucket(MakeBucketArgs.builder().bucket("big").build());
      vn.tangthu.storage.RawS3Access raw =
          new vn.tangthu.storage.RawS3Access(
              node.endpoint, StandaloneNode.ACCESS, StandaloneNode.SECRET);
      Map<String, String> headers =
          raw.signedHeaders(
              "PUT",
              "/big/object",
              Map.of("content-length", Long.toString(size)),
              "UNSIGNED-PAYLOAD");
      HttpURLConnection put =
          (HttpURLConnection) URI.create(node.endpoint + "/big/object").toURL().openConnection();
      put.setRequestMethod("PUT");
      put.setDoOutput(true);
      put.setFixedLengthStreamingMode(size);
      headers.forEach(
          (k, v) -> {
            if (!k.equals("host") && !k.equals("content-length")) {
              put.setRequestProperty(k, v);
            }
          });
      MessageDigest sent = MessageDigest.getInstance("SHA-256");
      byte[] block = new byte[1024 * 1024];
      new Random(5).nextBytes(block);
      long t0 = System.nanoTime();
      try (OutputStream out = put.getOutputStream()) {
        for (long written = 0; written < size; ) {
          block[(int) (written / block.length % block.length)]++;
          int n = (int) Math.min(block.length, size - written);
          sent.update(block, 0, n);
          out.write(block, 0, n);
          written += n;
        }
      }
      assertThat(put.getResponseCode()).isEqualTo(200);
      double putSeconds = (System.nanoTime() - t0) / 1e9;
      Map<String, String> getHeaders =
          raw.signedHeaders(
              "GET", "/big/object", Map.of(), vn.tangthu.storage.RawS3Access.EMPTY_SHA);
      HttpURLConnection get =
          (HttpURLConnection) URI.create(node.endpoint + "/big/object").toURL().openConnection();
      getHeaders.forEach(
          (k, v) -> {
            if (!k.equals("host")) {
              get.setRequestProperty(k, v);
            }
          });
      MessageDigest received = MessageDigest.getInstance("SHA-256");
      long t1 = System.nanoTime();
      long total = 0;
      try (InputStream in = get.getInputStream()) {
        byte[] buf = new byte[1024 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
          received.update(buf, 0, n);
          total += n;
        }
      }
      double getSeconds = (System.nanoTime() - t1) / 1e9;
      assertThat(total).isEqualTo(size);
      assertThat(HexFormat.of().formatHex(received.digest()))
          .isEqualTo(HexFormat.of().formatHex(sent.digest()));
      System.out.printf(
          "big object: %d MiB, PUT %.1f MiB/s, GET %.1f MiB/s (node -Xmx128m)%n",
          size >> 20, (size >> 20) / putSeconds, (size >> 20) / getSeconds);
    } finally {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
