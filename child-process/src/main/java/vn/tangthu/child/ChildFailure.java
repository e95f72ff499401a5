package vn.tangthu.child;

import java.util.Objects;

/**
 * A request got no answer from its child. Except for {@link Kind#CLOSED}, the child has been killed
 * and a fresh one started in its place, so the pool keeps its size.
 */
public final class ChildFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the request got no answer. */
  public enum Kind {
    /** The child did not answer within the pool's time limit. */
    TIMED_OUT,
    /** The child exited on {@code OutOfMemoryError}: the request needs more than the heap limit. */
    OUT_OF_MEMORY,
    /** The child exited otherwise, did not start, or broke the protocol. */
    CRASHED,
    /** The pool is closed. */
    CLOSED
  }

  private final Kind kind;

  ChildFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** Why the request got no answer. */
  public Kind kind() {
    return kind;
  }
}
