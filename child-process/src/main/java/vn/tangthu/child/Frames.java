package vn.tangthu.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The framing on the pipes between a {@link ChildPool} and its children: each message is a 4-byte
 * big-endian length and that many bytes. A child says it is ready with the frame {@link #READY}.
 */
final class Frames {
  static final byte[] READY = "tangthu-child-ready".getBytes(StandardCharsets.US_ASCII);

  private Frames() {}

  static void write(DataOutputStream out, byte[] frame) throws IOException {
    out.writeInt(frame.length);
    out.write(frame);
    out.flush();
  }

  /**
   * Reads one frame.
   *
   * @throws java.io.EOFException at end of input
   * @throws IOException if the length is negative or over {@code max}
   */
  static byte[] read(DataInputStream in, int max) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw new IOException("protocol error: a frame of " + n + " bytes (at most " + max + ")");
    }
    byte[] frame = new byte[n];
    in.readFully(frame);
    return frame;
  }
}
