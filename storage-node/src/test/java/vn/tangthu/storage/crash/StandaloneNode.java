package vn.tangthu.storage.crash;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A storage node in its own JVM ({@link vn.tangthu.storage.StorageNodeMain}), killable with -9. */
final class StandaloneNode implements AutoCloseable {
  static final String ACCESS = "crash-key";
  static final String SECRET = "crash-secret-1";

  private final Process process;
  final URI endpoint;

  private StandaloneNode(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static StandaloneNode start(Path dataDir, int port, String maxHeap, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                java,
                "-Xmx" + maxHeap,
                "-cp",
                System.getProperty("java.class.path"),
                "vn.tangthu.storage.StorageNodeMain"));
    Map<String, String> env = pb.environment();
    env.put("STORAGE_DATA_DIR", dataDir.toString());
    env.put("STORAGE_PORT", Integer.toString(port));
    env.put("STORAGE_HOST", "127.0.0.1");
    env.put("STORAGE_ACCESS_KEY", ACCESS);
    env.put("STORAGE_SECRET_KEY", SECRET);
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process p = pb.start();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("node exited with " + p.exitValue() + ", see " + log);
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection) endpoint.resolve("/health").toURL().openConnection();
        c.setConnectTimeout(500);
        if (c.getResponseCode() == 200) {
          return new StandaloneNode(p, endpoint);
        }
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("node did not become healthy, see " + log);
  }

  /** SIGKILL: no shutdown hook, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }
}
