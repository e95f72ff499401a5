package vn.tangthu.retention.transfer.internal;

import java.text.Normalizer;

/** Safe path segments from user-supplied file names. */
public final class Names {
  private static final int MAX_LENGTH = 120;

  private Names() {}

  /**
   * A single path segment from {@code name}: NFC, letters, digits and {@code . _ -} kept
   * (Vietnamese letters included), anything else becomes {@code _}; never empty, never {@code .} or
   * {@code ..}, at most 120 characters (the extension kept).
   */
  public static String segment(String name) {
    String n = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(n.length());
    n.codePoints()
        .forEach(
            cp -> {
              if (Character.isLetterOrDigit(cp) || cp == '.' || cp == '_' || cp == '-') {
                out.appendCodePoint(cp);
              } else {
                out.append('_');
              }
            });
    String s = out.toString().replaceAll("\\.{2,}", "_");
    while (s.startsWith(".")) {
      s = "_" + s.substring(1);
    }
    if (s.isEmpty()) {
      s = "file";
    }
    if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
      int dot = s.lastIndexOf('.');
      String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
      s = s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH - ext.length())) + ext;
    }
    return s;
  }
}
