package vn.tangthu.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** close() lets an upload that is already streaming finish and makes it durable. */
class GracefulShutdownTest {
  private static final Credentials C = new Credentials("graceful", "graceful-secret");

  @Test
  void inFlightUploadCompletesDuringClose() throws Exception {
    Path dir = Files.createTempDirectory("graceful");
    byte[] data = new byte[2 * 1024 * 1024];
    new Random(3).nextBytes(data);
    StorageNode node = StorageNode.start(StorageNodeConfig.loopback(dir, 0, C));
    RawS3 raw = new RawS3(node.endpoint(), C.accessKey(), C.secretKey());
    assertThat(raw.send("PUT", "/graceful", null, Map.of(), new byte[0], null).statusCode())
        .isEqualTo(200);
    RawS3.Signed s =
        raw.sign(
            "PUT",
            "/graceful/slow",
            null,
            Map.of("content-length", Integer.toString(data.length)),
            "UNSIGNED-PAYLOAD");
    CompletableFuture<Void> closing;
    String response;
    try (Socket socket = new Socket(node.endpoint().getHost(), node.endpoint().getPort())) {
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder("PUT /graceful/slow HTTP/1.1\r\n");
      s.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(data, 0, data.length / 2);
      out.flush();
      Thread.sleep(300);
      closing = CompletableFuture.runAsync(node::close);
      Thread.sleep(500);
      assertThat(closing).isNotDone();
      out.write(data, data.length / 2, data.length - data.length / 2);
      out.flush();
      InputStream in = socket.getInputStream();
      response = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
    }
    assertThat(response).isEqualTo("HTTP/1.1 200");
    closing.get();
    try (StorageNode again = StorageNode.start(StorageNodeConfig.loopback(dir, 0, C))) {
      RawS3 raw2 = new RawS3(again.endpoint(), C.accessKey(), C.secretKey());
      assertThat(raw2.send("GET", "/graceful/slow", null, Map.of(), null, RawS3.EMPTY_SHA).body())
          .isEqualTo(data);
    }
  }
}
