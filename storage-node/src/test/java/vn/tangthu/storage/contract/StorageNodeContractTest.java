package vn.tangthu.storage.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import vn.tangthu.storage.Credentials;
import vn.tangthu.storage.StorageNode;
import vn.tangthu.storage.StorageNodeConfig;

/** The contract suite against our node, started in-process on a free loopback port. */
class StorageNodeContractTest extends S3ContractSuite {
  static final Credentials CREDENTIALS = new Credentials("contract-key", "contract-secret-123");
  private StorageNode node;
  private Path dir;

  @Override
  protected S3Target target() {
    try {
      dir = Files.createTempDirectory("storage-contract");
      node = StorageNode.start(StorageNodeConfig.loopback(dir, 0, CREDENTIALS));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new S3Target(
        node.endpoint(),
        CREDENTIALS.accessKey(),
        CREDENTIALS.secretKey(),
        java.util.EnumSet.allOf(S3Target.Feature.class));
  }

  @AfterAll
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    if (dir != null) {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
