package vn.tangthu.retention.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The sweep items as CSV for the appraisal council (RFC 4180: comma-separated, CRLF line ends,
 * fields quoted when needed). Fields that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) are prefixed with {@code '}. The caller chooses the encoding (UTF-8,
 * with a byte-order mark when the file is meant for Excel). Stateless; thread-safe.
 */
public final class SweepItemsCsv {
  /** The header line's fields, the same names as the JSON items. */
  public static final String HEADER = "recordId,fileCode,action,eligibleOn";

  private SweepItemsCsv() {}

  /**
   * Writes the header and one line per item.
   *
   * @throws UncheckedIOException when {@code out} fails
   */
  public static void write(Iterable<SweepItem> items, Appendable out) {
    try {
      out.append(HEADER).append("\r\n");
      for (SweepItem i : items) {
        out.append(field(i.recordId()))
            .append(',')
            .append(field(i.fileCode().orElse("")))
            .append(',')
            .append(i.action().name())
            .append(',')
            .append(i.eligibleOn().toString())
            .append("\r\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String field(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
