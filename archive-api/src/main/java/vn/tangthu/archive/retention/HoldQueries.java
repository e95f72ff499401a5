package vn.tangthu.archive.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.indexer.search.SearchHit;
import vn.tangthu.indexer.search.SearchIndex;
import vn.tangthu.indexer.search.SearchRequest;
import vn.tangthu.indexer.search.SearchResult;

/**
 * Resolves a hold's query once: the same full-text search as {@code GET /search}, with the placing
 * user's visibility, paged through to the last hit, each hit checked again against the database and
 * kept only when the placer may also act for its agency (as an ARCHIVIST). Records not indexed yet
 * are not found. Thread-safe.
 */
public final class HoldQueries {

  /** More hits than this are refused: a hold that large is a mistake in the query. */
  static final int MAX_HITS = 100_000;

  private final SearchIndex index;
  private final AccessPolicy access;
  private final Jdbi jdbi;

  public HoldQueries(SearchIndex index, AccessPolicy access, Jdbi jdbi) {
    this.index = index;
    this.access = access;
    this.jdbi = jdbi;
  }

  /**
   * The ids of the active records matching {@code q} that {@code caller} may read and act for.
   *
   * @throws ApiException {@code INVALID_HOLD} (422) for a query the index refuses or one matching
   *     more than {@value #MAX_HITS} records
   */
  public List<UUID> resolve(Caller caller, String q) {
    Set<UUID> hits = new LinkedHashSet<>();
    String cursor = null;
    try {
      do {
        SearchResult page =
            index.search(
                new SearchRequest(
                    q,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    SearchRequest.Sort.RELEVANCE,
                    SearchRequest.MAX_SIZE,
                    cursor),
                access.visibility(caller));
        for (SearchHit h : page.hits()) {
          hits.add(UUID.fromString(h.id()));
        }
        if (hits.size() > MAX_HITS) {
          throw Requests.invalid(
              "INVALID_HOLD",
              "query",
              "matches more than " + MAX_HITS + " records; narrow it.",
              "khớp hơn " + MAX_HITS + " văn bản; hãy thu hẹp truy vấn.");
        }
        cursor = page.hits().isEmpty() ? null : page.nextCursor();
      } while (cursor != null);
    } catch (IllegalArgumentException e) {
      throw Requests.invalid(
          "INVALID_HOLD",
          "query",
          "is not valid: " + e.getMessage(),
          "không hợp lệ: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<UUID> visible = new ArrayList<>();
    List<UUID> all = List.copyOf(hits);
    for (int i = 0; i < all.size(); i += 1000) {
      UUID[] chunk = all.subList(i, Math.min(all.size(), i + 1000)).toArray(UUID[]::new);
      for (HoldDao.Member m : jdbi.withExtension(HoldDao.class, d -> d.records(chunk))) {
        if ("ACTIVE".equals(m.status())
            && access.canRead(caller, m.id(), m.agencyCode(), m.accessLevel())
            && access.actsFor(caller, Role.ARCHIVIST, m.agencyCode())) {
          visible.add(m.id());
        }
      }
    }
    return visible;
  }
}
