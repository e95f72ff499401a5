package vn.tangthu.intake.internal.io;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a file is, from its first bytes (at least {@link #HEAD} of them when it has as many). */
public final class Magic {

  /** Bytes to read for every test here: a whole tar header. */
  public static final int HEAD = 512;

  private Magic() {}

  public static boolean isGzip(byte[] h, int n) {
    return n >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b;
  }

  /** A local file header, an empty archive's end record, or a spanned-archive marker. */
  public static boolean isZip(byte[] h, int n) {
    return n >= 4
        && h[0] == 'P'
        && h[1] == 'K'
        && ((h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6) || (h[2] == 7 && h[3] == 8));
  }

  /** A POSIX/GNU ({@code ustar}) or old V7 tar header with a valid checksum. */
  public static boolean isTar(byte[] h, int n) {
    if (n < HEAD || h[0] == 0) {
      return false;
    }
    String stored = new String(h, 148, 8, StandardCharsets.US_ASCII).replace('\0', ' ').strip();
    if (stored.isEmpty() || !stored.chars().allMatch(c -> c >= '0' && c <= '7')) {
      return false;
    }
    long sum = 0;
    for (int i = 0; i < HEAD; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
    }
    return Long.parseLong(stored, 8) == sum;
  }

  /** After an optional byte-order mark and white space, a {@code <}; or a UTF-16 BOM. */
  public static boolean looksLikeXml(byte[] h, int n) {
    if (n >= 2
        && ((h[0] & 0xff) == 0xfe && (h[1] & 0xff) == 0xff
            || (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xfe)) {
      return true;
    }
    int i =
        n >= 3 && (h[0] & 0xff) == 0xef && (h[1] & 0xff) == 0xbb && (h[2] & 0xff) == 0xbf ? 3 : 0;
    while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) {
      i++;
    }
    return i < n && h[i] == '<';
  }

  /**
   * The kind of archive a file is, or {@code null}: gzip, bzip2, xz, 7z, rar and tar by their
   * bytes; zip only when its name or declared type says zip, since DOCX, XLSX, ODT and EPUB are
   * zips too; else what its name claims ({@link #byName}).
   */
  public static String archiveKind(byte[] h, int n, String name, String declaredType) {
    if (isGzip(h, n)) {
      return "gzip";
    }
    if (startsWith(h, n, 'B', 'Z', 'h')) {
      return "bzip2";
    }
    if (startsWith(h, n, 0xfd, '7', 'z', 'X', 'Z', 0)) {
      return "xz";
    }
    if (startsWith(h, n, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
      return "7z";
    }
    if (startsWith(h, n, 'R', 'a', 'r', '!', 0x1a, 0x07)) {
      return "rar";
    }
    if (isTar(h, n)
        && n >= 262
        && new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
      return "tar";
    }
    if (isZip(h, n) && saysZip(name, declaredType)) {
      return "zip";
    }
    return byName(name);
  }

  /**
   * The archive kind a file name claims ({@code .zip}, {@code .7z}, {@code .rar}, {@code .tar},
   * {@code .tgz}, {@code .gz}, {@code .bz2}, {@code .xz}), or {@code null}: a part of a split zip
   * or a damaged archive has no recognisable first bytes but is no document either.
   */
  static String byName(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    for (String ext : ARCHIVE_EXTENSIONS) {
      if (lower.endsWith("." + ext)) {
        return ext + " (by its name)";
      }
    }
    return null;
  }

  private static final java.util.List<String> ARCHIVE_EXTENSIONS =
      java.util.List.of("zip", "7z", "rar", "tar", "tgz", "gz", "bz2", "xz");

  /** A name ending in {@code .zip} or a zip media type. */
  public static boolean saysZip(String name, String declaredType) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    String type = declaredType == null ? "" : declaredType.toLowerCase(Locale.ROOT);
    return lower.endsWith(".zip") || type.contains("zip");
  }

  private static boolean startsWith(byte[] h, int n, int... prefix) {
    if (n < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((h[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
