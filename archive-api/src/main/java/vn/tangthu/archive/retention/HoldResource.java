package vn.tangthu.archive.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.base.Roles;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Refusal;
import vn.tangthu.archive.id.Ids;

/**
 * {@code /holds}: legal holds. An ARCHIVIST or ADMIN places one on listed records or on the records
 * a search finds (resolved once, with the placer's visibility); a record is held together with its
 * attachments and the whole of its dossier. A held record is never disposed and carries an S3 legal
 * hold. Placing and releasing are audited in their transactions.
 *
 * <p>A hold takes only records the placing archivist may both read and act for (the record's agency
 * is theirs, below theirs, or one they succeeded): a listed record they cannot read is 404, one
 * they read but do not act for 403 {@code OUTSIDE_AGENCY}; a query and the spread to attachments
 * and dossier take only such records. ADMIN takes everything.
 *
 * <p>ARCHIVISTs, APPROVERs and AUDITORs read the holds placed within their agency's scope, and the
 * holds an ADMIN placed that hold a record of their scope; records are listed and counted only
 * where the caller may read them. A hold is released by an ARCHIVIST acting for the agency that
 * placed it, or by an ADMIN (the only one who releases an ADMIN's hold).
 */
@Path("/holds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class HoldResource {

  private static final String CODE = "INVALID_HOLD";
  private static final String READERS_ONLY_EN =
      "Only archivists, approvers, auditors and administrators read legal holds.";
  private static final String READERS_ONLY_VI =
      "Chỉ lưu trữ viên, người phê duyệt, kiểm toán viên và quản trị viên xem lệnh phong tỏa.";
  private static final List<Role> READERS = List.of(Role.ARCHIVIST, Role.APPROVER, Role.AUDITOR);
  static final int MAX_IDS = 10_000;

  private final Jdbi jdbi;
  private final AccessPolicy access;
  private final HoldQueries queries;
  private final LockKeeper keeper;
  private final AuditTrail audit;
  private final Ids ids;
  private final Clock clock;

  public HoldResource(
      Jdbi jdbi,
      AccessPolicy access,
      HoldQueries queries,
      LockKeeper keeper,
      AuditTrail audit,
      Ids ids,
      Clock clock) {
    this.jdbi = jdbi;
    this.access = access;
    this.queries = queries;
    this.keeper = keeper;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  /** Body of {@code POST /holds}: either {@code recordIds} or {@code query}. */
  public record HoldRequest(
      String name, String reason, String authority, List<String> recordIds, String query) {}

  /** Body of {@code DELETE /holds/{id}}. */
  public record ReleaseRequest(String reason) {}

  /**
   * A hold, with a page of the record ids the caller may read when asked for one hold; {@code
   * recordCount} counts only the records the caller may read.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HoldView(
      UUID id,
      String name,
      String reason,
      String authority,
      String query,
      String agencyCode,
      String placedBy,
      Instant placedAt,
      int recordCount,
      boolean active,
      String releasedBy,
      Instant releasedAt,
      String releaseReason,
      List<UUID> recordIds,
      String nextCursor) {

    /**
     * @param recordCount how many of its records the reader may see
     */
    static HoldView of(HoldRow h, int recordCount, List<UUID> recordIds, String nextCursor) {
      return new HoldView(
          h.id(),
          h.name(),
          h.reason(),
          h.authority(),
          h.query(),
          h.agencyCode(),
          h.placedBy(),
          h.placedAt(),
          recordCount,
          h.releasedAt() == null,
          h.releasedBy(),
          h.releasedAt(),
          h.releaseReason(),
          recordIds,
          nextCursor);
    }
  }

  /** A page of holds. */
  public record Page(List<HoldView> items, String nextCursor) {}

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.ARCHIVIST})
  @Refusal(
      en = "Only an archivist or an administrator places legal holds.",
      vi = "Chỉ lưu trữ viên hoặc quản trị viên được phong tỏa văn bản.")
  public Response place(@Auth Caller caller, HoldRequest body) {
    if (body == null) {
      throw Requests.missingBody();
    }
    String name = Requests.text(CODE, "name", body.name(), 500);
    String reason = Requests.text(CODE, "reason", body.reason(), 4000);
    String authority = Requests.text(CODE, "authority", body.authority(), 1000);
    boolean byQuery = body.query() != null;
    if (byQuery == (body.recordIds() != null)) {
      throw Requests.invalid(
          CODE,
          "recordIds",
          "or query is required (exactly one of them).",
          "hoặc query là bắt buộc (chỉ một trong hai).");
    }
    List<UUID> seed =
        byQuery
            ? queries.resolve(caller, Requests.text(CODE, "query", body.query(), 1000))
            : namedIds(caller, body.recordIds());
    UUID id = ids.next();
    Instant now = clock.instant();
    List<UUID> held =
        jdbi.inTransaction(
            h -> {
              HoldDao dao = h.attach(HoldDao.class);
              List<HoldDao.Member> taken =
                  dao.heldTogether(seed.toArray(UUID[]::new)).stream()
                      .filter(m -> takes(caller, m))
                      .toList();
              List<UUID> members = taken.stream().map(HoldDao.Member::id).toList();
              HoldRow row =
                  new HoldRow(
                      id,
                      name,
                      reason,
                      authority,
                      byQuery ? body.query().strip() : null,
                      caller.agencyCode(),
                      caller.username(),
                      now,
                      members.size(),
                      null,
                      null,
                      null);
              dao.insert(row);
              dao.addRecords(id, members.toArray(UUID[]::new));
              audit.append(
                  h,
                  AuditEvent.of(
                          caller,
                          AuditEvent.HOLD_PLACE,
                          RetentionAudit.HOLD,
                          id.toString(),
                          AuditOutcome.SUCCESS,
                          null)
                      .withDetail("name", name)
                      .withDetail("authority", authority)
                      .withDetail("query", row.query())
                      .withDetail("recordCount", members.size())
                      .concerning(
                          onlyAgency(taken.stream().map(HoldDao.Member::agencyCode).toList())));
              return members;
            });
    keeper.protect(held);
    HoldRow saved = jdbi.withExtension(HoldDao.class, d -> d.find(id)).orElseThrow();
    return Response.created(URI.create("holds/" + id))
        .entity(HoldView.of(saved, saved.recordCount(), null, null))
        .build();
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.ARCHIVIST, Roles.APPROVER, Roles.AUDITOR})
  @Refusal(en = READERS_ONLY_EN, vi = READERS_ONLY_VI)
  public Page list(
      @Auth Caller caller,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("20") String size) {
    int n = Requests.size(size);
    UUID after = cursor(cursor);
    List<HoldView> items = new ArrayList<>();
    while (true) {
      UUID from = after;
      List<HoldRow> rows = jdbi.withExtension(HoldDao.class, d -> d.page(from, n * 2));
      for (HoldRow h : rows) {
        after = h.id();
        if (sees(caller, h)) {
          items.add(HoldView.of(h, count(caller, h), null, null));
          if (items.size() == n) {
            return new Page(items, after.toString());
          }
        }
      }
      if (rows.size() < n * 2) {
        return new Page(items, null);
      }
    }
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.ADMIN, Roles.ARCHIVIST, Roles.APPROVER, Roles.AUDITOR})
  @Refusal(en = READERS_ONLY_EN, vi = READERS_ONLY_VI)
  public HoldView get(
      @Auth Caller caller,
      @PathParam("id") String id,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("100") String size) {
    HoldRow hold = visibleHold(caller, id);
    int n = Requests.size(size);
    UUID after = cursor(cursor);
    List<UUID> records = new ArrayList<>();
    while (true) {
      UUID from = after;
      List<HoldDao.Member> rows =
          jdbi.withExtension(HoldDao.class, d -> d.members(hold.id(), from, n * 2));
      for (HoldDao.Member m : rows) {
        after = m.id();
        if (access.canRead(caller, m.id(), m.agencyCode(), m.accessLevel())) {
          records.add(m.id());
          if (records.size() == n) {
            return HoldView.of(hold, count(caller, hold), records, after.toString());
          }
        }
      }
      if (rows.size() < n * 2) {
        return HoldView.of(hold, count(caller, hold), records, null);
      }
    }
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Roles.ADMIN, Roles.ARCHIVIST})
  @Refusal(
      en = "Only an archivist or an administrator releases legal holds.",
      vi = "Chỉ lưu trữ viên hoặc quản trị viên được gỡ phong tỏa.")
  public HoldView release(@Auth Caller caller, @PathParam("id") String id, ReleaseRequest body) {
    UUID holdId = Ids.parse(id).orElseThrow(ApiException::notFound);
    String reason =
        body == null || body.reason() == null || body.reason().isBlank()
            ? null
            : Requests.text(CODE, "reason", body.reason(), 4000);
    Instant now = clock.instant();
    List<UUID> members =
        jdbi.inTransaction(
            h -> {
              HoldDao dao = h.attach(HoldDao.class);
              HoldRow hold =
                  dao.findForUpdate(holdId)
                      .filter(x -> sees(caller, x))
                      .orElseThrow(ApiException::notFound);
              if (!caller.isAdmin()
                  && (hold.agencyCode() == null
                      || !access.actsFor(caller, Role.ARCHIVIST, hold.agencyCode()))) {
                throw ApiException.forbidden(
                    "Only an archivist of the agency that placed the hold, or an administrator,"
                        + " releases it.",
                    "Chỉ lưu trữ viên của cơ quan đã phong tỏa, hoặc quản trị viên, được gỡ.");
              }
              if (hold.releasedAt() != null) {
                throw ApiException.of(
                        409,
                        "HOLD_RELEASED",
                        "The hold was already released.",
                        "Lệnh phong tỏa đã được gỡ.")
                    .with("releasedAt", hold.releasedAt().toString());
              }
              dao.release(holdId, caller.username(), now, reason);
              audit.append(
                  h,
                  AuditEvent.of(
                          caller,
                          AuditEvent.HOLD_RELEASE,
                          RetentionAudit.HOLD,
                          holdId.toString(),
                          AuditOutcome.SUCCESS,
                          null)
                      .withDetail("reason", reason)
                      .withDetail("recordCount", hold.recordCount())
                      .concerning(onlyAgency(dao.agenciesOf(holdId))));
              return dao.recordIds(holdId);
            });
    keeper.protect(members, true);
    HoldRow released = jdbi.withExtension(HoldDao.class, d -> d.find(holdId)).orElseThrow();
    return HoldView.of(released, count(caller, released), null, null);
  }

  /**
   * The listed records, parsed and checked: all must exist and be readable (else 404, naming none),
   * the caller must act for each one's agency (else 403) and each must be ACTIVE (else 410).
   */
  private List<UUID> namedIds(Caller caller, List<String> recordIds) {
    if (recordIds.isEmpty() || recordIds.size() > MAX_IDS) {
      throw Requests.invalid(
          CODE,
          "recordIds",
          "must list 1 to " + MAX_IDS + " record ids.",
          "phải có từ 1 đến " + MAX_IDS + " mã văn bản.");
    }
    List<UUID> parsed = new ArrayList<>();
    for (String s : recordIds) {
      parsed.add(Ids.parse(s).orElseThrow(ApiException::notFound));
    }
    List<HoldDao.Member> found =
        jdbi.withExtension(HoldDao.class, d -> d.records(parsed.toArray(UUID[]::new)));
    long distinct = parsed.stream().distinct().count();
    boolean allVisible =
        found.size() == distinct
            && found.stream()
                .allMatch(m -> access.canRead(caller, m.id(), m.agencyCode(), m.accessLevel()));
    if (!allVisible) {
      throw ApiException.notFound();
    }
    for (HoldDao.Member m : found) {
      if (!access.actsFor(caller, Role.ARCHIVIST, m.agencyCode())) {
        throw ApiException.of(
                403,
                "OUTSIDE_AGENCY",
                "A listed record belongs to an agency you do not act for.",
                "Một văn bản trong danh sách thuộc cơ quan ngoài phạm vi của bạn.")
            .with("recordId", m.id().toString());
      }
    }
    for (HoldDao.Member m : found) {
      if (!"ACTIVE".equals(m.status())) {
        throw ApiException.of(
                410,
                "DISPOSED",
                "A listed record was " + m.status().toLowerCase() + ".",
                "Một văn bản trong danh sách đã bị hủy hoặc chuyển giao.")
            .with("recordId", m.id().toString());
      }
    }
    return parsed;
  }

  /** Whether a hold placed by {@code caller} takes {@code m}: they may read it and act for it. */
  private boolean takes(Caller caller, HoldDao.Member m) {
    return access.canRead(caller, m.id(), m.agencyCode(), m.accessLevel())
        && access.actsFor(caller, Role.ARCHIVIST, m.agencyCode());
  }

  /** How many of the hold's records the caller may read (all of them for ADMIN). */
  private int count(Caller caller, HoldRow h) {
    if (caller.isAdmin()) {
      return h.recordCount();
    }
    AccessPolicy.ReadScope scope = access.readScope(caller);
    return jdbi.withExtension(
        HoldDao.class,
        d ->
            d.countReadable(
                h.id(),
                scope.internalOwners().toArray(String[]::new),
                scope.ownOwners().toArray(String[]::new),
                scope.username()));
  }

  /** The one agency of {@code agencies} when they are all the same; null otherwise. */
  private static String onlyAgency(List<String> agencies) {
    return agencies.stream().distinct().count() == 1 ? agencies.get(0) : null;
  }

  private HoldRow visibleHold(Caller caller, String id) {
    UUID holdId = Ids.parse(id).orElseThrow(ApiException::notFound);
    return jdbi.withExtension(HoldDao.class, d -> d.find(holdId))
        .filter(h -> sees(caller, h))
        .orElseThrow(ApiException::notFound);
  }

  /**
   * Whether the caller (with a role that reads holds) sees hold {@code h}: ADMIN always; others
   * when they act for the agency that placed it, or, for a hold an ADMIN placed, when it holds a
   * record of an agency they act for.
   */
  private boolean sees(Caller caller, HoldRow h) {
    if (caller.isAdmin()) {
      return true;
    }
    if (h.agencyCode() != null) {
      return READERS.stream().anyMatch(role -> access.actsFor(caller, role, h.agencyCode()));
    }
    String[] scope = access.actingScope(caller).toArray(String[]::new);
    return READERS.stream().anyMatch(caller::has)
        && scope.length > 0
        && jdbi.withExtension(HoldDao.class, d -> d.holdsAnyOf(h.id(), scope));
  }

  private static UUID cursor(String cursor) {
    return vn.tangthu.archive.input.Cursors.uuid(cursor).orElse(null);
  }
}
