package vn.tangthu.bench.storage;

import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.UploadObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import vn.tangthu.storage.Credentials;
import vn.tangthu.storage.StorageNode;
import vn.tangthu.storage.StorageNodeConfig;

/**
 * Our storage node and S3Proxy (filesystem backend), both in this JVM on loopback, driven through
 * the MinIO Java SDK with the same client code and thread count: 4 KiB and 64 KiB PUT/GET ops/s, 1
 * MiB and 256 MiB PUT/GET MiB/s; and the disk's own limits on the same file system: 4 KiB
 * write+fsync per file (FileChannel write + force, same threads) and fsync'd sequential writes.
 * Prints a table with the ratios node/S3Proxy and node/disk, and the goals.
 *
 * <p>Usage: {@code StorageBenchmark <workDir> [seconds per phase] [threads] [large objects]}; see
 * {@code bench/storage.sh}.
 */
public final class StorageBenchmark {
  private static final int KIB = 1024;
  private static final int MIB = 1024 * 1024;
  private static final long LARGE = 256L * MIB;

  private final Path work;
  private final int seconds;
  private final int threads;
  private final int largeCount;
  private final ExecutorService pool;

  private StorageBenchmark(Path work, int seconds, int threads, int largeCount) {
    this.work = work;
    this.seconds = seconds;
    this.threads = threads;
    this.largeCount = largeCount;
    this.pool = Executors.newFixedThreadPool(threads);
  }

  /** One measured figure per row; value is ops/s or MiB/s. */
  private record Row(String name, String unit) {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int large = args.length > 3 ? Integer.parseInt(args[3]) : threads;
    Files.createDirectories(work);
    System.out.printf(
        "storage benchmark: %d threads, %d s per small phase, %d x 256 MiB, in %s%n",
        threads, seconds, large, work);
    System.out.println("load average at start: " + loadAverage());
    StorageBenchmark b = new StorageBenchmark(work, seconds, threads, large);
    try {
      b.run();
    } finally {
      b.pool.shutdownNow();
    }
    System.out.println("load average at end: " + loadAverage());
  }

