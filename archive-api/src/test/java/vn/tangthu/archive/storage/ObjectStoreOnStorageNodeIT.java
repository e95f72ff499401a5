package vn.tangthu.archive.storage;

import org.junit.jupiter.api.AfterAll;
import vn.tangthu.storage.Credentials;
import vn.tangthu.storage.StorageNode;
import vn.tangthu.storage.StorageNodeConfig;

/** The storage contract against our own node over loopback HTTP. */
class ObjectStoreOnStorageNodeIT extends ObjectStoreContract {

  private StorageNode node;

  @Override
  ObjectStore open() throws Exception {
    Credentials c = new Credentials("contract-key", "contract-secret-123");
    node = StorageNode.start(StorageNodeConfig.loopback(tmp.resolve("node"), 0, c));
    return new ObjectStore(node.endpoint().toString(), "us-east-1", c.accessKey(), c.secretKey());
  }

  @AfterAll
  void stop() {
    node.close();
  }
}
