package vn.tangthu.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Packages of many items, far larger than the heap of the JVM that reads them ({@link
 * MemoryProbe}): a zip of files with {@code metadata.csv} written to disk by the test, and an edXML
 * batch that exists only as a formula ({@link VirtualChannel}). Both are read item by item, every
 * file to its last byte and checked, every item closed; the reader's spool folder must be empty
 * again after each item.
 */
final class LargePackages {

  static final int ROWS = 1000;
  static final int MAIN_BYTES = 200 * 1024;
  static final int ATTACHMENT_BYTES = 100 * 1024;
  static final int MESSAGES = 64;
  static final long MESSAGE_BASE64_CHARS = 77L * 50_000;

  private LargePackages() {}

  /** Byte {@code i} of the file that starts at {@code offset} in the period. */
  private static byte expected(long offset, long i) {
    return MemoryProbe.PERIOD[(int) ((offset + i) % MemoryProbe.PERIOD.length)];
  }

  /**
   * Writes a zip of {@value #ROWS} rows, each a 200 KiB file and a 100 KiB attachment (deflated;
   * the content does not compress), about 300 MB, in the test's own JVM: writing holds the central
   * directory in memory, reading must not need it all.
   */
  static void writeZipOfFiles(Path zip) throws IOException {
    StringBuilder csv = new StringBuilder("path,subject,attachmentPaths\n");
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
      out.setLevel(Deflater.BEST_SPEED);
      for (int i = 0; i < ROWS; i++) {
        write(out, "van-ban/" + i + ".bin", i, MAIN_BYTES);
        write(out, "phu-luc/" + i + ".bin", i + 7, ATTACHMENT_BYTES);
        csv.append("van-ban/").append(i).append(".bin,Văn bản số ").append(i);
        csv.append(",phu-luc/").append(i).append(".bin\n");
      }
      out.putArchiveEntry(new ZipArchiveEntry("metadata.csv"));
      out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
      out.closeArchiveEntry();
    }
  }

  /** Reads the zip {@link #writeZipOfFiles} wrote, item by item, checking every byte. */
  static void readZipOfFiles(Path zip, Path tmp) throws Exception {
    long bytes = 0;
    Path spool = Files.createDirectory(tmp.resolve("spool-zip"));
    try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ);
        PackageReader reader = PackageReader.open(channel, IntakeOptions.of(spool))) {
      MemoryProbe.check(reader.size() == ROWS, "the zip has " + reader.size() + " items");
      for (int i = 0; i < reader.size(); i++) {
        try (IntakeItem item = reader.read(i)) {
          ReadyItem ready = (ReadyItem) item;
          bytes += verify(ready.file(), i, MAIN_BYTES);
          bytes += verify(ready.attachments().get(0), i + 7, ATTACHMENT_BYTES);
        }
      }
    }
    MemoryProbe.check(empty(spool), "the spool folder is left empty");
    System.out.println("ZIP " + Files.size(zip) + " " + ROWS + " " + bytes);
  }

  private static void write(ZipArchiveOutputStream out, String name, long offset, int size)
      throws IOException {
    out.putArchiveEntry(new ZipArchiveEntry(name));
    byte[] buf = new byte[8192];
    for (int done = 0; done < size; ) {
      int n = Math.min(buf.length, size - done);
      for (int k = 0; k < n; k++) {
        buf[k] = expected(offset, done + k);
      }
      out.write(buf, 0, n);
      done += n;
    }
    out.closeArchiveEntry();
  }

  private static long verify(ItemFile file, long offset, int size) throws IOException {
    long n = 0;
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = file.open()) {
      for (int k = in.read(buf); k >= 0; k = in.read(buf)) {
        for (int j = 0; j < k; j++) {
          if (buf[j] != expected(offset, n + j)) {
            throw new AssertionError(file.name() + ": byte " + (n + j) + " differs");
          }
        }
        n += k;
      }
    }
    MemoryProbe.check(n == size, file.name() + ": " + n + " bytes, not " + size);
    return n;
  }

  /**
   * A tar of {@value #MESSAGES} edXML messages, each carrying an attachment of 3.75 MB of base64
   * (zeros once decoded), about 250 MB; each message's attachment is spooled to disk while its item
   * is open and deleted when it is closed.
   */
  static void batchOfMessages(Path tmp) throws Exception {
    Messages m = Messages.standard();
    m.attachments.clear();
    m.attachRaw("big", "big.pdf", "application/pdf", "@@BASE64@@", true);
    String[] parts = m.xml().split("@@BASE64@@");
    byte[] head = parts[0].getBytes(StandardCharsets.UTF_8);
    byte[] tail = parts[1].getBytes(StandardCharsets.UTF_8);
    long size = head.length + MESSAGE_BASE64_CHARS + tail.length;
    byte[] line = ("A".repeat(76) + "\n").getBytes(StandardCharsets.US_ASCII);
    VirtualChannel tar = new VirtualChannel();
    for (int i = 0; i < MESSAGES; i++) {
      tar.literal(header(String.format("messages/%03d.xml", i), size))
          .literal(head)
          .cyclic(MESSAGE_BASE64_CHARS, line)
          .literal(tail)
          .zeros((512 - size % 512) % 512);
    }
    tar.zeros(1024);
    long decoded = MESSAGE_BASE64_CHARS / 77 * 57;
    Path spool = Files.createDirectory(tmp.resolve("spool-batch"));
    try (PackageReader reader = PackageReader.open(tar, IntakeOptions.of(spool))) {
      MemoryProbe.check(
          reader.format() == PackageFormat.EDXML_BATCH && reader.size() == MESSAGES,
          reader.format() + " of " + reader.size());
      for (int i = 0; i < reader.size(); i++) {
        try (IntakeItem item = reader.read(i)) {
          ItemFile file = ((ReadyItem) item).file();
          long n;
          try (InputStream in = file.open()) {
            n = in.transferTo(OutputStream.nullOutputStream());
          }
          MemoryProbe.check(n == decoded, "message " + i + ": decoded " + n + " bytes");
        }
        MemoryProbe.check(empty(spool), "item " + i + "'s spooled attachment is deleted");
      }
    }
    System.out.println("BATCH " + tar.size() + " " + MESSAGES + " " + decoded * MESSAGES);
  }

  /** No file under {@code dir} (the reader's private folder may still be there while open). */
  private static boolean empty(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.noneMatch(Files::isRegularFile);
    }
  }

  private static byte[] header(String name, long size) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(size);
    byte[] h = new byte[512];
    e.writeEntryHeader(h);
    return h;
  }
}
