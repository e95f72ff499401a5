package vn.tangthu.storage.contract;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;

/**
 * The same contract suite against S3Proxy (transient blob store: the filesystem one cannot hold
 * both {@code a} and {@code a/b}), so the suite checks S3 behaviour rather than our node's quirks.
 * S3Proxy has no versioning nor Object Lock: those tests are skipped by assumption.
 */
class S3ProxyContractTest extends S3ContractSuite {
  private S3Proxy proxy;
  private Path dir;

  @Override
  protected S3Target target() {
    try {
      dir = Files.createTempDirectory("s3proxy-contract");
      Properties p = new Properties();
      p.setProperty("jclouds.filesystem.basedir", dir.toString());
      proxy =
          S3Proxy.builder()
              .blobStore(BlobStores.create("transient", p))
              .endpoint(URI.create("http://127.0.0.1:0"))
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "proxy-key", "proxy-secret-123")
              .build();
      proxy.start();
      while (!proxy.getState().equals("STARTED")) {
        Thread.sleep(10);
      }
      return new S3Target(
          URI.create("http://127.0.0.1:" + proxy.getPort()),
          "proxy-key",
          "proxy-secret-123",
          java.util.Set.of());
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start", e);
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (proxy != null) {
      proxy.stop();
    }
    if (dir != null) {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
