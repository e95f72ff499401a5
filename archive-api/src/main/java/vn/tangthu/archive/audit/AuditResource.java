package vn.tangthu.archive.audit;

import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Set;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.id.Ids;

/**
 * {@code /audit}: the trail, for {@code AUDITOR} and {@code ADMIN} only (403 for everyone else). An
 * ADMIN sees every entry; an AUDITOR only the entries of their agency tree: those whose {@code
 * agencyCode} is their agency, one below it or one it succeeded (the agency's acting scope, as for
 * sweeps), whatever the filters. Entries without an agency (failed sign-ins, the admin's searches)
 * are the ADMIN's only. Both queries flush the queued reads first, so they see every read served so
 * far, and are themselves audited.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

  private final AuditLog log;
  private final AgencyDirectory agencies;

  public AuditResource(AuditLog log, AgencyDirectory agencies) {
    this.log = log;
    this.agencies = agencies;
  }

  /**
   * {@code GET /audit?recordId=&targetId=&actor=&action=&from=&to=&cursor=&size=}: entries newest
   * first; {@code from} inclusive, {@code to} exclusive, both ISO-8601 instants.
   */
  @GET
  public AuditPage list(
      @Auth Caller caller,
      @Context HttpServletRequest request,
      @QueryParam("recordId") String recordId,
      @QueryParam("targetId") String targetId,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("20") String size) {
    String client = request == null ? null : request.getRemoteAddr();
    allow(caller, client, AuditEvent.AUDIT_LIST);
    AuditQuery q = query(recordId, targetId, actor, action, from, to, cursor, size);
    log.flush();
    AuditPage page = log.list(q, scope(caller));
    log.appendRead(
        AuditEvent.of(caller, AuditEvent.AUDIT_LIST, null, null, AuditOutcome.SUCCESS, client)
            .withDetail("targetId", q.targetId())
            .withDetail("actor", q.actor())
            .withDetail("action", q.action())
            .withDetail("from", q.from())
            .withDetail("to", q.to())
            .withDetail("cursor", q.before()));
    return page;
  }

  /**
   * {@code GET /audit/verify}: the whole chain, the database head and the external anchor. An
   * AUDITOR who is not ADMIN gets {@code valid}, {@code entries} (the number of their own entries)
   * and, only when the first broken entry is one of theirs, {@code firstBrokenId} and {@code
   * problem}: nothing of another agency's entries.
   */
  @GET
  @Path("verify")
  public AuditVerification verify(@Auth Caller caller, @Context HttpServletRequest request) {
    String client = request == null ? null : request.getRemoteAddr();
    allow(caller, client, AuditEvent.AUDIT_VERIFY);
    AuditVerification v = log.verify(scope(caller));
    log.appendRead(
        AuditEvent.of(caller, AuditEvent.AUDIT_VERIFY, null, null, AuditOutcome.SUCCESS, client)
            .withDetail("valid", v.valid())
            .withDetail("entries", v.entries())
            .withDetail("firstBrokenId", v.firstBrokenId()));
    return v;
  }

  /** The agencies whose entries the caller sees; null for every entry (ADMIN). */
  private Set<String> scope(Caller caller) {
    if (caller.isAdmin()) {
      return null;
    }
    return caller.agencyCode() == null
        ? Set.of()
        : agencies.tree().actingScope(caller.agencyCode());
  }

  private void allow(Caller caller, String client, String action) {
    if (caller.has(Role.AUDITOR) || caller.has(Role.ADMIN)) {
      return;
    }
    log.appendNow(AuditEvent.of(caller, action, null, null, AuditOutcome.DENIED, client));
    throw ApiException.forbidden(
        "Only auditors and administrators may read the audit trail.",
        "Chỉ kiểm toán viên và quản trị viên được xem nhật ký kiểm toán.");
  }

  static AuditQuery query(
      String recordId,
      String targetId,
      String actor,
      String action,
      String from,
      String to,
      String cursor,
      String size) {
    String target = blankToNull(targetId);
    if (blankToNull(recordId) != null) {
      if (Ids.parse(recordId.strip()).isEmpty()) {
        throw invalid("recordId is not a record id.", "recordId không phải mã văn bản.");
      }
      if (target != null && !target.equals(recordId.strip())) {
        throw invalid(
            "Give recordId or targetId, not both.", "Chỉ dùng một trong recordId hoặc targetId.");
      }
      target = Ids.parse(recordId.strip()).get().toString();
    }
    try {
      return new AuditQuery(
          target,
          blankToNull(actor),
          blankToNull(action),
          instant(from),
          instant(to),
          cursor(cursor),
          Integer.parseInt(size == null ? "20" : size.strip()));
    } catch (NumberFormatException e) {
      throw invalid("size must be a number from 1 to 100.", "size phải là số từ 1 đến 100.");
    } catch (IllegalArgumentException e) {
      throw ApiException.of(400, "INVALID_REQUEST", e.getMessage());
    }
  }

  private static Long cursor(String cursor) {
    var position = vn.tangthu.archive.input.Cursors.position(cursor);
    return position.isPresent() ? position.getAsLong() : null;
  }

  private static Instant instant(String s) {
    if (blankToNull(s) == null) {
      return null;
    }
    try {
      return vn.tangthu.archive.input.Dates.parseInstant(s);
    } catch (vn.tangthu.archive.input.Dates.Refused e) {
      throw invalid(
          "from and to must be ISO-8601 instants, e.g. 2025-07-01T00:00:00Z.",
          "from và to phải là thời điểm ISO-8601, ví dụ 2025-07-01T00:00:00Z.");
    }
  }

  private static ApiException invalid(String en, String vi) {
    return ApiException.badRequest("INVALID_REQUEST", en, vi);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