  private void run() throws Exception {
    Path source = work.resolve("large-source.bin");
    writeSource(source);
    Map<Row, Double> disk = new LinkedHashMap<>();
    disk.put(new Row("disk 4 KiB write+fsync", "ops/s"), diskSmallFsync());
    disk.put(new Row("disk fsync'd sequential write", "MiB/s"), diskSequential());
    Path nodeDir = Files.createDirectories(work.resolve("node"));
    Path proxyDir = Files.createDirectories(work.resolve("s3proxy"));
    Credentials creds = new Credentials("bench-key", "bench-secret-123");
    S3Proxy s3proxy = startS3Proxy(proxyDir, creds);
    try (StorageNode n = StorageNode.start(StorageNodeConfig.loopback(nodeDir, 0, creds))) {
      MinioClient node = client(n.endpoint(), creds);
      MinioClient proxy = client(URI.create("http://127.0.0.1:" + s3proxy.getPort()), creds);
      Map<Row, Double> nodeResults = new LinkedHashMap<>();
      Map<Row, Double> proxyResults = new LinkedHashMap<>();
      // both servers (and the client) are warmed up on every size until the JIT settles: the
      // first measured server would otherwise pay for most of the compilation
      for (MinioClient c : List.of(node, proxy)) {
        c.makeBucket(MakeBucketArgs.builder().bucket("bench").build());
      }
      for (int round = 0; round < 2; round++) {
        for (MinioClient c : List.of(node, proxy)) {
          for (int size : new int[] {4 * KIB, 64 * KIB}) {
            List<String> warm = new ArrayList<>();
            timedOps(() -> putSmall(c, size, warm), 3);
            timedOps(() -> getRandom(c, warm), 2);
          }
        }
      }
      // phases alternate between the two servers so both see the same machine load; which one
      // goes first alternates with the object size
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
            nodeResults.put(put, metered(NODE, () -> putSmall(node, size, nodeKeys), put));
          } else {
            proxyResults.put(put, metered(PROXY, () -> putSmall(proxy, size, proxyKeys), put));
          }
        }
        for (int k = 0; k < 2; k++) {
          if ((k == 0) == nodeFirst) {
            nodeResults.put(get, metered(NODE, () -> getRandom(node, nodeKeys), get));
          } else {
            proxyResults.put(get, metered(PROXY, () -> getRandom(proxy, proxyKeys), get));
          }
        }
        nodeFirst = !nodeFirst;
        for (Row r : List.of(put, get)) {
          System.out.printf(
              "  %-12s node %8.1f  s3proxy %8.1f %s%n",
              r.name(), nodeResults.get(r), proxyResults.get(r), unit);
        }
      }
      System.out.println("  node group commit: " + journalStats(n.endpoint()));
      double[] nodeLarge = large(node, source, NODE);
      double[] proxyLarge = large(proxy, source, PROXY);
      String[] names = {"PUT 256 MiB", "GET 256 MiB"};
      for (int k = 0; k < 2; k++) {
        Row r = new Row(names[k], "MiB/s");
        nodeResults.put(r, nodeLarge[k]);
        proxyResults.put(r, proxyLarge[k]);
        System.out.printf(
            "  %-12s node %8.1f  s3proxy %8.1f MiB/s%n", r.name(), nodeLarge[k], proxyLarge[k]);
      }
      print(nodeResults, proxyResults, disk);
    } finally {
      s3proxy.stop();
      delete(nodeDir);
      delete(proxyDir);
      Files.deleteIfExists(source);
    }
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

  private static S3Proxy startS3Proxy(Path dir, Credentials c) throws Exception {
    Properties p = new Properties();
    p.setProperty("jclouds.filesystem.basedir", dir.toString());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(BlobStores.create("filesystem", p))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, c.accessKey(), c.secretKey())
            // S3Proxy holds a signed, non-chunked body in memory to check its hash
            .v4MaxNonChunkedRequestSize(LARGE + MIB)
            .maxSinglePartObjectSize(LARGE + MIB)
            .build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(10);
    }
    return proxy;
  }

  // ------------------------------------------------------------------ S3 phases

  /** Thread name prefixes of each server (everything else in this JVM is the client's side). */
  private static final List<String> NODE = List.of("storage-node", "storage-hash");

  private static final List<String> PROXY = List.of("S3Proxy");

  /**
   * A timed phase that also reports the CPU time per operation of the server's threads and of
   * everything else in the process (the MinIO client, JIT, GC): the client's share bounds what any
   * server can reach on this machine ({@code cores / client CPU per op}).
   */
  private double metered(List<String> server, Callable<Void> op, Row row) throws Exception {
    long[] before = cpu(server);
    long start = System.nanoTime();
    double rate = timedOps(op, seconds);
    double wall = (System.nanoTime() - start) / 1e9;
    long[] after = cpu(server);
    double ops = rate * wall;
    double serverUs = (after[0] - before[0]) / 1e3 / ops;
    double restUs = ((after[1] - before[1]) - (after[0] - before[0])) / 1e3 / ops;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        "    %-8s %-12s %8.1f ops/s  CPU per op: server %7.0f us, client+JVM %7.0f us"
            + " (client-bound ceiling %.0f ops/s)%n",
        server == NODE ? "node" : "s3proxy",
        row.name(),
        rate,
        serverUs,
        restUs,
        cores * 1e6 / restUs);
    return rate;
  }

  /** Prints the CPU per MiB of a large phase, like {@link #metered}. */
  private static void largeCpu(List<String> server, String name, long[] before, double mib) {
    long[] after = cpu(server);
    double serverMs = (after[0] - before[0]) / 1e6 / mib;
    double restMs = ((after[1] - before[1]) - (after[0] - before[0])) / 1e6 / mib;
    System.out.printf(
        "    %-8s %-12s CPU per MiB: server %6.2f ms, client+JVM %6.2f ms"
            + " (client-bound ceiling %.0f MiB/s)%n",
        server == NODE ? "node" : "s3proxy",
        name,
        serverMs,
        restMs,
        Runtime.getRuntime().availableProcessors() * 1e3 / restMs);
  }

  /** {@code [CPU ns of the server's threads, CPU ns of the whole process]}. */
  private static long[] cpu(List<String> serverPrefixes) {
    java.lang.management.ThreadMXBean tmx =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long server = 0;
    for (java.lang.management.ThreadInfo ti : tmx.getThreadInfo(tmx.getAllThreadIds())) {
      if (ti != null && serverPrefixes.stream().anyMatch(p -> ti.getThreadName().startsWith(p))) {
        server += Math.max(0, tmx.getThreadCpuTime(ti.getThreadId()));
      }
    }
    long process =
        ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    return new long[] {server, process};
  }

  /** Runs {@code op} on every thread for the phase duration; returns completed ops per second. */
  private double timedOps(Callable<Void> op, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong count = new AtomicLong();
    long start = System.nanoTime();
    List<Future<Void>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  op.call();
                  count.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<Void> f : fs) {
      f.get();
    }
    return count.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static Void putSmall(MinioClient client, int size, List<String> keys) throws Exception {
    byte[] data = new byte[size];
    ThreadLocalRandom.current().nextBytes(data);
    String key = "o/" + size + "/" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    client.putObject(
        PutObjectArgs.builder().bucket("bench").object(key).stream(
                new ByteArrayInputStream(data), size, -1)
            .build());
    synchronized (keys) {
      keys.add(key);
    }
    return null;
  }

  private static Void getRandom(MinioClient client, List<String> keys) throws Exception {
    String key;
    synchronized (keys) {
      key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
    }
    try (InputStream in =
        client.getObject(GetObjectArgs.builder().bucket("bench").object(key).build())) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return null;
  }

  /** {@code largeCount} single-request PUTs of 256 MiB over the threads, then GETs: MiB/s each. */
  private double[] large(MinioClient client, Path source, List<String> server) throws Exception {
    double mib = largeCount * (double) LARGE / MIB;
    long[] cpu = cpu(server);
    long start = System.nanoTime();
    List<Future<Void>> puts = new ArrayList<>();
    for (int i = 0; i < largeCount; i++) {
      String key = "large/" + i;
      puts.add(
          pool.submit(
              () -> {
                client.uploadObject(
                    UploadObjectArgs.builder()
                        .bucket("bench")
                        .object(key)
                        .filename(source.toString(), LARGE)
                        .build());
                return null;
              }));
    }
    for (Future<Void> f : puts) {
      f.get();
    }
    double put = largeCount * (double) LARGE / MIB / ((System.nanoTime() - start) / 1e9);
    largeCpu(server, "PUT 256 MiB", cpu, mib);
    cpu = cpu(server);
    start = System.nanoTime();
    List<Future<Void>> gets = new ArrayList<>();
    for (int i = 0; i < largeCount; i++) {
      String key = "large/" + i;
      gets.add(
          pool.submit(
              () -> {
                try (InputStream in =
                    client.getObject(GetObjectArgs.builder().bucket("bench").object(key).build())) {
                  long n = in.transferTo(OutputStream.nullOutputStream());
                  if (n != LARGE) {
                    throw new IOException("short GET: " + n);
                  }
                }
                return null;
              }));
    }
    for (Future<Void> f : gets) {
      f.get();
    }
    double get = largeCount * (double) LARGE / MIB / ((System.nanoTime() - start) / 1e9);
    largeCpu(server, "GET 256 MiB", cpu, mib);
    return new double[] {put, get};
  }

  // ------------------------------------------------------------------ disk limits

  /** New file, 4 KiB write, force, close: per second over all threads. */
  private double diskSmallFsync() throws Exception {
    Path dir = Files.createDirectories(work.resolve("disk-small"));
    AtomicLong seq = new AtomicLong();
    double rate =
        timedOps(
            () -> {
              byte[] data = new byte[4 * KIB];
              ThreadLocalRandom.current().nextBytes(data);
              Path f = dir.resolve("f" + seq.incrementAndGet());
              try (FileChannel ch =
                  FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(data));
                ch.force(true);
              }
              return null;
            },
            seconds);
    delete(dir);
    System.out.printf("  disk     4 KiB write+fsync %8.1f ops/s%n", rate);
    return rate;
  }

  /** {@code largeCount} files of 256 MiB written in 1 MiB blocks over the threads, each forced. */
  private double diskSequential() throws Exception {
    Path dir = Files.createDirectories(work.resolve("disk-seq"));
    long start = System.nanoTime();
    List<Future<Void>> fs = new ArrayList<>();
    for (int i = 0; i < largeCount; i++) {
      Path f = dir.resolve("s" + i);
      fs.add(
          pool.submit(
              () -> {
                byte[] block = new byte[MIB];
                new Random(f.hashCode()).nextBytes(block);
                try (FileChannel ch =
                    FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                  for (long done = 0; done < LARGE; done += MIB) {
                    ByteBuffer b = ByteBuffer.wrap(block);
                    while (b.hasRemaining()) {
                      ch.write(b);
                    }
                  }
                  ch.force(true);
                }
                return null;
              }));
    }
    for (Future<Void> f : fs) {
      f.get();
    }
    double rate = largeCount * (double) LARGE / MIB / ((System.nanoTime() - start) / 1e9);
    delete(dir);
    System.out.printf("  disk     fsync'd sequential write %8.1f MiB/s%n", rate);
    return rate;
  }

  private static void writeSource(Path source) throws IOException {
    byte[] block = new byte[MIB];
    Random r = new Random(42);
    try (OutputStream out = Files.newOutputStream(source)) {
      for (long done = 0; done < LARGE; done += MIB) {
        r.nextBytes(block);
        out.write(block);
      }
    }
  }

  // ------------------------------------------------------------------ report

  private static void print(Map<Row, Double> node, Map<Row, Double> proxy, Map<Row, Double> disk) {
    double diskSmall = disk.values().stream().toList().get(0);
    double diskSeq = disk.values().stream().toList().get(1);
    System.out.println();
    System.out.printf(
        "%-16s %-6s %10s %10s %10s %10s%n",
        "operation", "unit", "node", "s3proxy", "node/s3p", "node/disk");
    for (Map.Entry<Row, Double> e : node.entrySet()) {
      Row row = e.getKey();
      double n = e.getValue();
      double p = proxy.get(row);
      String vsDisk = "";
      if (row.name().startsWith("PUT 4 KiB")) {
        vsDisk = String.format("%.2f", n / diskSmall);
      } else if (row.name().startsWith("PUT 256") || row.name().startsWith("PUT 1 MiB")) {
        vsDisk = String.format("%.2f", n / diskSeq);
      }
      System.out.printf(
          "%-16s %-6s %10.1f %10.1f %10.2f %10s%n", row.name(), row.unit(), n, p, n / p, vsDisk);
    }
    disk.forEach((row, v) -> System.out.printf("%-30s %10.1f %s%n", row.name(), v, row.unit()));
    System.out.println();
    Row[] small = {
      new Row("PUT 4 KiB", "ops/s"),
      new Row("GET 4 KiB", "ops/s"),
      new Row("PUT 64 KiB", "ops/s"),
      new Row("GET 64 KiB", "ops/s")
    };
    for (Row r : small) {
      goal(r.name() + " >= 2x S3Proxy", node.get(r) / proxy.get(r), 2.0);
    }
    goal(
        "stretch: PUT 4 KiB >= 0.5x disk 4 KiB write+fsync",
        node.get(new Row("PUT 4 KiB", "ops/s")) / diskSmall,
        0.5);
    goal(
        "PUT 256 MiB >= 0.8x disk fsync'd write",
        node.get(new Row("PUT 256 MiB", "MiB/s")) / diskSeq,
        0.8);
  }

  private static void goal(String name, double ratio, double target) {
    System.out.printf("goal %-52s %6.2f  %s%n", name, ratio, ratio >= target ? "MET" : "missed");
  }

  /** Journal fsyncs and the small writes they covered, from the node's /metrics. */
  private static String journalStats(URI endpoint) {
    try {
      String text = new String(endpoint.resolve("/metrics").toURL().openStream().readAllBytes());
      long fsyncs = metric(text, "storage_journal_fsyncs_total");
      long writes = metric(text, "storage_journal_writes_total");
      return String.format(
          "%d writes in %d journal fsyncs (%.1f per fsync), %d checkpoints taking %s s",
          writes,
          fsyncs,
          writes / (double) Math.max(1, fsyncs),
          metric(text, "storage_journal_checkpoints_total"),
          text.replaceAll("(?s).*storage_journal_checkpoint_seconds_total ([0-9.]+).*", "$1"));
    } catch (IOException e) {
      return "unavailable (" + e + ")";
    }
  }

  private static long metric(String text, String name) {
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ")) {
        return (long) Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    return 0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void delete(Path dir) throws IOException {
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
