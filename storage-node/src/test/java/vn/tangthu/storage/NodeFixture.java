package vn.tangthu.storage;

import io.minio.MinioClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** A node on a free loopback port over a temporary directory, with two access keys. */
final class NodeFixture implements AutoCloseable {
  static final Credentials ALICE = new Credentials("alice-key", "alice-secret-1");
  static final Credentials BOB = new Credentials("bob-key", "bob-secret-123");

  final Path dir;
  final StorageNode node;

  NodeFixture() {
    try {
      dir = Files.createTempDirectory("storage-node-test");
      node =
          StorageNode.start(new StorageNodeConfig(dir, "127.0.0.1", 0, List.of(ALICE, BOB), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  MinioClient client(Credentials c) {
    return MinioClient.builder()
        .endpoint(node.endpoint().toString())
        .credentials(c.accessKey(), c.secretKey())
        .build();
  }

  RawS3 raw(Credentials c) {
    return new RawS3(node.endpoint(), c.accessKey(), c.secretKey());
  }

  @Override
  public void close() throws IOException {
    node.close();
    try (var s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
