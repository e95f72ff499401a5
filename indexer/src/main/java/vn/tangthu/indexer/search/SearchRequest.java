package vn.tangthu.indexer.search;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A clerk's query, as the HTTP contract's {@code GET /search} parameters. Null filters are absent.
 *
 * @param q query text: unquoted words must all match (with or without diacritics), "quoted
 *     phrases", -excluded words, document numbers like 123/QĐ-UBND
 * @param agencyCode restricts to records owned by this agency or its descendants
 * @param cursor opaque cursor from a previous {@link SearchResult#nextCursor()}, or null
 */
public record SearchRequest(
    String q,
    String agencyCode,
    String typeName,
    LocalDate issuedFrom,
    LocalDate issuedTo,
    String accessLevel,
    String signatureStatus,
    Sort sort,
    int size,
    String cursor) {

  /** Result order. */
  public enum Sort {
    RELEVANCE,
    ISSUED_DATE_ASC,
    ISSUED_DATE_DESC
  }

  public static final int MAX_SIZE = 100;

  public SearchRequest {
    Objects.requireNonNull(sort, "sort");
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
    q = q == null ? "" : q;
  }

  /** A relevance-ordered query for {@code q} with no filters. */
  public static SearchRequest of(String q, int size) {
    return new SearchRequest(q, null, null, null, null, null, null, Sort.RELEVANCE, size, null);
  }
}
