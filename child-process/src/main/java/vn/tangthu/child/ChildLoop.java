package vn.tangthu.child;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The child's side of a {@link ChildPool}: called from the {@code main} of a {@link ChildProgram}'s
 * main class. Reads the greeting, prepares with it, says it is ready, then answers one request at a
 * time until the pool closes the pipe. Standard output carries only frames: {@code System.out} is
 * redirected to standard error (which the pool discards), so libraries that print cannot break the
 * protocol. The pool starts the child with {@code -XX:+ExitOnOutOfMemoryError}, so a request that
 * exhausts the heap ends the process instead of leaving it damaged.
 */
public final class ChildLoop {
  private static final int MAX_REQUEST = Integer.MAX_VALUE - 16;

  private ChildLoop() {}

  /** Prepares a child with the pool's greeting (e.g. loads a trust store, warms up parsers). */
  @FunctionalInterface
  public interface Setup {
    /** Returns the handler of every request of this child. */
    Handler start(byte[] greeting) throws IOException;
  }

  /** Answers one request. Runs on the child's main thread, one request at a time. */
  @FunctionalInterface
  public interface Handler {
    /**
     * The answer frame. An exception ends the child, which the pool reports as {@link
     * ChildFailure.Kind#CRASHED}; a handler that wants the caller to know why encodes it in the
     * answer.
     */
    byte[] answer(byte[] request) throws IOException;
  }

  /**
   * Serves the pool on standard input and output; returns when the pool closes standard input.
   *
   * @throws IOException if a pipe fails or a handler throws
   */
  public static void serve(Setup setup) throws IOException {
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(System.err);
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
    Handler handler;
    try {
      handler = setup.start(Frames.read(in, MAX_REQUEST));
    } catch (EOFException e) {
      return;
    }
    Frames.write(out, Frames.READY);
    while (true) {
      byte[] request;
      try {
        request = Frames.read(in, MAX_REQUEST);
      } catch (EOFException e) {
        return;
      }
      Frames.write(out, handler.answer(request));
    }
  }
}
