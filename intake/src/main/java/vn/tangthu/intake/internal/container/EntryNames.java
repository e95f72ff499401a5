package vn.tangthu.intake.internal.container;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Entry paths: which are unsafe (zip-slip), how they are normalised for lookup, which are clutter
 * that operating systems add to archives.
 */
public final class EntryNames {

  private static final Set<String> CLUTTER = Set.of(".ds_store", "thumbs.db", "desktop.ini");

  private EntryNames() {}

  /**
   * Why {@code raw} could escape a folder or cannot be named safely, or {@code null} when it is
   * safe: NUL or control characters, a backslash, an absolute path, a drive letter, a {@code ..}
   * segment.
   */
  public static String unsafeReason(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "an empty path";
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == 0) {
        return "a NUL character";
      }
      if (c < 0x20 || c == 0x7f) {
        return "a control character";
      }
    }
    if (raw.indexOf('\\') >= 0) {
      return "a backslash";
    }
    if (raw.startsWith("/")) {
      return "an absolute path";
    }
    if (raw.length() >= 2 && raw.charAt(1) == ':' && Character.isLetter(raw.charAt(0))) {
      return "a drive letter";
    }
    for (String segment : raw.split("/", -1)) {
      if (segment.equals("..")) {
        return "a parent folder (..)";
      }
    }
    return null;
  }

  /**
   * {@code raw} without {@code .} and empty segments, in Unicode NFC (archives made on macOS store
   * names decomposed), without a trailing slash; {@code null} when unsafe or empty.
   */
  public static String normalize(String raw) {
    if (unsafeReason(raw) != null) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String segment : raw.split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        kept.add(segment);
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    return Normalizer.normalize(String.join("/", kept), Normalizer.Form.NFC);
  }

  /** The last segment of a normalised path. */
  public static String baseName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** The folder of a normalised path with its trailing slash, {@code ""} at the root. */
  public static String parent(String name) {
    return name.substring(0, name.lastIndexOf('/') + 1);
  }

  /**
   * Files that systems add and nobody means to import: macOS resource forks ({@code __MACOSX/},
   * {@code ._*}), {@code .DS_Store}, {@code Thumbs.db}, {@code desktop.ini}.
   */
  public static boolean isClutter(String name) {
    if (name.startsWith("__MACOSX/") || name.contains("/__MACOSX/")) {
      return true;
    }
    String base = baseName(name);
    return base.startsWith("._") || CLUTTER.contains(base.toLowerCase(Locale.ROOT));
  }
}
