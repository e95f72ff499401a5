package vn.tangthu.archive.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.input.Dates;
import vn.tangthu.archive.transfer.TransferPackages;
import vn.tangthu.retention.sweep.SweepItemsCsv;

/** {@code /retention/sweeps}: planning, review, approval, execution and transfer of sweeps. */
@Path("/retention/sweeps")
@Produces(MediaType.APPLICATION_JSON)
public final class SweepResource {

  private final SweepService sweeps;
  private final SweepExecutor executor;
  private final TransferPackages transfers;
  private final SweepAccess access;
  private final AuditTrail audit;
  private final Dates dates;

  SweepResource(
      SweepService sweeps,
      SweepExecutor executor,
      TransferPackages transfers,
      SweepAccess access,
      AuditTrail audit,
      Dates dates) {
    this.dates = dates;
    this.sweeps = sweeps;
    this.executor = executor;
    this.transfers = transfers;
    this.access = access;
    this.audit = audit;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response plan(@Auth Caller caller, JsonNode body) {
    JsonNode b = object(body);
    Optional<LocalDate> asOf = Optional.ofNullable(text(b, "asOf")).map(this::date);
    SweepView view = sweeps.plan(caller, text(b, "agencyCode"), asOf);
    return Response.created(URI.create("retention/sweeps/" + view.id())).entity(view).build();
  }

  @GET
  public SweepService.Page<SweepView> list(
      @Auth Caller caller,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("20") String size) {
    return sweeps.page(caller, cursor, pageSize(size, 100));
  }

  @GET
  @Path("{id}")
  public SweepView get(@Auth Caller caller, @PathParam("id") String id) {
    SweepRow row = sweeps.visible(caller, id);
    audit.appendRead(
        AuditEvent.of(caller, SweepAudit.READ, SweepService.TARGET, id, AuditOutcome.SUCCESS, null)
            .concerning(row.agencyCode()));
    return sweeps.view(row);
  }

  @GET
  @Path("{id}/items")
  public SweepService.Page<ItemView> items(
      @Auth Caller caller,
      @PathParam("id") String id,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("100") String size) {
    SweepRow row = sweeps.visible(caller, id);
    SweepService.Page<ItemView> page = sweeps.items(row, cursor, pageSize(size, 1000));
    audit.appendRead(
        AuditEvent.of(caller, SweepAudit.READ, SweepService.TARGET, id, AuditOutcome.SUCCESS, null)
            .withDetail("items", page.items().size())
            .concerning(row.agencyCode()));
    return page;
  }

  @GET
  @Path("{id}/items.csv")
  @Produces("text/csv; charset=UTF-8")
  public Response itemsCsv(@Auth Caller caller, @PathParam("id") String id) {
    SweepRow row = sweeps.visible(caller, id);
    audit.appendRead(
        AuditEvent.of(caller, SweepAudit.READ, SweepService.TARGET, id, AuditOutcome.SUCCESS, null)
            .withDetail("format", "csv")
            .concerning(row.agencyCode()));
    var items = sweeps.allItems(row);
    StreamingOutput body =
        out -> {
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          w.write('\uFEFF');
          SweepItemsCsv.write(items, w);
          w.flush();
        };
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"sweep-" + row.id() + ".csv\"")
        .build();
  }

  @DELETE
  @Path("{id}/items/{recordId}")
  public Map<String, List<String>> removeItem(
      @Auth Caller caller,
      @PathParam("id") String id,
      @PathParam("recordId") String recordId,
      @QueryParam("reason") String reasonParam,
      JsonNode body) {
    String reason = body == null || body.isNull() ? reasonParam : text(object(body), "reason");
    return Map.of("removed", sweeps.remove(caller, id, recordId, reason));
  }

  @POST
  @Path("{id}/reject")
  public SweepView reject(@Auth Caller caller, @PathParam("id") String id, JsonNode body) {
    return sweeps.reject(caller, id, text(object(body), "reason"));
  }

  @POST
  @Path("{id}/approve")
  public SweepView approve(@Auth Caller caller, @PathParam("id") String id) {
    return sweeps.approve(caller, id);
  }

  @POST
  @Path("{id}/execute")
  public SweepView execute(@Auth Caller caller, @PathParam("id") String id) {
    return executor.execute(caller, id);
  }

  @GET
  @Path("{id}/transfer")
  @Produces({"application/x-tar", MediaType.APPLICATION_JSON})
  public Response transfer(@Auth Caller caller, @PathParam("id") String id) {
    SweepRow row = sweeps.visible(caller, id);
    access.requireArchivist(caller, row.agencyCode());
    if (!"EXECUTED".equals(row.status()) || row.transferConfirmedAt() != null) {
      throw ApiException.of(
          409,
          "SWEEP_STATE",
          "Transfer packages are made for an executed sweep before its receipt is confirmed.",
          "Gói chuyển giao chỉ lập cho đợt hủy đã thực hiện và chưa xác nhận tiếp nhận.");
    }
    List<UUID> records = sweeps.awaitingTransfer(row);
    if (records.isEmpty()) {
      throw ApiException.of(
          409,
          "NO_TRANSFER",
          "The sweep has no items awaiting transfer.",
          "Đợt hủy không có văn bản chờ chuyển giao.");
    }
    StreamingOutput body = transfers.tar(caller, row.id(), records);
    audit.appendRead(
        AuditEvent.of(
                caller,
                SweepAudit.TRANSFER_EXPORT,
                SweepService.TARGET,
                id,
                AuditOutcome.SUCCESS,
                null)
            .withDetail("records", records.size())
            .concerning(row.agencyCode()));
    return Response.ok(body, "application/x-tar")
        .header("Content-Disposition", "attachment; filename=\"transfer-" + row.id() + ".tar\"")
        .build();
  }

  @POST
  @Path("{id}/transfer/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  public SweepView confirm(@Auth Caller caller, @PathParam("id") String id, JsonNode body) {
    JsonNode b = object(body);
    return executor.confirmTransfer(caller, id, text(b, "receivedBy"), text(b, "reference"));
  }

  private static JsonNode object(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw SweepErrors.invalid("A JSON object is expected.", "Cần một đối tượng JSON.");
    }
    return body;
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw SweepErrors.invalid(field + " must be a string.", field + " phải là chuỗi.");
    }
    return v.asText();
  }

  private LocalDate date(String text) {
    try {
      return dates.asOf(text);
    } catch (Dates.Refused e) {
      throw SweepErrors.invalid("asOf " + e.reasonEn() + ".", "asOf " + e.reasonVi() + ".")
          .with("field", "asOf");
    }
  }

  static int pageSize(String size, int max) {
    try {
      int n = Integer.parseInt(size);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw SweepErrors.invalid(
        "size must be a number from 1 to " + max + ".", "size phải là số từ 1 đến " + max + ".");
  }
}
