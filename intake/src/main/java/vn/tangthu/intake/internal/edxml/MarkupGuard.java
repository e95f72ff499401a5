package vn.tangthu.intake.internal.edxml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Watches the raw bytes of an XML document before the JDK's StAX reader sees them, because that
 * reader streams character data in chunks but holds every tag (with its attributes), comment,
 * processing instruction and CDATA section whole in memory. A construct longer than the limit, and
 * any {@code <!DOCTYPE} (the door to entity expansion and external entities), stops the read with
 * {@link Violation}. Works on ASCII-compatible encodings (UTF-8, which edXML uses); not
 * thread-safe.
 */
final class MarkupGuard extends FilterInputStream {

  /** The document broke a rule; the message says which and where. */
  static final class Violation extends IOException {
    private static final long serialVersionUID = 1L;

    Violation(String message) {
      super(message);
    }
  }

  private enum State {
    TEXT,
    OPEN,
    BANG,
    TAG,
    QUOTED,
    COMMENT,
    PI,
    CDATA
  }

  private static final String DOCTYPE = "DOCTYPE";
  private static final String CDATA_START = "[CDATA[";

  private final int limit;
  private State state = State.TEXT;
  private long offset;
  private long start;
  private long length;
  private int quote;
  private final StringBuilder bang = new StringBuilder(8);
  private int tail;
  private Violation violation;

  MarkupGuard(InputStream in, int limit) {
    super(in);
    this.limit = limit;
  }

  /** The rule broken, once one has been. */
  Violation violation() {
    return violation;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (violation != null) {
      throw violation;
    }
    int n = in.read(b, off, len);
    for (int i = 0; i < n; i++) {
      step(b[off + i] & 0xff);
      offset++;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
    long left = n;
    while (left > 0) {
      int k = read(buf, 0, (int) Math.min(buf.length, left));
      if (k < 0) {
        break;
      }
      left -= k;
    }
    return n - left;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void step(int c) throws Violation {
    if (state == State.TEXT) {
      if (c == '<') {
        state = State.OPEN;
        start = offset;
        length = 1;
      }
      return;
    }
    if (++length > limit) {
      fail("a " + construct() + " longer than " + limit + " bytes");
    }
    switch (state) {
      case OPEN -> open(c);
      case BANG -> bang(c);
      case TAG -> tag(c);
      case QUOTED -> {
        if (c == quote) {
          state = State.TAG;
        }
      }
      case COMMENT -> endsWith(c, '-', '-', '>');
      case PI -> endsWith(c, 0, '?', '>');
      case CDATA -> endsWith(c, ']', ']', '>');
      default -> throw new IllegalStateException(state.name());
    }
  }

  private void open(int c) {
    if (c == '!') {
      state = State.BANG;
      bang.setLength(0);
    } else if (c == '?') {
      state = State.PI;
      tail = 0;
    } else {
      state = State.TAG;
      tag(c);
    }
  }

  private void bang(int c) throws Violation {
    bang.append((char) c);
    String s = bang.toString();
    if (s.equals("--")) {
      state = State.COMMENT;
      tail = 0;
    } else if (s.equals(CDATA_START)) {
      state = State.CDATA;
      tail = 0;
    } else if (s.equals(DOCTYPE)) {
      fail("a DOCTYPE declaration (DTDs, entities and external references are refused)");
    } else if (!"--".startsWith(s) && !CDATA_START.startsWith(s) && !DOCTYPE.startsWith(s)) {
      state = State.TAG;
      tag(c);
    }
  }

  private void tag(int c) {
    if (c == '"' || c == '\'') {
      quote = c;
      state = State.QUOTED;
    } else if (c == '>') {
      state = State.TEXT;
    }
  }

  /** Tracks the last two bytes; a construct ends at {@code a b >} ({@code a == 0}: any). */
  private void endsWith(int c, int a, int b, int end) {
    int prev2 = (tail >> 8) & 0xff;
    int prev1 = tail & 0xff;
    if (c == end && prev1 == b && (a == 0 || prev2 == a) && length > 3) {
      state = State.TEXT;
    }
    tail = ((tail << 8) | c) & 0xffff;
  }

  private String construct() {
    return switch (state) {
      case COMMENT -> "comment";
      case PI -> "processing instruction";
      case CDATA -> "CDATA section";
      default -> "tag";
    };
  }

  private void fail(String what) throws Violation {
    violation = new Violation(what + ", at byte " + start);
    throw violation;
  }
}
