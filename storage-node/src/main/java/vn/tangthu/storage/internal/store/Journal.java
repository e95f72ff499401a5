package vn.tangthu.storage.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of {@link JournalRecord}s, each framed as {@code magic, length, CRC32C,
 * payload}. A torn or corrupt tail (a crash during an append) ends the journal: the records before
 * it are intact. Not thread-safe: one writer (the group committer) at a time.
 */
final class Journal implements AutoCloseable {
  private static final int MAGIC = 0x54544a31; // "TTJ1"
  private static final int HEADER = 12;

  private final Path file;
  private final FileChannel channel;
  private volatile long size;
  private ByteBuffer buffer;

  Journal(Path file) throws IOException {
    this.file = file;
    this.channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    this.size = channel.size();
  }

  /** Bytes in the journal (0 after a checkpoint). */
  long size() {
    return size;
  }

  /**
   * Appends records (not yet durable: call {@link #force()}), encoded straight into one reused
   * direct buffer: one copy of each record's bytes, one write.
   */
  void append(List<JournalRecord> records) throws IOException {
    long total = 0;
    for (JournalRecord r : records) {
      total += HEADER + r.encodedSize();
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IOException("journal batch too large: " + total);
    }
    if (buffer == null || buffer.capacity() < total) {
      buffer = ByteBuffer.allocateDirect((int) Math.max(total, 1 << 20));
    }
    ByteBuffer buf = buffer.clear();
    CRC32C crc = new CRC32C();
    for (JournalRecord r : records) {
      int start = buf.position();
      buf.putInt(MAGIC).putInt(0).putInt(0);
      r.encodeTo(buf);
      int length = buf.position() - start - HEADER;
      crc.reset();
      crc.update(buf.duplicate().position(start + HEADER).limit(start + HEADER + length));
      buf.putInt(start + 4, length).putInt(start + 8, (int) crc.getValue());
    }
    buf.flip();
    long pos = size;
    while (buf.hasRemaining()) {
      pos += channel.write(buf, pos);
    }
    size = pos;
  }

  /** Makes every appended record durable (fdatasync). */
  void force() throws IOException {
    channel.force(false);
  }

  /** Empties the journal durably (after its records were made durable in place). */
  void truncate() throws IOException {
    channel.truncate(0);
    channel.force(true);
    size = 0;
  }

  /** The intact records of a journal file, oldest first (empty when the file does not exist). */
  static List<JournalRecord> read(Path file) throws IOException {
    List<JournalRecord> records = new ArrayList<>();
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return records;
    }
    ByteBuffer buf = ByteBuffer.wrap(all);
    while (buf.remaining() >= HEADER) {
      int magic = buf.getInt();
      int length = buf.getInt();
      int crc = buf.getInt();
      if (magic != MAGIC || length < 0 || length > buf.remaining()) {
        break;
      }
      byte[] payload = new byte[length];
      buf.get(payload);
      CRC32C c = new CRC32C();
      c.update(payload);
      if ((int) c.getValue() != crc) {
        break;
      }
      records.add(JournalRecord.decode(payload));
    }
    return records;
  }

  Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
