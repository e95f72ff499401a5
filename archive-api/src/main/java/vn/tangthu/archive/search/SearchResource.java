package vn.tangthu.archive.search;

import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.indexer.search.SearchIndex;
import vn.tangthu.indexer.search.SearchRequest;
import vn.tangthu.indexer.search.SearchResult;

/**
 * {@code GET /search}: full-text search over the records the caller may read; the visibility rule
 * is part of the index query, so totals, facets and highlights never count hidden records, and the
 * {@link VisibilityFenceFilter} runs first, so a record whose visibility was just narrowed is not
 * returned from an index that has not applied the change yet.
 */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
@VisibilityFenced
public final class SearchResource {

  private final SearchIndex index;
  private final AccessPolicy access;
  private final AuditTrail audit;

  public SearchResource(SearchIndex index, AccessPolicy access, AuditTrail audit) {
    this.index = index;
    this.access = access;
    this.audit = audit;
  }

  @GET
  public SearchResult search(
      @Auth Caller caller,
      @QueryParam("q") String q,
      @QueryParam("agencyCode") String agencyCode,
      @QueryParam("typeName") String typeName,
      @QueryParam("issuedFrom") String issuedFrom,
      @QueryParam("issuedTo") String issuedTo,
      @QueryParam("accessLevel") String accessLevel,
      @QueryParam("signatureStatus") String signatureStatus,
      @QueryParam("sort") @DefaultValue("relevance") String sort,
      @QueryParam("size") @DefaultValue("20") String size,
      @QueryParam("cursor") String cursor,
      @Context HttpServletRequest servletRequest)
      throws IOException {
    if (q != null && q.length() > 1000) {
      throw invalid("q must be at most 1000 characters.", "q tối đa 1000 ký tự.");
    }
    SearchRequest request =
        new SearchRequest(
            q,
            blankToNull(agencyCode),
            blankToNull(typeName),
            date("issuedFrom", issuedFrom),
            date("issuedTo", issuedTo),
            blankToNull(accessLevel),
            blankToNull(signatureStatus),
            sort(sort),
            size(size),
            blankToNull(cursor));
    try {
      SearchResult result = index.search(request, access.visibility(caller));
      audit.appendRead(
          AuditEvent.of(
                  caller,
                  AuditEvent.SEARCH,
                  null,
                  null,
                  AuditOutcome.SUCCESS,
                  servletRequest.getRemoteAddr())
              .withDetail("q", q)
              .withDetail("agencyCode", agencyCode)
              .withDetail("total", result.total()));
      return result;
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage(), e.getMessage());
    }
  }

  private static SearchRequest.Sort sort(String s) {
    return switch (s) {
      case "relevance" -> SearchRequest.Sort.RELEVANCE;
      case "issuedDate" -> SearchRequest.Sort.ISSUED_DATE_ASC;
      case "-issuedDate" -> SearchRequest.Sort.ISSUED_DATE_DESC;
      default ->
          throw invalid(
              "sort must be relevance, issuedDate or -issuedDate.",
              "sort phải là relevance, issuedDate hoặc -issuedDate.");
    };
  }

  private static int size(String s) {
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= SearchRequest.MAX_SIZE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid("size must be a number from 1 to 100.", "size phải là số từ 1 đến 100.");
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name + " must be a date YYYY-MM-DD.", name + " phải là ngày dạng YYYY-MM-DD.");
    }
  }

  private static ApiException invalid(String en, String vi) {
    return ApiException.badRequest("INVALID_QUERY", en, vi);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
