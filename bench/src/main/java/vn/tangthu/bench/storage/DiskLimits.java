package vn.tangthu.bench.storage;

import static vn.tangthu.bench.storage.Workload.KIB;
import static vn.tangthu.bench.storage.Workload.LARGE;
import static vn.tangthu.bench.storage.Workload.MIB;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The disk's own limits on the benchmark's file system, measured on the same threads. */
final class DiskLimits {
  private final Workload workload;
  private final Path work;
  private final int seconds;
  private final int largeCount;

  DiskLimits(Workload workload, Path work, int seconds, int largeCount) {
    this.workload = workload;
    this.work = work;
    this.seconds = seconds;
    this.largeCount = largeCount;
  }

  /** New file, 4 KiB write, force, close: per second over all threads. */
  double diskSmallFsync() throws Exception {
    Path dir = Files.createDirectories(work.resolve("disk-small"));
    AtomicLong seq = new AtomicLong();
    double rate =
        workload.timedOps(
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
    StorageBenchmark.delete(dir);
    System.out.printf("  disk     4 KiB write+fsync %8.1f ops/s%n", rate);
    return rate;
  }

  /** {@code largeCount} files of 256 MiB written in 1 MiB blocks over the threads, each forced. */
  double diskSequential() throws Exception {
    Path dir = Files.createDirectories(work.resolve("disk-seq"));
    long start = System.nanoTime();
    List<Future<Void>> fs = new ArrayList<>();
    for (int i = 0; i < largeCount; i++) {
      Path f = dir.resolve("s" + i);
      fs.add(
          workload
              .pool()
              .submit(
                  () -> {
                    byte[] block = new byte[MIB];
                    new Random(f.hashCode()).nextBytes(block);
                    try (FileChannel ch =
                        FileChannel.open(
                            f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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
    StorageBenchmark.delete(dir);
    System.out.printf("  disk     fsync'd sequential write %8.1f MiB/s%n", rate);
    return rate;
  }

  static void writeSource(Path source) throws IOException {
    byte[] block = new byte[MIB];
    Random r = new Random(42);
    try (OutputStream out = Files.newOutputStream(source)) {
      for (long done = 0; done < LARGE; done += MIB) {
        r.nextBytes(block);
        out.write(block);
      }
    }
  }
}
