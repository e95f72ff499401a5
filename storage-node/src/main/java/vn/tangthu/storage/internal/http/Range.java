package vn.tangthu.storage.internal.http;

/** A single byte range of an object of known size. */
record Range(long first, long last, boolean unsatisfiable) {

  long length() {
    return last - first + 1;
  }

  /**
   * Parses a {@code Range} header; null when absent or not a single byte range (ignored as S3
   * does).
   */
  static Range parse(String header, long size) {
    if (header == null) {
      return null;
    }
    String h = header.trim();
    if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
      return null;
    }
    String spec = h.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String a = spec.substring(0, dash).trim();
      String b = spec.substring(dash + 1).trim();
      if (a.isEmpty()) {
        if (b.isEmpty()) {
          return null;
        }
        long suffix = Long.parseLong(b);
        if (suffix == 0 || size == 0) {
          return new Range(0, 0, true);
        }
        return new Range(Math.max(0, size - suffix), size - 1, false);
      }
      long first = Long.parseLong(a);
      long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      if (!b.isEmpty() && Long.parseLong(b) < first) {
        return null;
      }
      if (first >= size) {
        return new Range(0, 0, true);
      }
      return new Range(first, last, false);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
