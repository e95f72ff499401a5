package vn.tangthu.archive.agency;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Roles;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Refusal;

/** {@code /agencies}: the agency tree and each agency's signature policy. */
@Path("/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AgencyResource {

  private static final String ADMINS_ONLY_EN = "Only an administrator manages agencies.";
  private static final String ADMINS_ONLY_VI = "Chỉ quản trị viên quản lý cơ quan.";

  private static final Set<String> POLICIES =
      Set.of("RECORD_ONLY", "REQUIRE_SIGNATURE", "REQUIRE_VALID");

  private final Jdbi jdbi;
  private final AgencyDirectory directory;
  private final Clock clock;
  private final AuditTrail audit;

  public AgencyResource(Jdbi jdbi, AgencyDirectory directory, Clock clock, AuditTrail audit) {
    this.audit = audit;
    this.jdbi = jdbi;
    this.directory = directory;
    this.clock = clock;
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Refusal(en = ADMINS_ONLY_EN, vi = ADMINS_ONLY_VI)
  public Response create(@Auth Caller caller, NewAgency body) {
    if (body == null) {
      throw ApiException.badRequest(
          "INVALID_REQUEST", "A JSON body is required.", "Cần nội dung JSON.");
    }
    Agency created =
        jdbi.inTransaction(
            h -> {
              AgencyDao dao = h.attach(AgencyDao.class);
              requireExisting(dao, body.parentCode(), "parentCode");
              requireExisting(dao, body.successorCode(), "successorCode");
              requireOrganIdFree(dao, body.code(), body.edxmlOrganId());
              if (dao.insert(
                      body.code(),
                      body.name(),
                      body.parentCode(),
                      body.validTo(),
                      body.successorCode(),
                      body.edxmlOrganId(),
                      clock.instant())
                  == 0) {
                throw ApiException.of(
                        409,
                        "AGENCY_EXISTS",
                        "Agency " + body.code() + " already exists.",
                        "Cơ quan " + body.code() + " đã tồn tại.")
                    .with("agencyCode", body.code());
              }
              audit.append(
                  h,
                  AuditEvent.of(
                          caller,
                          AuditEvent.AGENCY_CREATE,
                          "AGENCY",
                          body.code(),
                          AuditOutcome.SUCCESS,
                          null)
                      .withDetail("parentCode", body.parentCode())
                      .withDetail("successorCode", body.successorCode())
                      .withDetail("edxmlOrganId", body.edxmlOrganId())
                      .concerning(body.code()));
              return dao.find(body.code()).orElseThrow();
            });
    directory.invalidate();
    return Response.created(URI.create("agencies/" + created.code())).entity(created).build();
  }

  /**
   * {@code PUT /agencies/{code}} (ADMIN): the {@code POST} body, replacing the agency's name,
   * parent, end of validity, successor and edXML identifier in place; the code itself never
   * changes. 404 for an unknown agency; 400 for a parent or successor that would make a cycle; 409
   * {@code EDXML_ORGAN_ID_TAKEN} when another agency has the edXML identifier.
   */
  @PUT
  @Path("{code}")
  @RolesAllowed(Roles.ADMIN)
  @Refusal(en = ADMINS_ONLY_EN, vi = ADMINS_ONLY_VI)
  public Agency update(@Auth Caller caller, @PathParam("code") String code, NewAgency body) {
    if (body == null) {
      throw ApiException.badRequest(
          "INVALID_REQUEST", "A JSON body is required.", "Cần nội dung JSON.");
    }
    if (!body.code().equals(code)) {
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "The body's code must be the agency's code " + code + " (a code never changes).",
          "Mã trong nội dung phải là mã cơ quan " + code + " (mã cơ quan không đổi).");
    }
    Agency updated =
        unique(
            body.edxmlOrganId(),
            () ->
                jdbi.inTransaction(
                    h -> {
                      AgencyDao dao = h.attach(AgencyDao.class);
                      Agency before = dao.lock(code).orElseThrow(ApiException::notFound);
                      requireExisting(dao, body.parentCode(), "parentCode");
                      requireExisting(dao, body.successorCode(), "successorCode");
                      requireNoCycle(
                          dao, code, body.parentCode(), "parentCode", Agency::parentCode);
                      requireNoCycle(
                          dao, code, body.successorCode(), "successorCode", Agency::successorCode);
                      requireOrganIdFree(dao, code, body.edxmlOrganId());
                      dao.update(
                          code,
                          body.name(),
                          body.parentCode(),
                          body.validTo(),
                          body.successorCode(),
                          body.edxmlOrganId());
                      Agency after = dao.find(code).orElseThrow();
                      audit.append(h, AgencyChanges.event(caller, before, after));
                      return after;
                    }));
    directory.invalidate();
    return updated;
  }

  @GET
  public Map<String, List<Agency>> list(@Auth Caller caller) {
    return Map.of("items", jdbi.withExtension(AgencyDao.class, AgencyDao::all));
  }

  @GET
  @Path("{code}")
  public Agency get(@Auth Caller caller, @PathParam("code") String code) {
    return jdbi.withExtension(AgencyDao.class, dao -> dao.find(code))
        .orElseThrow(ApiException::notFound);
  }

  /** Body of {@code PUT /agencies/{code}/policy}. */
  public record Policy(String signature) {}

  @PUT
  @Path("{code}/policy")
  @RolesAllowed(Roles.ADMIN)
  @Refusal(en = ADMINS_ONLY_EN, vi = ADMINS_ONLY_VI)
  public Agency setPolicy(@Auth Caller caller, @PathParam("code") String code, Policy body) {
    if (body == null || body.signature() == null || !POLICIES.contains(body.signature())) {
      throw ApiException.badRequest(
          "INVALID_REQUEST",
          "signature must be RECORD_ONLY, REQUIRE_SIGNATURE or REQUIRE_VALID.",
          "signature phải là RECORD_ONLY, REQUIRE_SIGNATURE hoặc REQUIRE_VALID.");
    }
    return jdbi.inTransaction(
        h -> {
          AgencyDao dao = h.attach(AgencyDao.class);
          if (dao.setPolicy(code, body.signature()) == 0) {
            throw ApiException.notFound();
          }
          audit.append(
              h,
              AuditEvent.of(
                      caller, AuditEvent.AGENCY_POLICY, "AGENCY", code, AuditOutcome.SUCCESS, null)
                  .withDetail("signature", body.signature())
                  .concerning(code));
          return dao.find(code).orElseThrow();
        });
  }

  /** Refuses {@code organId} when an agency other than {@code code} has it. */
  private static void requireOrganIdFree(AgencyDao dao, String code, String organId) {
    if (organId == null) {
      return;
    }
    dao.findByEdxmlOrganId(organId)
        .filter(a -> !a.code().equals(code))
        .ifPresent(
            a -> {
              throw organIdTaken(organId, a.code());
            });
  }

  private static ApiException organIdTaken(String organId, String holder) {
    ApiException e =
        ApiException.of(
            409,
            "EDXML_ORGAN_ID_TAKEN",
            "Another agency already has edxmlOrganId " + organId + ".",
            "Mã định danh edXML " + organId + " đã thuộc cơ quan khác.");
    return holder == null ? e : e.with("agencyCode", holder);
  }

  /** Runs {@code work}, answering a race on the unique edXML identifier like the check does. */
  private static <T> T unique(String organId, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.sql.SQLException sql
            && "23505".equals(sql.getSQLState())
            && String.valueOf(sql.getMessage()).contains("agencies_edxml_organ_id")) {
          throw organIdTaken(organId, null);
        }
      }
      throw e;
    }
  }

  /**
   * Refuses a {@code link} (parent or successor) from {@code code} to {@code target} when following
   * the same links from {@code target} comes back to {@code code}.
   */
  private static void requireNoCycle(
      AgencyDao dao,
      String code,
      String target,
      String field,
      java.util.function.Function<Agency, String> link) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String c = target; c != null && seen.add(c); ) {
      if (c.equals(code)) {
        throw ApiException.badRequest(
                "INVALID_REQUEST",
                field + " " + target + " would make " + code + " its own ancestor or successor.",
                field
                    + " "
                    + target
                    + " sẽ làm "
                    + code
                    + " thành cấp trên hoặc kế thừa của chính nó.")
            .with("field", field);
      }
      c = dao.find(c).map(link).orElse(null);
    }
  }

  private static void requireExisting(AgencyDao dao, String code, String field) {
    if (code != null && dao.find(code).isEmpty()) {
      throw ApiException.badRequest(
              "UNKNOWN_AGENCY",
              field + " names no agency: " + code,
              field + " không phải mã cơ quan: " + code)
          .with("agencyCode", code);
    }
  }
}
