package vn.tangthu.storage.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.tangthu.storage.Credentials;
import vn.tangthu.storage.StorageNode;
import vn.tangthu.storage.StorageNodeConfig;

/**
 * Real S3 command-line clients against a node on loopback: Debian's {@code /usr/bin/aws}, {@code
 * s3cmd} and {@code rclone} (apt packages {@code awscli s3cmd rclone}). Each test is skipped when
 * its binary is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliInteropIT {
  private static final Credentials C = new Credentials("cli-access-key", "cli-secret-key-1");
  private Path dir;
  private Path work;
  private StorageNode node;

  @BeforeAll
  void start() throws IOException {
    dir = Files.createTempDirectory("cli-node");
    work = Files.createTempDirectory("cli-work");
    node = StorageNode.start(StorageNodeConfig.loopback(dir, 0, C));
  }

  @AfterAll
  void stop() throws IOException {
    node.close();
    for (Path p : List.of(dir, work)) {
      try (var s = Files.walk(p)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private record Run(int status, String output) {}

  private Run run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).directory(work.toFile());
    // a CA bundle meant for HTTPS elsewhere breaks rclone's plain-HTTP transport
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private Run ok(Map<String, String> env, String... command) throws Exception {
    Run r = run(env, command);
    assertThat(r.status()).as(String.join(" ", command) + "\n" + r.output()).isZero();
    return r;
  }

  private static void assume(String binary) {
    assumeThat(Files.isExecutable(Path.of(binary))).as(binary + " is not installed").isTrue();
  }

  private Path file(String name, int size, long seed) throws IOException {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    Path f = work.resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, b);
    return f;
  }

  // ------------------------------------------------------------------ aws

  private Map<String, String> awsEnv() throws IOException {
    Path config = work.resolve("aws-config");
    Files.writeString(
        config,
        "[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n  multipart_threshold = 8MB\n  multipart_chunksize = 5MB\n");
    Map<String, String> env = new HashMap<>();
    env.put("AWS_ACCESS_KEY_ID", C.accessKey());
    env.put("AWS_SECRET_ACCESS_KEY", C.secretKey());
    env.put("AWS_CONFIG_FILE", config.toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_PAGER", "");
    return env;
  }

  private String[] aws(String... args) {
    List<String> c =
        new ArrayList<>(List.of("/usr/bin/aws", "--endpoint-url", node.endpoint().toString()));
    c.addAll(List.of(args));
    return c.toArray(String[]::new);
  }

  @Test
  void awsCliCopySyncMultipartAndObjectLock() throws Exception {
    assume("/usr/bin/aws");
    Map<String, String> env = awsEnv();
    ok(env, aws("s3", "mb", "s3://aws-cli"));
    Path small = file("aws/small.txt", 1000, 1);
    Path big = file("aws/big.bin", 9 * 1024 * 1024 + 5, 2);
    ok(env, aws("s3", "cp", small.toString(), "s3://aws-cli/one/small.txt"));
    ok(env, aws("s3", "cp", big.toString(), "s3://aws-cli/one/big.bin"));
    ok(env, aws("s3", "cp", "s3://aws-cli/one/big.bin", work.resolve("big.back").toString()));
    assertThat(Files.mismatch(big, work.resolve("big.back"))).isEqualTo(-1L);
    file("aws/tree/a/1.bin", 3000, 3);
    file("aws/tree/b/2.bin", 4000, 4);
    ok(env, aws("s3", "sync", work.resolve("aws/tree").toString(), "s3://aws-cli/tree/"));
    String ls = ok(env, aws("s3", "ls", "--recursive", "s3://aws-cli/")).output();
    assertThat(ls).contains("one/small.txt", "one/big.bin", "tree/a/1.bin", "tree/b/2.bin");
    assertThat(
            ok(env, aws("s3", "sync", work.resolve("aws/tree").toString(), "s3://aws-cli/tree/"))
                .output())
        .doesNotContain("upload:");
    String head =
        ok(env, aws("s3api", "head-object", "--bucket", "aws-cli", "--key", "one/big.bin"))
            .output();
    assertThat(head).contains("\"ContentLength\": " + Files.size(big)).contains("-2\\\"");
    awsCliObjectLock(env, small);
  }

  /** Object Lock through aws-cli: retention on PUT, legal hold, refused deletes. */
  private void awsCliObjectLock(Map<String, String> env, Path small) throws Exception {
    ok(
        env,
        aws("s3api", "create-bucket", "--bucket", "aws-lock", "--object-lock-enabled-for-bucket"));
    String until =
        Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    String put =
        ok(
                env,
                aws(
                    "s3api",
                    "put-object",
                    "--bucket",
                    "aws-lock",
                    "--key",
                    "k",
                    "--body",
                    small.toString(),
                    "--object-lock-mode",
                    "COMPLIANCE",
                    "--object-lock-retain-until-date",
                    until))
            .output();
    String version = put.replaceAll("(?s).*\"VersionId\": \"([^\"]+)\".*", "$1");
    assertThat(
            ok(env, aws("s3api", "get-object-retention", "--bucket", "aws-lock", "--key", "k"))
                .output())
        .contains("COMPLIANCE");
    ok(
        env,
        aws(
            "s3api",
            "put-object-legal-hold",
            "--bucket",
            "aws-lock",
            "--key",
            "k",
            "--legal-hold",
            "Status=ON"));
    assertThat(
            ok(env, aws("s3api", "get-object-legal-hold", "--bucket", "aws-lock", "--key", "k"))
                .output())
        .contains("ON");
    Run refused =
        run(
            env,
            aws(
                "s3api",
                "delete-object",
                "--bucket",
                "aws-lock",
                "--key",
                "k",
                "--version-id",
                version));
    assertThat(refused.status()).isNotZero();
    assertThat(refused.output()).contains("AccessDenied");
  }

  // ------------------------------------------------------------------ s3cmd

  /** An s3cmd configuration for the node (path-style); returns its {@code --config=} option. */
  private String s3cmdConfig(String name, boolean signatureV2) throws IOException {
    String hostPort = node.endpoint().getHost() + ":" + node.endpoint().getPort();
    Path cfg = work.resolve(name);
    Files.writeString(
        cfg,
        "[default]\naccess_key = "
            + C.accessKey()
            + "\nsecret_key = "
            + C.secretKey()
            + "\nhost_base = "
            + hostPort
            + "\nhost_bucket = "
            + hostPort
            + "\nuse_https = False\nsignature_v2 = "
            + (signatureV2 ? "True" : "False")
            + "\nbucket_location = us-east-1\nmultipart_chunk_size_mb = 5\ncheck_ssl_certificate = False\n");
    return "--config=" + cfg;
  }

  @Test
  void s3cmdSignatureV2HeadersAndSignurl() throws Exception {
    assume("/usr/bin/s3cmd");
    Map<String, String> env = Map.of("HOME", work.toString());
    String c = s3cmdConfig("s3cfg-v2", true);
    ok(env, "/usr/bin/s3cmd", c, "mb", "s3://s3cmd-v2");
    Path small = file("s3cmd/v2.bin", 3000, 9);
    ok(env, "/usr/bin/s3cmd", c, "put", small.toString(), "s3://s3cmd-v2/d/v2 file.bin");
    assertThat(ok(env, "/usr/bin/s3cmd", c, "ls", "--recursive", "s3://s3cmd-v2").output())
        .contains("d/v2 file.bin");
    String url =
        ok(env, "/usr/bin/s3cmd", c, "signurl", "s3://s3cmd-v2/d/v2 file.bin", "+300")
            .output()
            .lines()
            .filter(l -> l.startsWith("http"))
            .findFirst()
            .orElseThrow()
            .trim();
    assertThat(url).contains("AWSAccessKeyId=").contains("Signature=");
    var http = java.net.http.HttpClient.newHttpClient();
    var got =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(got.statusCode()).as(url).isEqualTo(200);
    assertThat(got.body()).isEqualTo(Files.readAllBytes(small));
    var tampered =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url.replace("v2%20file", "v2%20filf")))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(tampered.statusCode()).isEqualTo(403);
  }

  @Test
  void s3cmdPutGetListAndMultipart() throws Exception {
    assume("/usr/bin/s3cmd");
    Map<String, String> env = Map.of("HOME", work.toString());
    String c = s3cmdConfig("s3cfg", false);
    ok(env, "/usr/bin/s3cmd", c, "mb", "s3://s3cmd-b");
    Path small = file("s3cmd/small.bin", 2000, 5);
    Path big = file("s3cmd/big.bin", 6 * 1024 * 1024, 6);
    ok(env, "/usr/bin/s3cmd", c, "put", small.toString(), "s3://s3cmd-b/x/small.bin");
    ok(env, "/usr/bin/s3cmd", c, "put", big.toString(), "s3://s3cmd-b/x/big.bin");
    assertThat(ok(env, "/usr/bin/s3cmd", c, "ls", "--recursive", "s3://s3cmd-b").output())
        .contains("x/small.bin", "x/big.bin");
    ok(
        env,
        "/usr/bin/s3cmd",
        c,
        "get",
        "s3://s3cmd-b/x/big.bin",
        work.resolve("s3cmd-big.back").toString());
    assertThat(Files.mismatch(big, work.resolve("s3cmd-big.back"))).isEqualTo(-1L);
    ok(env, "/usr/bin/s3cmd", c, "del", "s3://s3cmd-b/x/small.bin");
    assertThat(ok(env, "/usr/bin/s3cmd", c, "ls", "--recursive", "s3://s3cmd-b").output())
        .doesNotContain("small.bin");
  }

  // ------------------------------------------------------------------ rclone

  @Test
  void rcloneCopyCheckAndDelete() throws Exception {
    assume("/usr/bin/rclone");
    Map<String, String> env = new HashMap<>();
    env.put("RCLONE_CONFIG", work.resolve("rclone.conf").toString());
    env.put("RCLONE_CONFIG_NODE_TYPE", "s3");
    env.put("RCLONE_CONFIG_NODE_PROVIDER", "Other");
    env.put("RCLONE_CONFIG_NODE_ACCESS_KEY_ID", C.accessKey());
    env.put("RCLONE_CONFIG_NODE_SECRET_ACCESS_KEY", C.secretKey());
    env.put("RCLONE_CONFIG_NODE_ENDPOINT", node.endpoint().toString());
    env.put("RCLONE_CONFIG_NODE_REGION", "us-east-1");
    env.put("RCLONE_CONFIG_NODE_FORCE_PATH_STYLE", "true");
    Files.writeString(work.resolve("rclone.conf"), "");
    file("rclone/src/a.bin", 5000, 7);
    file("rclone/src/sub/b.bin", 6 * 1024 * 1024, 8);
    file("rclone/src/sub/c d é.txt", 10, 9);
    ok(env, "/usr/bin/rclone", "mkdir", "node:rclone-b");
    ok(
        env,
        "/usr/bin/rclone",
        "copy",
        "--s3-upload-cutoff",
        "5M",
        "--s3-chunk-size",
        "5M",
        work.resolve("rclone/src").toString(),
        "node:rclone-b/data");
    ok(
        env,
        "/usr/bin/rclone",
        "check",
        work.resolve("rclone/src").toString(),
        "node:rclone-b/data");
    assertThat(ok(env, "/usr/bin/rclone", "lsf", "-R", "node:rclone-b").output())
        .contains("data/a.bin", "data/sub/b.bin", "data/sub/c d é.txt");
    ok(env, "/usr/bin/rclone", "delete", "node:rclone-b/data/sub");
    assertThat(ok(env, "/usr/bin/rclone", "lsf", "-R", "node:rclone-b").output())
        .doesNotContain("b.bin");
  }
}
