package vn.tangthu.archive.storage;

import java.net.URI;
import java.nio.file.Files;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;

/** The storage contract against S3Proxy with its filesystem backend, an independent S3 server. */
class ObjectStoreOnS3ProxyIT extends ObjectStoreContract {

  private S3Proxy proxy;

  @Override
  ObjectStore open() throws Exception {
    var dir = Files.createDirectories(tmp.resolve("s3proxy"));
    proxy =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(dir.toString()))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "proxy-key", "proxy-secret-123")
            .build();
    proxy.start();
    for (int i = 0; i < 100 && !"STARTED".equals(proxy.getState()); i++) {
      Thread.sleep(50);
    }
    return new ObjectStore(
        "http://127.0.0.1:" + proxy.getPort(), "us-east-1", "proxy-key", "proxy-secret-123");
  }

  @AfterAll
  void stop() throws Exception {
    proxy.stop();
  }
}
