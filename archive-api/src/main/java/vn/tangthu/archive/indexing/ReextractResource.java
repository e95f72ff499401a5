package vn.tangthu.archive.indexing;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Roles;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Refusal;

/**
 * {@code POST /reextract} {@code {status: NEEDS_OCR|FAILED}} (ADMIN): reads again every active
 * record whose extraction has that status (NEEDS_OCR: through OCR, once an engine is installed;
 * FAILED: text extraction again) → 202 {@code {status, queued}}. The records are PENDING until
 * read; audited as {@code EXTRACTION_REOPEN}. Used by the {@code reextract} command.
 */
@Path("/reextract")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ReextractResource {

  private final OcrStage ocr;
  private final AuditTrail audit;

  public ReextractResource(OcrStage ocr, AuditTrail audit) {
    this.ocr = ocr;
    this.audit = audit;
  }

  /** Body: which records to read again. */
  public record ReextractRequest(String status) {}

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Refusal(
      en = "Only an administrator may read records again.",
      vi = "Chỉ quản trị viên được trích xuất lại văn bản.")
  public Response reextract(
      @Auth Caller caller, ReextractRequest body, @Context HttpServletRequest request) {
    String status = body == null ? null : body.status();
    if (!"NEEDS_OCR".equals(status) && !"FAILED".equals(status)) {
      throw ApiException.badRequest(
              "INVALID_REQUEST",
              "status must be NEEDS_OCR or FAILED.",
              "status phải là NEEDS_OCR hoặc FAILED.")
          .with("parameter", "status");
    }
    int queued = ocr.reopen(status);
    audit.appendNow(
        AuditEvent.of(
                caller,
                AuditEvent.EXTRACTION_REOPEN,
                null,
                null,
                AuditOutcome.SUCCESS,
                request.getRemoteAddr())
            .withDetail("status", status)
            .withDetail("queued", Integer.toString(queued)));
    return Response.status(202).entity(Map.of("status", status, "queued", queued)).build();
  }
}
