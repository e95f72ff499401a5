package vn.tangthu.storage.internal.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Maps S3 keys to relative paths without traversal. A key is split on {@code '/'}; every segment
 * becomes one path element whose name starts with a type letter ({@code D} a prefix directory,
 * {@code O} an object node directory, {@code C} a chunk of an over-long segment) followed by the
 * segment bytes, with every byte outside {@code [A-Za-z0-9._-]} written {@code %XX}. Because every
 * name starts with a letter, {@code .} and {@code ..} never appear; segments whose encoding exceeds
 * {@link #MAX_ENCODED} characters are split into {@code C} elements.
 */
public final class KeyCodec {
  static final int MAX_ENCODED = 180;
  static final byte SLASH = '/';

  private KeyCodec() {}

  /** Relative path of the object node directory of {@code key}. */
  public static Path nodePath(Path objectsRoot, String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    Path p = objectsRoot;
    int start = 0;
    for (int i = 0; i <= k.length; i++) {
      if (i == k.length || k[i] == SLASH) {
        boolean last = i == k.length;
        p = appendSegment(p, k, start, i, last ? 'O' : 'D');
        start = i + 1;
      }
    }
    return p;
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static Path appendSegment(Path p, byte[] k, int from, int to, char type) {
    StringBuilder name = new StringBuilder(Math.min(MAX_ENCODED, 3 * (to - from)) + 1);
    name.append('C');
    for (int i = from; i < to; i++) {
      int c = k[i] & 0xff;
      boolean plain = isPlain(c);
      if (name.length() - 1 + (plain ? 1 : 3) > MAX_ENCODED) {
        p = p.resolve(name.toString());
        name.setLength(0);
        name.append('C');
      }
      if (plain) {
        name.append((char) c);
      } else {
        name.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    name.setCharAt(0, type);
    return p.resolve(name.toString());
  }

  /** Whether a byte is written as itself ({@code [A-Za-z0-9._-]}) rather than {@code %XX}. */
  private static boolean isPlain(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '-'
        || c == '_';
  }

  /** Decodes the bytes of a path element name (without its type letter), or null if invalid. */
  static byte[] decodeName(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(name.length());
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '%') {
        if (i + 2 >= name.length()) {
          return null;
        }
        int hi = Character.digit(name.charAt(i + 1), 16);
        int lo = Character.digit(name.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        return null;
      }
    }
    return out.toByteArray();
  }
}
