package vn.tangthu.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Run in a JVM of its own with a small heap by {@link MemoryBoundTest}: reads a 1 GiB tar entry, a
 * message whose attachment is 192 MiB of base64-decoded content, a message with a 256 MiB
 * attribute, and two packages of many items ({@link LargePackages}: the 300 MB zip of 1,000 rows
 * the test wrote, {@code args[1]}, and a 250 MB batch of 64 messages), then prints the largest live
 * heap of each phase. Exits non-zero on any surprise.
 */
public final class MemoryProbe {

  static final long GIB = 1L << 30;

  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    Path tmp = Path.of(args[0]);
    System.gc();
    long baseline = live();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    AtomicLong maxLive = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                maxLive.accumulateAndGet(live(), Math::max);
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    bigTarEntry(tmp);
    phase("TAR", maxLive);
    bigAttachment(tmp);
    phase("EDXML", maxLive);
    hugeAttribute(tmp);
    phase("HOSTILE", maxLive);
    LargePackages.readZipOfFiles(Path.of(args[1]), tmp);
    phase("ZIP", maxLive);
    LargePackages.batchOfMessages(tmp);
    phase("BATCH", maxLive);
    sampler.interrupt();
    sampler.join();
    System.out.println("BASELINE " + baseline);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("PEAK " + peak);
  }

  /** Prints the phase's largest live heap and starts the next phase's from the current one. */
  private static void phase(String name, AtomicLong maxLive) {
    System.gc();
    System.out.println("PHASE " + name + " " + maxLive.getAndSet(live()));
  }

  /**
   * The heap in use right after the last collection (call it after {@code System.gc()}): what the
   * collector found live, not what other threads allocated since.
   */
  private static long live() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        used += pool.getCollectionUsage().getUsed();
      }
    }
    return used;
  }

  /** A period prime to every block and buffer size, so misplaced bytes show. */
  static final byte[] PERIOD = period(65_521);

  private static byte[] period(int n) {
    byte[] p = new byte[n];
    new java.util.Random(65_521).nextBytes(p);
    return p;
  }

  private static void bigTarEntry(Path tmp) throws Exception {
    byte[] csv = "path,subject\nbig.bin,Một tệp một gigabyte\n".getBytes(StandardCharsets.UTF_8);
    VirtualChannel tar =
        new VirtualChannel()
            .literal(header("metadata.csv", csv.length))
            .literal(csv)
            .zeros(512 - csv.length)
            .literal(header("big.bin", GIB))
            .cyclic(GIB, PERIOD)
            .zeros(1024);
    try (PackageReader reader = PackageReader.open(tar, IntakeOptions.of(tmp));
        IntakeItem item = reader.read(0)) {
      ReadyItem ready = (ReadyItem) item;
      long n = 0;
      byte[] buf = new byte[64 * 1024];
      try (InputStream in = ready.file().open()) {
        for (int k = in.read(buf); k >= 0; k = in.read(buf)) {
          for (int i = 0; i < k; i++) {
            if (buf[i] != PERIOD[(int) ((n + i) % PERIOD.length)]) {
              throw new AssertionError("byte " + (n + i) + " differs");
            }
          }
          n += k;
        }
      }
      check(n == GIB, "read " + n + " bytes of the 1 GiB entry");
      System.out.println("TAR " + n);
    }
  }

  private static void bigAttachment(Path tmp) throws Exception {
    long chars = 256L << 20;
    String[] parts = split(Messages.standard(), "@@BASE64@@");
    VirtualChannel message =
        new VirtualChannel()
            .literal(parts[0].getBytes(StandardCharsets.UTF_8))
            .cyclic(chars, ("A".repeat(76) + "\n").getBytes(StandardCharsets.US_ASCII))
            .literal(parts[1].getBytes(StandardCharsets.UTF_8));
    try (PackageReader reader = PackageReader.open(message, IntakeOptions.of(tmp));
        IntakeItem item = reader.read(0)) {
      check(item instanceof ReadyItem, "the big message is " + item);
      ItemFile file = ((ReadyItem) item).file();
      long n;
      try (InputStream in = file.open()) {
        n = in.transferTo(OutputSink.INSTANCE);
      }
      long digits = chars - chars / 77;
      long expected = digits / 4 * 3 + Math.max(0, digits % 4 - 1);
      check(n == expected && file.size() == n, "decoded " + n + " bytes, expected " + expected);
      System.out.println("EDXML " + n);
    }
  }

  private static void hugeAttribute(Path tmp) throws Exception {
    Messages m = Messages.standard();
    String xml = m.xml().replace("<edXML:Subject>", "<edXML:Subject junk=\"@@ATTR@@\">");
    String[] parts = xml.split("@@ATTR@@");
    VirtualChannel message =
        new VirtualChannel()
            .literal(parts[0].getBytes(StandardCharsets.UTF_8))
            .cyclic(256L << 20, new byte[] {'x'})
            .literal(parts[1].getBytes(StandardCharsets.UTF_8));
    try (PackageReader reader = PackageReader.open(message, IntakeOptions.of(tmp));
        IntakeItem item = reader.read(0)) {
      check(
          item instanceof FailedItem f && f.error().code() == ItemErrorCode.XML_HOSTILE,
          "the 256 MiB attribute gave " + item);
      System.out.println("HOSTILE " + ((FailedItem) item).error().code());
    }
  }

  private static String[] split(Messages m, String marker) {
    m.attachments.clear();
    m.attachRaw("big", "big.pdf", "application/pdf", marker, true);
    return m.xml().split(marker);
  }

  private static byte[] header(String name, long size) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(size);
    byte[] h = new byte[512];
    e.writeEntryHeader(h);
    return h;
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  /** Discards what it is given. */
  private static final class OutputSink extends ByteArrayOutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    @Override
    public void write(byte[] b, int off, int len) {}

    @Override
    public void write(int b) {}
  }
}
