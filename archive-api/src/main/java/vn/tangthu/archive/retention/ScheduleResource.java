package vn.tangthu.archive.retention;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Roles;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Refusal;
import vn.tangthu.archive.input.Cursors;
import vn.tangthu.retention.schedule.DispositionAction;
import vn.tangthu.retention.schedule.RetentionPeriod;
import vn.tangthu.retention.schedule.Schedule;
import vn.tangthu.retention.schedule.SeriesCodes;

/**
 * {@code /retention/schedules}: the retention rule of each series. Any authenticated user reads
 * them; an ARCHIVIST or ADMIN sets one, which recomputes every record of the series (directly or
 * through its dossier) in the same transaction, or changes nothing when that would shorten a lock
 * ({@code RETENTION_LOCKED}).
 *
 * <p>Schedules are shared by every agency, so an ARCHIVIST sets one only while every active record
 * and dossier naming the series belongs to an agency they act for (their agency, below it, or one
 * it succeeded): a series no other agency uses yet is free to create or change, one that another
 * agency's records use is refused with {@code OUTSIDE_AGENCY} (403, without saying whose). ADMIN
 * always may.
 */
@Path("/retention/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ScheduleResource {

  private static final String CODE = "INVALID_SCHEDULE";

  private final Jdbi jdbi;
  private final AgencyDirectory agencies;
  private final RetentionRecompute recompute;
  private final LockKeeper keeper;
  private final AuditTrail audit;
  private final Clock clock;

  public ScheduleResource(
      Jdbi jdbi,
      AgencyDirectory agencies,
      RetentionRecompute recompute,
      LockKeeper keeper,
      AuditTrail audit,
      Clock clock) {
    this.jdbi = jdbi;
    this.agencies = agencies;
    this.recompute = recompute;
    this.keeper = keeper;
    this.audit = audit;
    this.clock = clock;
  }

  /** Body of {@code PUT /retention/schedules/{seriesCode}}. */
  public record ScheduleRequest(String title, String period, String action, String legalBasis) {}

  /** A schedule as set, with how many records it changed. */
  public record ScheduleSet(@JsonUnwrapped ScheduleRow schedule, int recordsUpdated) {}

  /** A page of schedules. */
  public record Page(List<ScheduleRow> items, String nextCursor) {}

  @GET
  public Page list(
      @Auth Caller caller,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("100") String size) {
    int n = Requests.size(size);
    String after = Cursors.key(cursor, ScheduleResource::isSeriesCode).orElse(null);
    List<ScheduleRow> rows = jdbi.withExtension(ScheduleDao.class, d -> d.page(after, n + 1));
    boolean more = rows.size() > n;
    List<ScheduleRow> items = more ? rows.subList(0, n) : rows;
    return new Page(List.copyOf(items), more ? items.get(n - 1).seriesCode() : null);
  }

  @GET
  @Path("{seriesCode}")
  public ScheduleRow get(@Auth Caller caller, @PathParam("seriesCode") String seriesCode) {
    return jdbi.withExtension(ScheduleDao.class, d -> d.find(seriesCode))
        .orElseThrow(ApiException::notFound);
  }

  @PUT
  @Path("{seriesCode}")
  @RolesAllowed({Roles.ADMIN, Roles.ARCHIVIST})
  @Refusal(
      en = "Only an archivist or an administrator sets retention schedules.",
      vi = "Chỉ lưu trữ viên hoặc quản trị viên được đặt thời hạn bảo quản.")
  public Response put(
      @Auth Caller caller, @PathParam("seriesCode") String seriesCode, ScheduleRequest body) {
    Schedule schedule = validate(seriesCode, body);
    Instant now = clock.instant();
    ScheduleRow row = ScheduleRow.of(schedule, now, caller.username());
    boolean[] created = new boolean[1];
    RetentionRecompute.Result result =
        jdbi.inTransaction(
            h -> {
              recompute.enterExclusive(h);
              requireActsForUsers(h, caller, schedule.seriesCode());
              created[0] = h.attach(ScheduleDao.class).upsert(row);
              RetentionRecompute.Result r = recompute.series(h, schedule.seriesCode());
              audit.append(
                  h,
                  AuditEvent.of(
                          caller,
                          RetentionAudit.SCHEDULE_SET,
                          RetentionAudit.SCHEDULE,
                          schedule.seriesCode(),
                          AuditOutcome.SUCCESS,
                          null)
                      .withDetail("period", row.period())
                      .withDetail("action", row.action())
                      .withDetail("recordsUpdated", r.changed()));
              return r;
            });
    afterCommit(keeper, result);
    return Response.status(created[0] ? 201 : 200)
        .entity(new ScheduleSet(row, result.changed()))
        .build();
  }

  private static boolean isSeriesCode(String s) {
    try {
      SeriesCodes.require(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void requireActsForUsers(Handle h, Caller caller, String seriesCode) {
    if (caller.isAdmin()) {
      return;
    }
    String[] scope =
        caller.agencyCode() == null
            ? new String[0]
            : agencies.tree().actingScope(caller.agencyCode()).toArray(String[]::new);
    if (h.attach(ScheduleDao.class).usedOutside(seriesCode, scope)) {
      throw ApiException.of(
          403,
          "OUTSIDE_AGENCY",
          "Records or dossiers of agencies you do not act for use this series; only an"
              + " administrator, or an archivist acting for all of them, changes its schedule.",
          "Văn bản hoặc hồ sơ của cơ quan ngoài phạm vi của bạn đang dùng nhóm này; chỉ quản trị"
              + " viên, hoặc lưu trữ viên có quyền với tất cả các cơ quan đó, được đổi thời hạn"
              + " bảo quản của nhóm.");
    }
  }

  static void afterCommit(LockKeeper keeper, RetentionRecompute.Result result) {
    if (result.truncated()) {
      keeper.wake();
    } else {
      keeper.protect(result.changedIds());
    }
  }

  private static Schedule validate(String seriesCode, ScheduleRequest body) {
    if (body == null) {
      throw Requests.missingBody();
    }
    try {
      SeriesCodes.require(seriesCode);
    } catch (IllegalArgumentException e) {
      throw Requests.invalid(
          CODE,
          "seriesCode",
          "must be 1-64 letters, digits, '.', '_' or '-'.",
          "phải gồm 1-64 chữ, số, '.', '_' hoặc '-'.");
    }
    String title = Requests.text(CODE, "title", body.title(), 500);
    RetentionPeriod period;
    try {
      period = RetentionPeriod.parse(body.period());
    } catch (IllegalArgumentException e) {
      throw Requests.invalid(
          CODE,
          "period",
          "must be a number of years like \"10y\" (1 to 200) or \"PERMANENT\".",
          "phải là số năm dạng \"10y\" (1 đến 200) hoặc \"PERMANENT\".");
    }
    DispositionAction action;
    try {
      action = DispositionAction.valueOf(body.action() == null ? "" : body.action());
    } catch (IllegalArgumentException e) {
      throw Requests.invalid(
          CODE,
          "action",
          "must be DESTROY, TRANSFER or REVIEW.",
          "phải là DESTROY, TRANSFER hoặc REVIEW.");
    }
    String legalBasis = Requests.text(CODE, "legalBasis", body.legalBasis(), 2000);
    return Schedule.verified(seriesCode, title, period, action, legalBasis);
  }
}
