package vn.tangthu.indexer.extract.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.tangthu.indexer.extract.ExtractionResult;

/**
 * The pipe protocol between {@link vn.tangthu.indexer.extract.ForkedTextExtractor} and {@link
 * ExtractorChild}: the child writes {@link #READY} once; each request is the file path and the
 * nullable file name; each response is one result.
 */
public final class ChildProtocol {

  public static final String READY = "tangthu-extractor-ready";

  private ChildProtocol() {}

  public static void writeRequest(DataOutputStream out, String path, String name)
      throws IOException {
    out.writeUTF(path);
    writeNullable(out, name);
    out.flush();
  }

  static void write(DataOutputStream out, ExtractionResult r) throws IOException {
    out.writeBoolean(r.status() == ExtractionResult.Status.DONE);
    writeNullable(out, r.reason());
    byte[] text = r.text().getBytes(StandardCharsets.UTF_8);
    out.writeInt(text.length);
    out.write(text);
    out.writeUTF(r.mediaType());
    writeNullable(out, r.language());
    out.writeInt(r.pageCount() == null ? -1 : r.pageCount());
    out.writeBoolean(r.truncated());
  }

  public static ExtractionResult read(DataInputStream in) throws IOException {
    boolean done = in.readBoolean();
    String reason = readNullable(in);
    byte[] text = new byte[in.readInt()];
    in.readFully(text);
    String mediaType = in.readUTF();
    String language = readNullable(in);
    int pages = in.readInt();
    boolean truncated = in.readBoolean();
    return new ExtractionResult(
        done ? ExtractionResult.Status.DONE : ExtractionResult.Status.FAILED,
        reason,
        new String(text, StandardCharsets.UTF_8),
        mediaType,
        language,
        pages < 0 ? null : pages,
        truncated);
  }

  static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s.length() > 10_000 ? s.substring(0, 10_000) : s);
    }
  }

  static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
