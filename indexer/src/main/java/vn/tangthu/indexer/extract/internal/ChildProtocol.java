package vn.tangthu.indexer.extract.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.tangthu.child.Messages;
import vn.tangthu.indexer.extract.ExtractionResult;

/**
 * The messages between {@link vn.tangthu.indexer.extract.ForkedTextExtractor} and {@link
 * ExtractorChild} (the child-process pool frames them): each request is the file path and the
 * nullable file name; each answer is one result.
 */
public final class ChildProtocol {
  private static final int MAX_REASON = 10_000;

  private ChildProtocol() {}

  /**
   * The largest answer for texts cut at {@code maxTextChars}: 3 UTF-8 bytes a char, plus fields.
   */
  public static int maxAnswerBytes(int maxTextChars) {
    return (int) Math.min(Integer.MAX_VALUE - 16, 3L * maxTextChars + 256 * 1024);
  }

  public static byte[] request(String path, String name) {
    return Messages.encode(
        out -> {
          out.writeUTF(path);
          writeNullable(out, name);
        });
  }

  /** The path and the nullable name of a request. */
  static String[] readRequest(byte[] request) throws IOException {
    DataInputStream in = Messages.decode(request);
    return new String[] {in.readUTF(), Messages.readNullable(in)};
  }

  static byte[] answer(ExtractionResult r) {
    return Messages.encode(
        out -> {
          out.writeBoolean(r.status() == ExtractionResult.Status.DONE);
          writeNullable(out, r.reason());
          byte[] text = r.text().getBytes(StandardCharsets.UTF_8);
          out.writeInt(text.length);
          out.write(text);
          out.writeUTF(r.mediaType());
          writeNullable(out, r.language());
          out.writeInt(r.pageCount() == null ? -1 : r.pageCount());
          out.writeBoolean(r.truncated());
          out.writeInt(r.pagesWithoutText() == null ? -1 : r.pagesWithoutText());
        });
  }

  public static ExtractionResult readAnswer(byte[] answer) throws IOException {
    DataInputStream in = Messages.decode(answer);
    boolean done = in.readBoolean();
    String reason = Messages.readNullable(in);
    byte[] text = new byte[in.readInt()];
    in.readFully(text);
    String mediaType = in.readUTF();
    String language = Messages.readNullable(in);
    int pages = in.readInt();
    boolean truncated = in.readBoolean();
    int withoutText = in.readInt();
    return new ExtractionResult(
        done ? ExtractionResult.Status.DONE : ExtractionResult.Status.FAILED,
        reason,
        new String(text, StandardCharsets.UTF_8),
        mediaType,
        language,
        pages < 0 ? null : pages,
        truncated,
        withoutText < 0 ? null : withoutText);
  }

  private static void writeNullable(DataOutputStream out, String s) throws IOException {
    Messages.writeNullable(
        out, s == null || s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON));
  }
}
