package vn.tangthu.intake.internal.edxml;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A strict, streaming base64 decoder (RFC 4648 standard alphabet) fed with character chunks as the
 * XML reader delivers them: white space (line breaks of MIME encoders) is skipped, padding is
 * optional at the end, anything else that is not in the alphabet is an error naming its position.
 * Holds three bytes of state and an 8 KiB buffer. Not thread-safe.
 */
final class Base64Sink {

  /** The text is not base64; the message says where. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private static final int[] VALUE = new int[128];

  static {
    Arrays.fill(VALUE, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUE[alphabet.charAt(i)] = i;
    }
  }

  private final OutputStream out;
  private final byte[] buf = new byte[8192];
  private int buffered;
  private int quantum;
  private int digits;
  private int padding;
  private int digitsAtPad;
  private long position;
  private long written;

  Base64Sink(OutputStream out) {
    this.out = out;
  }

  void write(char[] chars, int off, int len) throws IOException, Malformed {
    for (int i = off; i < off + len; i++) {
      char c = chars[i];
      position++;
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        continue;
      }
      if (c == '=') {
        pad();
        continue;
      }
      if (padding > 0) {
        throw new Malformed("data after the '=' padding, at character " + position);
      }
      int v = c < 128 ? VALUE[c] : -1;
      if (v < 0) {
        throw new Malformed(
            "character '" + printable(c) + "' at position " + position + " is not base64");
      }
      quantum = (quantum << 6) | v;
      if (++digits == 4) {
        emit(quantum >> 16);
        emit(quantum >> 8);
        emit(quantum);
        digits = 0;
        quantum = 0;
      }
    }
  }

  private void pad() throws IOException, Malformed {
    if (padding == 0) {
      if (digits < 2) {
        throw new Malformed("misplaced '=' at character " + position);
      }
      flushPartial();
    } else if (padding >= 4 - digitsAtPad) {
      throw new Malformed("too much '=' padding at character " + position);
    }
    padding++;
  }

  private void flushPartial() throws IOException {
    digitsAtPad = digits;
    if (digits == 2) {
      emit(quantum >> 4);
    } else if (digits == 3) {
      emit(quantum >> 10);
      emit(quantum >> 2);
    }
    digits = 0;
    quantum = 0;
  }

  /** Ends the text: a trailing group of 2 or 3 digits without padding is accepted. */
  long finish() throws IOException, Malformed {
    if (padding == 0 && digits == 1) {
      throw new Malformed("the text ends in the middle of a byte (one character left over)");
    }
    if (padding == 0 && digits > 1) {
      flushPartial();
    }
    out.write(buf, 0, buffered);
    buffered = 0;
    return written;
  }

  private void emit(int b) throws IOException {
    if (buffered == buf.length) {
      out.write(buf, 0, buffered);
      buffered = 0;
    }
    buf[buffered++] = (byte) b;
    written++;
  }

  private static String printable(char c) {
    return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : String.valueOf(c);
  }
}
