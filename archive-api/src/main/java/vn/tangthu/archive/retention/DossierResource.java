package vn.tangthu.archive.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.dropwizard.auth.Auth;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.agency.AgencyDirectory;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.input.Dates;
import vn.tangthu.archive.record.RecordReader;
import vn.tangthu.archive.record.RecordView;
import vn.tangthu.retention.schedule.Eligibility;
import vn.tangthu.retention.schedule.SeriesCodes;

/**
 * {@code /dossiers/{fileCode}}: the dossier (hồ sơ), the unit of appraisal. An ARCHIVIST of its
 * agency (or of an ancestor) or an ADMIN creates or changes it, which recomputes the retention of
 * all its records in the same transaction ({@code RETENTION_LOCKED} and nothing changed when that
 * would shorten a lock). Reading it follows the INTERNAL rule for its agency (a dossier of an
 * agency the caller cannot see is 404); its records are listed only where the caller may read them.
 *
 * <p>A dossier belongs to one agency and holds only that agency's records (never an ancestor's or a
 * descendant's): a file code that records of another agency already carry cannot become a dossier
 * of this one ({@code FILE_CODE_TAKEN}, 409, without saying whose), and an existing dossier keeps
 * its agency ({@code DOSSIER_AGENCY_FIXED}, 409). Ingest and corrections refuse a record whose file
 * code belongs to another agency ({@link vn.tangthu.archive.record.RetentionHook#mayFile}).
 */
