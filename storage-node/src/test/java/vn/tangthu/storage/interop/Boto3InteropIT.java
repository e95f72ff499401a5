package vn.tangthu.storage.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.tangthu.storage.Credentials;
import vn.tangthu.storage.StorageNode;
import vn.tangthu.storage.StorageNodeConfig;

/**
 * boto3 (Debian's {@code python3-boto3}, run by {@code /usr/bin/python3}) against a node on
 * loopback: additional checksums, composite multipart checksums, GetObjectAttributes, partNumber,
 * whitespace keys, FetchOwner, a presigned GET, browser POST uploads with a policy boto3 signed,
 * and deleting a bucket with a pending upload. Skipped when boto3 is not installed.
 */
class Boto3InteropIT {
  private static final Credentials C = new Credentials("boto3-access-key", "boto3-secret-key-1");
  private static final String PYTHON = "/usr/bin/python3";

  private static boolean boto3Installed() throws Exception {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return false;
    }
    Process p = new ProcessBuilder(PYTHON, "-c", "import boto3").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @Test
  void boto3ChecksumsMultipartAttributesAndCleanUp() throws Exception {
    assumeThat(boto3Installed()).as("python3-boto3 is not installed").isTrue();
    Path dir = Files.createTempDirectory("boto3-node");
    Path script = Files.createTempFile("boto3_interop", ".py");
    try (InputStream in = getClass().getResourceAsStream("/interop/boto3_interop.py");
        StorageNode node = StorageNode.start(StorageNodeConfig.loopback(dir, 0, C))) {
      Files.write(script, in.readAllBytes());
      ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString()).redirectErrorStream(true);
      pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
      pb.environment().put("S3_ENDPOINT", node.endpoint().toString());
      pb.environment().put("S3_ACCESS_KEY", C.accessKey());
      pb.environment().put("S3_SECRET_KEY", C.secretKey());
      pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("ok   POST upload created", "ok   composite checksum", "ALL OK");
    } finally {
      Files.deleteIfExists(script);
      delete(dir);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
