package vn.tangthu.archive.embedded;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import vn.tangthu.storage.Credentials;
import vn.tangthu.storage.StorageNode;
import vn.tangthu.storage.StorageNodeConfig;

/**
 * The in-process storage node of the embedded default, on loopback, with random credentials kept in
 * the data directory. The archive still reaches it only over S3.
 */
public final class EmbeddedStorage implements Managed {

  private final StorageNode node;
  private final Credentials credentials;

  private EmbeddedStorage(StorageNode node, Credentials credentials) {
    this.node = node;
    this.credentials = credentials;
  }

  public static EmbeddedStorage start(DataDirectory dataDir, int port) throws IOException {
    Credentials credentials =
        new Credentials(
            "tangthu-" + dataDir.secret("storage.access-key", 8),
            dataDir.secret("storage.secret-key", 32));
    StorageNode node =
        StorageNode.start(StorageNodeConfig.loopback(dataDir.objects(), port, credentials));
    return new EmbeddedStorage(node, credentials);
  }

  public String endpoint() {
    return node.endpoint().toString();
  }

  public Credentials credentials() {
    return credentials;
  }

  @Override
  public void stop() {
    node.close();
  }
}
