package vn.tangthu.storage.internal.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length + sidecar.length + 512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeString(out, bucket);
      writeString(out, key);
      writeString(out, versionId);
      writeString(out, dataFile);
      writeString(out, replacedDataFile == null ? "" : replacedDataFile);
      out.writeInt(sidecar.length);
      out.write(sidecar);
      out.writeInt(data.length);
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
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

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 20) {
      throw new IOException("corrupt journal record");
    }
    return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
  }
}
