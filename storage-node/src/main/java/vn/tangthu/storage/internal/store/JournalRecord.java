package vn.tangthu.storage.internal.store;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One small object version as written to the journal: everything needed to materialize it (its data
 * file and sidecar) again after a crash.
 *
 * @param bucket bucket name
 * @param key object key
 * @param versionId version id (names the sidecar)
 * @param dataFile data file name in the object node
 * @param replacedDataFile data file of the null version this write replaced, or null
 * @param sidecar serialized sidecar
 * @param data the object's bytes
 */
record JournalRecord(
    String bucket,
    String key,
    String versionId,
    String dataFile,
    String replacedDataFile,
    byte[] sidecar,
    byte[] data) {

  JournalRecord {
    Objects.requireNonNull(bucket);
    Objects.requireNonNull(key);
    Objects.requireNonNull(versionId);
    Objects.requireNonNull(dataFile);
    Objects.requireNonNull(sidecar);
    Objects.requireNonNull(data);
  }

  /** Bytes {@link #encodeTo} writes. */
  int encodedSize() {
    return 4 * 7
        + utf8Length(bucket)
        + utf8Length(key)
        + utf8Length(versionId)
        + utf8Length(dataFile)
        + (replacedDataFile == null ? 0 : utf8Length(replacedDataFile))
        + sidecar.length
        + data.length;
  }

  /** Writes the record (the format {@link #decode} reads) at the buffer's position. */
  void encodeTo(ByteBuffer out) {
    putString(out, bucket);
    putString(out, key);
    putString(out, versionId);
    putString(out, dataFile);
    putString(out, replacedDataFile == null ? "" : replacedDataFile);
    out.putInt(sidecar.length).put(sidecar);
    out.putInt(data.length).put(data);
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void putString(ByteBuffer out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.putInt(b.length).put(b);
  }

  static JournalRecord decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
    String bucket = readString(in);
    String key = readString(in);
    String versionId = readString(in);
    String dataFile = readString(in);
    String replaced = readString(in);
    byte[] sidecar = in.readNBytes(in.readInt());
    byte[] data = in.readNBytes(in.readInt());
    return new JournalRecord(
        bucket, key, versionId, dataFile, replaced.isEmpty() ? null : replaced, sidecar, data);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 20) {
      throw new IOException("corrupt journal record");
    }
    return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
  }
}
