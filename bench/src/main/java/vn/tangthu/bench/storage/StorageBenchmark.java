package vn.tangthu.bench.storage;

import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import vn.tangthu.storage.Credentials;

/**
 * Our storage node and S3Proxy (filesystem backend), each in its own JVM on loopback, driven
 * through the MinIO Java SDK from this one with the same client code and thread count (each
 * server's CPU per operation read from its process in {@code /proc}): 4 KiB and 64 KiB PUT/GET
 * ops/s, 1 MiB and 256 MiB PUT/GET MiB/s; and the disk's own limits on the same file system: 4 KiB
 * write+fsync per file (FileChannel write + force, same threads) and fsync'd sequential writes.
 * Prints a table with the ratios node/S3Proxy and node/disk, and the goals.
 *
 * <p>Usage: {@code StorageBenchmark <workDir> [seconds per phase] [threads] [large objects]}; see
 * {@code bench/storage.sh}.
 */
public final class StorageBenchmark {
  private static final int KIB = Workload.KIB;
  private static final int MIB = Workload.MIB;
  private static final long LARGE = Workload.LARGE;

  private final Path work;
  private final int seconds;
  private final int threads;
  private final int largeCount;
  private final ExecutorService pool;
  private final Workload workload;

  private StorageBenchmark(Path work, int seconds, int threads, int largeCount) {
    this.work = work;
    this.seconds = seconds;
    this.threads = threads;
    this.largeCount = largeCount;
    this.pool = Executors.newFixedThreadPool(threads);
    this.workload = new Workload(pool, threads);
  }

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int large = args.length > 3 ? Integer.parseInt(args[3]) : threads;
    Files.createDirectories(work);
    System.out.printf(
        "storage benchmark: %d threads, %d s per small phase, %d x 256 MiB, in %s%n",
        threads, seconds, large, work);
    System.out.println("load average at start: " + Report.loadAverage());
    StorageBenchmark b = new StorageBenchmark(work, seconds, threads, large);
    try {
      b.run();
    } finally {
      b.pool.shutdownNow();
    }
    System.out.println("load average at end: " + Report.loadAverage());
  }

  private void run() throws Exception {
    Path source = work.resolve("large-source.bin");
    DiskLimits.writeSource(source);
    DiskLimits limits = new DiskLimits(workload, work, seconds, largeCount);
    Map<Row, Double> disk = new LinkedHashMap<>();
    disk.put(new Row("disk 4 KiB write+fsync", "ops/s"), limits.diskSmallFsync());
    disk.put(new Row("disk fsync'd sequential write", "MiB/s"), limits.diskSequential());
    Path nodeDir = Files.createDirectories(work.resolve("node"));
    Path proxyDir = Files.createDirectories(work.resolve("s3proxy"));
    Credentials creds = new Credentials("bench-key", "bench-secret-123");
    try (ServerProcess n = startNode(nodeDir, creds);
        ServerProcess p = startS3Proxy(proxyDir, creds)) {
      MinioClient node = client(n.endpoint(), creds);
      MinioClient proxy = client(p.endpoint(), creds);
      Map<Row, double[]> nodeResults = new LinkedHashMap<>();
      Map<Row, double[]> proxyResults = new LinkedHashMap<>();
      warmUp(node, proxy);
      smallPhases(new Servers(n, p, node, proxy), nodeResults, proxyResults);
      System.out.println("  node group commit: " + Report.journalStats(n.endpoint()));
      double[] nodeLarge = workload.large(node, source, n, largeCount);
      double[] proxyLarge = workload.large(proxy, source, p, largeCount);
      String[] names = {"PUT 256 MiB", "GET 256 MiB"};
      for (int k = 0; k < 2; k++) {
        Row r = new Row(names[k], "MiB/s");
        nodeResults.put(r, new double[] {nodeLarge[k], nodeLarge[k + 2]});
        proxyResults.put(r, new double[] {proxyLarge[k], proxyLarge[k + 2]});
        System.out.printf(
            "  %-12s node %8.1f  s3proxy %8.1f MiB/s%n", r.name(), nodeLarge[k], proxyLarge[k]);
      }
      Report.print(nodeResults, proxyResults, disk);
    } finally {
      delete(nodeDir);
      delete(proxyDir);
      Files.deleteIfExists(source);
    }
  }

  /** The two servers and a client for each. */
  private record Servers(
      ServerProcess node, ServerProcess proxy, MinioClient nodeClient, MinioClient proxyClient) {}

  /** The storage node from this class path, standalone (it fsyncs every acknowledged write). */
  private static ServerProcess startNode(Path dir, Credentials c) throws IOException {
    return ServerProcess.start(
        "node",
        "vn.tangthu.storage.StorageNodeMain",
        List.of(),
        Map.of(
            "STORAGE_ACCESS_KEY", c.accessKey(),
            "STORAGE_SECRET_KEY", c.secretKey(),
            "STORAGE_DATA_DIR", dir.toString(),
            "STORAGE_HOST", "127.0.0.1",
            "STORAGE_PORT", "0"),
        "2g");
  }

  private static ServerProcess startS3Proxy(Path dir, Credentials c) throws IOException {
    return ServerProcess.start(
        "s3proxy",
        S3ProxyMain.class.getName(),
        List.of(dir.toString(), c.accessKey(), c.secretKey()),
        Map.of(),
        // S3Proxy holds each signed single-request body in memory: 4 x 256 MiB at once
        "4g");
  }

  /**
   * Both servers (and the client) are warmed up on every size until the JIT settles: the first
   * measured server would otherwise pay for most of the compilation.
   */
  private void warmUp(MinioClient node, MinioClient proxy) throws Exception {
    for (MinioClient c : List.of(node, proxy)) {
      c.makeBucket(MakeBucketArgs.builder().bucket("bench").build());
    }
    for (int round = 0; round < 2; round++) {
      for (MinioClient c : List.of(node, proxy)) {
        for (int size : new int[] {4 * KIB, 64 * KIB}) {
          List<String> warm = new ArrayList<>();
          workload.timedOps(() -> Workload.putSmall(c, size, warm), 3);
          workload.timedOps(() -> Workload.getRandom(c, warm), 2);
        }
      }
    }
  }

  /**
   * 4 KiB, 64 KiB and 1 MiB PUT then GET phases. They alternate between the two servers so both see
   * the same machine load; which one goes first alternates with the object size.
   */
  private void smallPhases(
      Servers servers, Map<Row, double[]> nodeResults, Map<Row, double[]> proxyResults)
      throws Exception {
    MinioClient node = servers.nodeClient();
    MinioClient proxy = servers.proxyClient();
    boolean nodeFirst = true;
    for (int size : new int[] {4 * KIB, 64 * KIB, MIB}) {
      boolean mib = size == MIB;
      String label = mib ? "1 MiB" : size / KIB + " KiB";
      String unit = mib ? "MiB/s" : "ops/s";
      List<String> nodeKeys = new ArrayList<>();
      List<String> proxyKeys = new ArrayList<>();
      Row put = new Row("PUT " + label, unit);
      Row get = new Row("GET " + label, unit);
      for (int k = 0; k < 2; k++) {
        if ((k == 0) == nodeFirst) {
          nodeResults.put(
              put, meter(servers.node(), () -> Workload.putSmall(node, size, nodeKeys), put));
        } else {
          proxyResults.put(
              put, meter(servers.proxy(), () -> Workload.putSmall(proxy, size, proxyKeys), put));
        }
      }
      for (int k = 0; k < 2; k++) {
        if ((k == 0) == nodeFirst) {
          nodeResults.put(
              get, meter(servers.node(), () -> Workload.getRandom(node, nodeKeys), get));
        } else {
          proxyResults.put(
              get, meter(servers.proxy(), () -> Workload.getRandom(proxy, proxyKeys), get));
        }
      }
      nodeFirst = !nodeFirst;
      for (Row r : List.of(put, get)) {
        System.out.printf(
            "  %-12s node %8.1f  s3proxy %8.1f %s%n",
            r.name(), nodeResults.get(r)[0], proxyResults.get(r)[0], unit);
      }
    }
  }

  private double[] meter(ServerProcess server, Callable<Void> op, Row row) throws Exception {
    return CpuMeter.metered(workload, seconds, server, op, row);
  }

  /**
   * A MinIO client whose HTTP client really runs {@code threads} requests at once (OkHttp's default
   * dispatcher allows 5 per host).
   */
  private MinioClient client(URI endpoint, Credentials c) {
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequests(4 * threads);
    dispatcher.setMaxRequestsPerHost(4 * threads);
    okhttp3.OkHttpClient http =
        new okhttp3.OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new okhttp3.ConnectionPool(2 * threads, 5, TimeUnit.MINUTES))
            .connectTimeout(5, TimeUnit.MINUTES)
            .writeTimeout(5, TimeUnit.MINUTES)
            .readTimeout(5, TimeUnit.MINUTES)
            .protocols(List.of(okhttp3.Protocol.HTTP_1_1))
            .build();
    return MinioClient.builder()
        .endpoint(endpoint.toString())
        .credentials(c.accessKey(), c.secretKey())
        .httpClient(http)
        .build();
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
