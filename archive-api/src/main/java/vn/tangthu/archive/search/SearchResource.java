package vn.tangthu.archive.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.input.Dates;
import vn.tangthu.indexer.search.SearchIndex;
import vn.tangthu.indexer.search.SearchRequest;
import vn.tangthu.indexer.search.SearchResult;

/**
 * {@code GET /search} and {@code POST /search} (the same parameters as a JSON object, for searches
 * too long for a URL): full-text search over the records the caller may read; the visibility rule
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

  /** The parameters of a search, from the query string or a JSON body; null when absent. */
  record Params(
      String q,
      String agencyCode,
      String typeName,
      String issuedFrom,
      String issuedTo,
      String accessLevel,
      String signatureStatus,
      String sort,
      String size,
      String cursor) {

    static final List<String> NAMES =
        List.of(
            "q",
            "agencyCode",
            "typeName",
            "issuedFrom",
            "issuedTo",
            "accessLevel",
            "signatureStatus",
            "sort",
            "size",
            "cursor");

    /** The members of a JSON object: strings, and {@code size} also as an integer. */
    static Params of(JsonNode body) {
      if (body == null || !body.isObject()) {
        throw invalid("The body must be a JSON object.", "Nội dung phải là đối tượng JSON.");
      }
      Map<String, String> v = new HashMap<>();
      for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        JsonNode value = body.get(name);
        if (!NAMES.contains(name)) {
          throw invalid(
              "Unknown search parameter " + name + "; expected " + String.join(", ", NAMES) + ".",
              "Tham số tìm kiếm "
                  + name
                  + " không hợp lệ; chỉ nhận "
                  + String.join(", ", NAMES)
                  + ".");
        }
        if (value.isNull()) {
          continue;
        }
        if (value.isTextual()) {
          v.put(name, value.textValue());
        } else if (name.equals("size") && value.isIntegralNumber()) {
          v.put(name, value.asText());
        } else {
          throw invalid(name + " must be a string.", name + " phải là chuỗi.");
        }
      }
      return new Params(
          v.get("q"),
          v.get("agencyCode"),
          v.get("typeName"),
          v.get("issuedFrom"),
          v.get("issuedTo"),
          v.get("accessLevel"),
          v.get("signatureStatus"),
          v.get("sort"),
          v.get("size"),
          v.get("cursor"));
    }
  }

  /** {@code GET /search}; an empty parameter counts as absent. */
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
      @QueryParam("sort") String sort,
      @QueryParam("size") String size,
      @QueryParam("cursor") String cursor,
      @Context HttpServletRequest servletRequest)
      throws IOException {
    return run(
        caller,
        new Params(
            emptyToNull(q),
            emptyToNull(agencyCode),
            emptyToNull(typeName),
            emptyToNull(issuedFrom),
            emptyToNull(issuedTo),
            emptyToNull(accessLevel),
            emptyToNull(signatureStatus),
            emptyToNull(sort),
            emptyToNull(size),
            emptyToNull(cursor)),
        servletRequest.getRemoteAddr());
  }

  /** {@code POST /search}: the same search with its parameters as a JSON object, for long ones. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public SearchResult searchByBody(
      @Auth Caller caller, JsonNode body, @Context HttpServletRequest servletRequest)
      throws IOException {
    return run(caller, Params.of(body), servletRequest.getRemoteAddr());
  }

  private SearchResult run(Caller caller, Params p, String address) throws IOException {
    if (p.q() != null && p.q().length() > 1000) {
      throw invalid("q must be at most 1000 characters.", "q tối đa 1000 ký tự.");
    }
    SearchRequest request =
        new SearchRequest(
            p.q(),
            blankToNull(p.agencyCode()),
            blankToNull(p.typeName()),
            date("issuedFrom", p.issuedFrom()),
            date("issuedTo", p.issuedTo()),
            blankToNull(p.accessLevel()),
            blankToNull(p.signatureStatus()),
            sort(p.sort() == null ? "relevance" : p.sort()),
            size(p.size() == null ? "20" : p.size()),
            blankToNull(p.cursor()));
    try {
      SearchResult result = index.search(request, access.visibility(caller));
      audit.appendRead(
          AuditEvent.of(caller, AuditEvent.SEARCH, null, null, AuditOutcome.SUCCESS, address)
              .withDetail("q", p.q())
              .withDetail("agencyCode", p.agencyCode())
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

  /** An empty query parameter is the same as an absent one (as HTML forms send them). */
  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static LocalDate date(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Dates.parse(value);
    } catch (Dates.Refused e) {
      throw invalid(name + " " + e.reasonEn() + ".", name + " " + e.reasonVi() + ".");
    }
  }

  private static ApiException invalid(String en, String vi) {
    return ApiException.badRequest("INVALID_QUERY", en, vi);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