@Path("/dossiers/{fileCode}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DossierResource {

  private static final String CODE = "INVALID_DOSSIER";

  private final Jdbi jdbi;
  private final AgencyDirectory agencies;
  private final AccessPolicy access;
  private final RecordReader reader;
  private final RetentionRecompute recompute;
  private final LockKeeper keeper;
  private final AuditTrail audit;
  private final Clock clock;
  private final Dates dates;

  public DossierResource(
      Jdbi jdbi,
      AgencyDirectory agencies,
      AccessPolicy access,
      RecordReader reader,
      RetentionRecompute recompute,
      LockKeeper keeper,
      AuditTrail audit,
      Clock clock) {
    this.jdbi = jdbi;
    this.agencies = agencies;
    this.access = access;
    this.reader = reader;
    this.recompute = recompute;
    this.keeper = keeper;
    this.audit = audit;
    this.clock = clock;
    this.dates = new Dates(clock);
  }

  /** Body of {@code PUT /dossiers/{fileCode}}; dates are {@code YYYY-MM-DD}. */
  public record DossierRequest(
      String agencyCode, String title, String seriesCode, String startDate, String endDate) {}

  /** The retention the dossier's records share. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DossierRetention(
      String seriesCode, String period, String action, LocalDate eligibleOn, String state) {}

  /** A dossier with its effective retention. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DossierView(
      @JsonUnwrapped DossierRow dossier,
      DossierRetention retention,
      Integer recordsUpdated,
      List<RecordView> records,
      String nextCursor) {}

  @PUT
  public Response put(
      @Auth Caller caller, @PathParam("fileCode") String fileCode, DossierRequest body) {
    DossierRow wanted = validate(caller, fileCode, body);
    boolean[] created = new boolean[1];
    RetentionRecompute.Result result =
        jdbi.inTransaction(
            h -> {
              recompute.enterExclusive(h);
              FileCodes.lock(h, fileCode);
              DossierDao dao = h.attach(DossierDao.class);
              Optional<DossierRow> existing = dao.findForUpdate(fileCode);
              requireOwnAgency(caller, dao, existing, wanted);
              DossierRow row = existing.map(e -> withCreated(wanted, e.createdAt())).orElse(wanted);
              created[0] = dao.upsert(row);
              RetentionRecompute.Result r = recompute.dossier(h, fileCode);
              audit.append(
                  h,
                  AuditEvent.of(
                          caller,
                          RetentionAudit.DOSSIER_SET,
                          RetentionAudit.DOSSIER,
                          fileCode,
                          AuditOutcome.SUCCESS,
                          null)
                      .withDetail("agencyCode", row.agencyCode())
                      .withDetail("seriesCode", row.seriesCode())
                      .withDetail("endDate", row.endDate())
                      .withDetail("recordsUpdated", r.changed())
                      .concerning(row.agencyCode()));
              return r;
            });
    ScheduleResource.afterCommit(keeper, result);
    DossierRow saved = jdbi.withExtension(DossierDao.class, d -> d.find(fileCode)).orElseThrow();
    return Response.status(created[0] ? 201 : 200)
        .entity(new DossierView(saved, retention(saved), result.changed(), null, null))
        .build();
  }

  @GET
  public DossierView get(
      @Auth Caller caller,
      @PathParam("fileCode") String fileCode,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("20") String size) {
    int n = Requests.size(size);
    DossierRow row =
        jdbi.withExtension(DossierDao.class, d -> d.find(fileCode))
            .filter(d -> access.canRead(caller, null, d.agencyCode(), "INTERNAL"))
            .orElseThrow(ApiException::notFound);
    RecordReader.Page page = reader.dossierPage(caller, fileCode, row.agencyCode(), cursor, n);
    return new DossierView(row, retention(row), null, page.items(), page.nextCursor());
  }

  /**
   * @throws ApiException 403 when the existing dossier belongs to an agency the caller does not act
   *     for, 409 {@code DOSSIER_AGENCY_FIXED} when it would move to another agency, 409 {@code
   *     FILE_CODE_TAKEN} when records of another agency carry the file code of a new dossier
   */
  private void requireOwnAgency(
      Caller caller, DossierDao dao, Optional<DossierRow> existing, DossierRow wanted) {
    if (existing.isPresent()) {
      String agency = existing.get().agencyCode();
      if (!access.actsFor(caller, Role.ARCHIVIST, agency)) {
        throw ApiException.forbidden(
            "The dossier belongs to an agency you do not act for.",
            "Hồ sơ thuộc cơ quan mà bạn không có quyền.");
      }
      if (!agency.equals(wanted.agencyCode())) {
        throw ApiException.of(
                409,
                "DOSSIER_AGENCY_FIXED",
                "The dossier belongs to agency " + agency + " and cannot move to another agency.",
                "Hồ sơ thuộc cơ quan " + agency + ", không chuyển sang cơ quan khác được.")
            .with("agencyCode", agency);
      }
    } else if (dao.carriedByOtherAgency(wanted.fileCode(), wanted.agencyCode())) {
      throw ApiException.of(
          409,
          "FILE_CODE_TAKEN",
          "Records of another agency already carry this file code; a dossier holds the records of"
              + " its own agency only.",
          "Văn bản của cơ quan khác đã mang mã hồ sơ này; hồ sơ chỉ gồm văn bản của chính cơ"
              + " quan mình.");
    }
  }

  private DossierRetention retention(DossierRow d) {
    if (d.seriesCode() == null) {
      return new DossierRetention(null, null, null, null, "UNSCHEDULED");
    }
    Optional<ScheduleRow> s =
        jdbi.withExtension(ScheduleDao.class, dao -> dao.find(d.seriesCode()));
    Eligibility e =
        Eligibility.of(s.map(ScheduleRow::schedule), true, Optional.ofNullable(d.endDate()));
    RetentionValues v = RetentionValues.of(null, d.seriesCode(), e);
    return new DossierRetention(v.series(), v.period(), v.action(), v.eligibleOn(), v.state());
  }

  private static DossierRow withCreated(DossierRow row, Instant createdAt) {
    return new DossierRow(
        row.fileCode(),
        row.agencyCode(),
        row.title(),
        row.seriesCode(),
        row.startDate(),
        row.endDate(),
        createdAt,
        row.updatedAt(),
        row.updatedBy());
  }

  private DossierRow validate(Caller caller, String fileCode, DossierRequest body) {
    if (body == null) {
      throw Requests.missingBody();
    }
    String code = Requests.text(CODE, "fileCode", fileCode, 100);
    if (!code.equals(fileCode)) {
      throw Requests.invalid(
          CODE,
          "fileCode",
          "must not start or end with spaces.",
          "không được có khoảng trắng ở đầu hoặc cuối.");
    }
    if (body.agencyCode() == null || !agencies.tree().exists(body.agencyCode())) {
      throw ApiException.badRequest(
              "UNKNOWN_AGENCY",
              "agencyCode names no agency: " + body.agencyCode(),
              "agencyCode không phải mã cơ quan: " + body.agencyCode())
          .with("field", "agencyCode");
    }
    if (!access.actsFor(caller, Role.ARCHIVIST, body.agencyCode())) {
      throw ApiException.forbidden(
          "Only an archivist of the agency (or of a parent agency) keeps its dossiers.",
          "Chỉ lưu trữ viên của cơ quan (hoặc cơ quan cấp trên) được lập hồ sơ của cơ quan.");
    }
    String title = Requests.text(CODE, "title", body.title(), 1000);
    String series = Requests.blankToNull(body.seriesCode());
    if (series != null) {
      try {
        series = SeriesCodes.require(series.strip());
      } catch (IllegalArgumentException e) {
        throw Requests.invalid(
            CODE,
            "seriesCode",
            "must be 1-64 letters, digits, '.', '_' or '-'.",
            "phải gồm 1-64 chữ, số, '.', '_' hoặc '-'.");
      }
    }
    LocalDate start = Requests.date(CODE, "startDate", body.startDate(), dates);
    LocalDate end = Requests.date(CODE, "endDate", body.endDate(), dates);
    if (start != null && end != null && end.isBefore(start)) {
      throw Requests.invalid(
          CODE, "endDate", "must not be before startDate.", "không được trước startDate.");
    }
    Instant now = clock.instant();
    return new DossierRow(
        fileCode, body.agencyCode(), title, series, start, end, now, now, caller.username());
  }
}
