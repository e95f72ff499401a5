package vn.tangthu.indexer.search.internal;

import java.nio.charset.StandardCharsets;
import org.apache.lucene.util.BytesRef;

/**
 * The faceted values of a record (agency, type, year) as one sorted doc value, so counting the
 * facets of a match costs one doc-values lookup instead of three: a segment holds at most (agencies
 * × types × years) distinct keys, counted by ordinal and split into the three facets once per
 * segment.
 *
 * @param agencyCode the owning agency ("" when absent)
 * @param typeName the document type ("" when absent)
 * @param year the year of issue ("" when absent)
 */
public record FacetKey(String agencyCode, String typeName, String year) {

  private static final char SEPARATOR = '\u001f';

  public FacetKey {
    agencyCode = clean(agencyCode);
    typeName = clean(typeName);
    year = clean(year);
  }

  /** The doc value of this key. */
  public BytesRef encode() {
    return new BytesRef(agencyCode + SEPARATOR + typeName + SEPARATOR + year);
  }

  /**
   * The key of a doc value made by {@link #encode()}.
   *
   * @throws IllegalArgumentException when the value is not such a key
   */
  public static FacetKey decode(BytesRef value) {
    String s = new String(value.bytes, value.offset, value.length, StandardCharsets.UTF_8);
    int first = s.indexOf(SEPARATOR);
    int second = first < 0 ? -1 : s.indexOf(SEPARATOR, first + 1);
    if (second < 0) {
      throw new IllegalArgumentException("not a facet key: " + s);
    }
    return new FacetKey(
        s.substring(0, first), s.substring(first + 1, second), s.substring(second + 1));
  }

  private static String clean(String value) {
    return value == null ? "" : value.replace(SEPARATOR, ' ');
  }
}
