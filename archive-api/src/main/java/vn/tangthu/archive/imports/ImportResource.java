package vn.tangthu.archive.imports;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Roles;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.error.Messages;
import vn.tangthu.archive.error.Refusal;

/** {@code /imports}: bulk intake jobs (see the package's documentation). */
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
public final class ImportResource {

  private final ImportReceiver receiver;
  private final ImportJobs jobs;

  ImportResource(ImportReceiver receiver, ImportJobs jobs) {
    this.receiver = receiver;
    this.jobs = jobs;
  }

  /** 202 with the job; a repeated {@code Idempotency-Key} answers the first job again. */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({Roles.ADMIN, Roles.SUBMITTER, Roles.ARCHIVIST})
  @Refusal(
      en = "Only a submitter, an archivist or an administrator imports records.",
      vi = "Chỉ người nộp, lưu trữ viên hoặc quản trị viên được nhập văn bản.")
  public Response create(
      @Auth Caller caller,
      @Context HttpServletRequest request,
      @HeaderParam("Idempotency-Key") String idempotencyKey)
      throws IOException, InterruptedException {
    ImportReceiver.Created created = receiver.create(caller, request, idempotencyKey);
    return Response.accepted(created.view())
        .location(URI.create("imports/" + created.view().id()))
        .build();
  }

  @GET
  public ImportView.Page list(
      @Auth Caller caller,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("20") String size) {
    return jobs.page(caller, cursor, pageSize(size));
  }

  @GET
  @Path("{id}")
  public ImportView get(@Auth Caller caller, @PathParam("id") String id) {
    return jobs.view(jobs.visible(caller, id));
  }

  @GET
  @Path("{id}/items")
  public ImportItemView.Page items(
      @Auth Caller caller,
      @PathParam("id") String id,
      @QueryParam("status") String status,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("100") String size,
      @Context HttpHeaders headers) {
    boolean vietnamese = Messages.prefersVietnamese(headers.getAcceptableLanguages());
    return jobs.items(caller, id, status, cursor, pageSize(size), vietnamese);
  }

  @POST
  @Path("{id}/cancel")
  public ImportView cancel(
      @Auth Caller caller, @PathParam("id") String id, @Context HttpServletRequest request) {
    return jobs.cancel(caller, id, request.getRemoteAddr());
  }

  private static int pageSize(String size) {
    try {
      int n = Integer.parseInt(size);
      if (n >= 1 && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "INVALID_REQUEST",
        "size must be a number from 1 to 1000.",
        "size phải là số từ 1 đến 1000.");
  }
}
