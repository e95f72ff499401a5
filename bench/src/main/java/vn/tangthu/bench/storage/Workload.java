package vn.tangthu.bench.storage;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.UploadObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The client side of the benchmark: the same operations, on the same threads, for every server. */
final class Workload {
  static final int KIB = 1024;
  static final int MIB = 1024 * 1024;
  static final long LARGE = 256L * MIB;

  private final ExecutorService pool;
  private final int threads;

  Workload(ExecutorService pool, int threads) {
    this.pool = pool;
    this.threads = threads;
  }

  ExecutorService pool() {
    return pool;
  }

  /** Runs {@code op} on every thread for the phase duration; returns completed ops per second. */
  double timedOps(Callable<Void> op, int seconds) throws Exception {
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

  static Void putSmall(MinioClient client, int size, List<String> keys) throws Exception {
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

  static Void getRandom(MinioClient client, List<String> keys) throws Exception {
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

  /**
   * {@code largeCount} uploads of 256 MiB over the threads (the MinIO SDK sends them as multipart
   * uploads), then GETs.
   *
   * @return {@code [PUT MiB/s, GET MiB/s, server CPU ms per MiB PUT, per MiB GET]}
   */
  double[] large(MinioClient client, Path source, ServerProcess server, int largeCount)
      throws Exception {
    double mib = largeCount * (double) LARGE / MIB;
    CpuMeter meter = CpuMeter.start(server);
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
    double put = mib / ((System.nanoTime() - start) / 1e9);
    double putCpu = meter.largeLap("PUT 256 MiB", mib);
    start = System.nanoTime();
    List<Future<Void>> gets = new ArrayList<>();
    for (int i = 0; i < largeCount; i++) {
      String key = "large/" + i;
      gets.add(pool.submit(() -> getLarge(client, key)));
    }
    for (Future<Void> f : gets) {
      f.get();
    }
    double get = mib / ((System.nanoTime() - start) / 1e9);
    double getCpu = meter.largeLap("GET 256 MiB", mib);
    return new double[] {put, get, putCpu, getCpu};
  }

  private static Void getLarge(MinioClient client, String key) throws Exception {
    try (InputStream in =
        client.getObject(GetObjectArgs.builder().bucket("bench").object(key).build())) {
      long n = in.transferTo(OutputStream.nullOutputStream());
      if (n != LARGE) {
        throw new IOException("short GET: " + n);
      }
    }
    return null;
  }
}
