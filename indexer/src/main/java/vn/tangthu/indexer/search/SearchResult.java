package vn.tangthu.indexer.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results. {@code total} and {@code facets} count only records visible to the caller.
 *
 * @param facets facet name ({@code agencyCode}, {@code typeName}, {@code year}) → value → count
 * @param nextCursor cursor for the next page, null on the last page
 */
public record SearchResult(
    long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets, String nextCursor) {

  public SearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }
}
