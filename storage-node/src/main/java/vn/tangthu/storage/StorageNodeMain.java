package vn.tangthu.storage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import vn.tangthu.storage.internal.store.Scrubber;

/**
 * Standalone entry point.
 *
 * <ul>
 *   <li>{@code java -jar storage-node.jar}: serves S3 with {@code STORAGE_DATA_DIR} (default {@code
 *       ./storage-data}), {@code STORAGE_HOST} (interface to bind, default {@code 127.0.0.1}:
 *       loopback only; {@code 0.0.0.0} binds every interface), {@code STORAGE_PORT} (9000), {@code
 *       STORAGE_ACCESS_KEY} and {@code STORAGE_SECRET_KEY} (required), {@code STORAGE_REGION}
 *       (us-east-1), {@code STORAGE_MULTIPART_EXPIRY} (ISO-8601 duration after which incomplete
 *       multipart uploads are aborted, default {@code P7D}).
 *   <li>{@code java -jar storage-node.jar scrub <dataDir>}: verifies every stored version against
 *       its SHA-256; exit status 0 when clean, 1 when corrupt objects were found.
 * </ul>
 */
public final class StorageNodeMain {
  /** The interface bound when {@code STORAGE_HOST} is not set: loopback only. */
  static final String DEFAULT_HOST = "127.0.0.1";

  private StorageNodeMain() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      // quiet defaults for the standalone jar (logback would otherwise log everything at DEBUG)
      System.setProperty("logback.configurationFile", "vn/tangthu/storage/standalone-logback.xml");
    }
    int status = run(args, System.getenv(), System.out, System.err);
    if (status >= 0) {
      System.exit(status);
    }
  }

  /**
   * The configuration the environment describes.
   *
   * @throws IllegalArgumentException when a variable is missing or invalid (the message says which)
   */
  static StorageNodeConfig config(Map<String, String> env) {
    String access = env.get("STORAGE_ACCESS_KEY");
    String secret = env.get("STORAGE_SECRET_KEY");
    if (access == null || access.isBlank() || secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(
          "STORAGE_ACCESS_KEY and STORAGE_SECRET_KEY must be set (secret: at least 8 characters); refusing to start");
    }
    try {
      Credentials credentials = new Credentials(access, secret);
      int port = Integer.parseInt(env.getOrDefault("STORAGE_PORT", "9000"));
      String age = env.get("STORAGE_MULTIPART_EXPIRY");
      java.time.Duration uploadAge =
          age == null || age.isBlank() ? null : java.time.Duration.parse(age);
      return new StorageNodeConfig(
          Path.of(env.getOrDefault("STORAGE_DATA_DIR", "./storage-data")),
          env.getOrDefault("STORAGE_HOST", DEFAULT_HOST),
          port,
          List.of(credentials),
          env.get("STORAGE_REGION"),
          uploadAge);
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("invalid configuration: " + e.getMessage(), e);
    }
  }

  /** The line logged once the node listens: the address it is bound to, as bound. */
  static String listening(StorageNodeConfig config, int port) {
    String host = config.host();
    String shown = host.contains(":") ? "[" + host + "]" : host;
    boolean every = host.equals("0.0.0.0") || host.equals("::");
    return "storage node listening on http://"
        + shown
        + ":"
        + port
        + (every ? " (every interface)" : "")
        + " (data "
        + config.dataDir().toAbsolutePath()
        + ")";
  }

  /** Runs the command; returns an exit status, or -1 when a server was started and stopped. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
      throws Exception {
    if (args.length > 0 && args[0].equals("scrub")) {
      if (args.length != 2) {
        err.println("usage: scrub <dataDir>");
        return 2;
      }
      Scrubber.Report report = new Scrubber(Path.of(args[1])).scrub(line -> out.println(line));
      out.printf(
          "scrubbed %d versions, %d bytes: %d corrupt, %d missing%n",
          report.versions(), report.bytes(), report.corrupt().size(), report.missing().size());
      return report.clean() ? 0 : 1;
    }
    if (args.length > 0) {
      err.println("unknown command " + args[0] + " (expected no argument or: scrub <dataDir>)");
      return 2;
    }
    StorageNodeConfig config;
    try {
      config = config(env);
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      err.println(e.getMessage());
      return 2;
    }
    StorageNode node = StorageNode.start(config);
    out.println(listening(config, node.port()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  stopped.countDown();
                },
                "storage-node-shutdown"));
    stopped.await();
    return -1;
  }
}
