package vn.tangthu.archive.record;

import java.util.Optional;

/** A single {@code Range: bytes=...} request resolved against a size (RFC 9110 §14). */
record ByteRange(long first, long last) {

  long length() {
    return last - first + 1;
  }

  /**
   * Parses the header. Empty when there is no usable range (absent, multiple ranges or another
   * unit: the whole content is sent); {@code null}-free.
   *
   * @throws IllegalArgumentException when the range cannot be satisfied (416)
   */
  static Optional<ByteRange> parse(String header, long size) {
    if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
      return Optional.empty();
    }
    String spec = header.substring(6).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    try {
      String a = spec.substring(0, dash).strip();
      String b = spec.substring(dash + 1).strip();
      if (a.isEmpty()) {
        long suffix = Long.parseLong(b);
        if (suffix <= 0 || size == 0) {
          throw new IllegalArgumentException("unsatisfiable");
        }
        return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(a);
      long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      if (first >= size || last < first) {
        throw new IllegalArgumentException("unsatisfiable");
      }
      return Optional.of(new ByteRange(first, last));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
