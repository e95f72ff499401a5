package vn.tangthu.archive.record;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.auth.UserDao;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.outbox.ChangeFollower;
import vn.tangthu.archive.outbox.OutboxDao;

/**
 * {@code /records/{id}/grants}: an ARCHIVIST of the owning agency lets a named user read a
 * RESTRICTED record. The change and its change-log event (the index keeps grantees for visibility)
 * commit together.
 */
@Path("/records/{id}/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class GrantResource {

  private final Jdbi jdbi;
  private final RecordReader reader;
  private final AccessPolicy access;
  private final ChangeFollower worker;
  private final Clock clock;

  private final AuditTrail audit;

  public GrantResource(
      Jdbi jdbi,
      RecordReader reader,
      AccessPolicy access,
      ChangeFollower worker,
      Clock clock,
      AuditTrail audit) {
    this.audit = audit;
    this.jdbi = jdbi;
    this.reader = reader;
    this.access = access;
    this.worker = worker;
    this.clock = clock;
  }

  /** Body of a grant. */
  public record GrantRequest(String username) {}

  @POST
  public Response grant(@Auth Caller caller, @PathParam("id") String id, GrantRequest body) {
    RecordRow row = archivistsRecord(caller, id);
    if (body == null || body.username() == null || body.username().isBlank()) {
      throw ApiException.badRequest("INVALID_REQUEST", "username is required.", "Cần username.");
    }
    jdbi.useTransaction(
        h -> {
          if (h.attach(UserDao.class).find(body.username()).isEmpty()) {
            throw ApiException.badRequest(
                    "UNKNOWN_USER",
                    "No user " + body.username() + ".",
                    "Không có người dùng " + body.username() + ".")
                .with("username", body.username());
          }
          if (h.attach(RecordDao.class)
                  .grant(row.id(), body.username(), caller.username(), clock.instant())
              > 0) {
            h.attach(OutboxDao.class).append(List.of(row.id()), "UPSERT", clock.instant());
            audit.append(
                h,
                AuditEvent.of(
                        caller,
                        AuditEvent.GRANT_CREATE,
                        AuditEvent.RECORD,
                        row.id().toString(),
                        AuditOutcome.SUCCESS,
                        null)
                    .withDetail("username", body.username())
                    .concerning(row.agencyCode()));
          }
        });
    worker.wake();
    return Response.status(201)
        .entity(Map.of("recordId", row.id().toString(), "username", body.username()))
        .build();
  }

  @DELETE
  @Path("{username}")
  public Response revoke(
      @Auth Caller caller, @PathParam("id") String id, @PathParam("username") String username) {
    RecordRow row = archivistsRecord(caller, id);
    jdbi.useTransaction(
        h -> {
          if (h.attach(RecordDao.class).revokeGrant(row.id(), username) == 0) {
            throw ApiException.notFound();
          }
          h.attach(OutboxDao.class).appendNarrowing(List.of(row.id()), "UPSERT", clock.instant());
          audit.append(
              h,
              AuditEvent.of(
                      caller,
                      AuditEvent.GRANT_REVOKE,
                      AuditEvent.RECORD,
                      row.id().toString(),
                      AuditOutcome.SUCCESS,
                      null)
                  .withDetail("username", username)
                  .concerning(row.agencyCode()));
        });
    worker.wake();
    return Response.noContent().build();
  }

  private RecordRow archivistsRecord(Caller caller, String id) {
    RecordRow row = reader.visible(caller, id);
    if (!access.actsFor(caller, Role.ARCHIVIST, row.agencyCode())) {
      throw ApiException.forbidden(
          "Only an archivist of the owning agency grants access.",
          "Chỉ lưu trữ viên của cơ quan sở hữu được cấp quyền truy cập.");
    }
    return row;
  }
}
