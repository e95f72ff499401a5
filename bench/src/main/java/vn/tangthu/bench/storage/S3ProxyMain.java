package vn.tangthu.bench.storage;

import java.net.URI;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * S3Proxy with its filesystem backend (which never fsyncs) on a free loopback port, as the
 * benchmark's baseline in a process of its own. Prints {@code listening on URL} once started and
 * runs until killed. Usage: {@code S3ProxyMain <dir> <accessKey> <secretKey>}.
 */
public final class S3ProxyMain {
  private S3ProxyMain() {}

  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    p.setProperty("jclouds.filesystem.basedir", args[0]);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(BlobStores.create("filesystem", p))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[1], args[2])
            // S3Proxy holds a signed, non-chunked body in memory to check its hash
            .v4MaxNonChunkedRequestSize(Workload.LARGE + Workload.MIB)
            .maxSinglePartObjectSize(Workload.LARGE + Workload.MIB)
            .build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(10);
    }
    System.out.println("s3proxy listening on http://127.0.0.1:" + proxy.getPort());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    proxy.stop();
                  } catch (Exception e) {
                    e.printStackTrace();
                  }
                  stopped.countDown();
                }));
    stopped.await();
  }
}
