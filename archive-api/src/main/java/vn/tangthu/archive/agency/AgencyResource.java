package vn.tangthu.archive.agency;

import io.dropwizard.auth.Auth;
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
import vn.tangthu.archive.error.ApiException;

/** {@code /agencies}: the agency tree and each agency's signature policy. */
@Path("/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AgencyResource {

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
  public Response create(@Auth Caller caller, NewAgency body) {
    requireAdmin(caller);
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
              if (dao.insert(
                      body.code(),
                      body.name(),
                      body.parentCode(),
                      body.validTo(),
                      body.successorCode(),
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
                      .concerning(body.code()));
              return dao.find(body.code()).orElseThrow();
            });
    directory.invalidate();
    return Response.created(URI.create("agencies/" + created.code())).entity(created).build();
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
  public Agency setPolicy(@Auth Caller caller, @PathParam("code") String code, Policy body) {
    requireAdmin(caller);
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

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw ApiException.forbidden(
          "Only an administrator manages agencies.", "Chỉ quản trị viên quản lý cơ quan.");
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
