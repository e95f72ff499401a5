package vn.tangthu.child;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Helpers for the users' own encodings of requests and answers (the frames of a {@link ChildPool}):
 * a message is written and read with {@link DataOutputStream} and {@link DataInputStream}.
 */
public final class Messages {
  private Messages() {}

  /** Writes the fields of one message. */
  @FunctionalInterface
  public interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  /** The bytes {@code writer} writes. */
  public static byte[] encode(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A reader of {@code message}'s fields; reading past its end throws {@link java.io.EOFException}.
   */
  public static DataInputStream decode(byte[] message) {
    return new DataInputStream(new ByteArrayInputStream(message));
  }

  /** Writes a presence flag, then the string if there is one. */
  public static void writeNullable(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  /** Reads what {@link #writeNullable} wrote. */
  public static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
