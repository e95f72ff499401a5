package vn.tangthu.intake.internal.table;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.tangthu.intake.internal.io.SpoolDir;

/**
 * The metadata rows, parsed once and kept in a spool file (8 bytes of memory per row: its offset),
 * so that row N can be read again at any time without re-parsing the CSV or JSON and without
 * holding all rows in memory. Appending is single-threaded; reading is thread-safe.
 */
final class RowStore implements Closeable {

  private final Path file;
  private final OutputStream out;
  private long[] offsets = new long[64];
  private int size;
  private long written;
  private FileChannel reader;

  RowStore(SpoolDir spool) throws IOException {
    this.file = spool.newFile(".rows");
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
  }

  void append(MetadataRow row) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    DataOutputStream data = new DataOutputStream(bytes);
    string(data, row.label());
    data.writeBoolean(row.shapeError() != null);
    if (row.shapeError() != null) {
      string(data, row.shapeError());
    }
    data.writeInt(row.values().size());
    for (Map.Entry<MetadataField, String> e : row.values().entrySet()) {
      data.writeByte(e.getKey().ordinal());
      string(data, e.getValue());
    }
    data.writeInt(row.attachmentPaths().size());
    for (String p : row.attachmentPaths()) {
      string(data, p);
    }
    data.flush();
    if (size + 1 >= offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    offsets[size] = written;
    bytes.writeTo(out);
    written += bytes.size();
    offsets[++size] = written;
  }

  /** Ends appending; rows can be read from now on. */
  void seal() throws IOException {
    out.close();
    reader = FileChannel.open(file, StandardOpenOption.READ);
  }

  int size() {
    return size;
  }

  MetadataRow get(int index) throws IOException {
    long start = offsets[index];
    ByteBuffer buf = ByteBuffer.allocate((int) (offsets[index + 1] - start));
    while (buf.hasRemaining()) {
      if (reader.read(buf, start + buf.position()) < 0) {
        throw new IOException("the metadata spool file is truncated");
      }
    }
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(buf.array()));
    String label = string(data);
    String shape = data.readBoolean() ? string(data) : null;
    Map<MetadataField, String> values = new EnumMap<>(MetadataField.class);
    MetadataField[] fields = MetadataField.values();
    for (int n = data.readInt(); n > 0; n--) {
      MetadataField f = fields[data.readByte()];
      values.put(f, string(data));
    }
    List<String> attachments = new ArrayList<>();
    for (int n = data.readInt(); n > 0; n--) {
      attachments.add(string(data));
    }
    return new MetadataRow(label, shape, values, attachments);
  }

  private static void string(DataOutputStream data, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    data.writeInt(b.length);
    data.write(b);
  }

  private static String string(DataInputStream data) throws IOException {
    return new String(data.readNBytes(data.readInt()), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
      if (reader != null) {
        reader.close();
      }
    } finally {
      SpoolDir.delete(file);
    }
  }
}
