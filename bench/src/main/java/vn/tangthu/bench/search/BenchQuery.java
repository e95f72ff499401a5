package vn.tangthu.bench.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One clerk query of the mix, as both engines run it.
 *
 * @param kind the class of the query (for the per-class figures)
 * @param q the query text as typed ("" for a filter-only query)
 * @param agencyCode subtree filter, or null
 * @param typeName type filter, or null
 * @param issuedFrom inclusive, or null
 * @param issuedTo inclusive, or null
 */
public record BenchQuery(
    Kind kind,
    String q,
    String agencyCode,
    String typeName,
    LocalDate issuedFrom,
    LocalDate issuedTo) {

  /** Classes of the mix. */
  public enum Kind {
    /** Two or three words typed without diacritics. */
    FOLDED_WORDS,
    /** A quoted phrase with diacritics. */
    PHRASE,
    /** A document number like 123/QĐ-UBND. */
    DOC_NUMBER,
    /** Words with an agency filter. */
    WORDS_AND_FILTER,
    /** Agency, type and date filters only, newest first (facets are what the clerk wants). */
    FILTERS_ONLY
  }

  public BenchQuery {
    Objects.requireNonNull(kind, "kind");
    q = q == null ? "" : q;
  }

  boolean filterOnly() {
    return q.isBlank();
  }

  /** The query string of {@code GET /search}. */
  public String httpQuery() {
    StringBuilder sb = new StringBuilder("size=20");
    param(sb, "q", q.isEmpty() ? null : q);
    param(sb, "agencyCode", agencyCode);
    param(sb, "typeName", typeName);
    param(sb, "issuedFrom", issuedFrom == null ? null : issuedFrom.toString());
    param(sb, "issuedTo", issuedTo == null ? null : issuedTo.toString());
    if (filterOnly()) {
      sb.append("&sort=-issuedDate");
    }
    return sb.toString();
  }

  private static void param(StringBuilder sb, String name, String value) {
    if (value != null) {
      sb.append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
