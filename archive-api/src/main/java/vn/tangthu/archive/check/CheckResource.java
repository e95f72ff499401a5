package vn.tangthu.archive.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import vn.tangthu.archive.access.AccessPolicy;
import vn.tangthu.archive.base.AuditEvent;
import vn.tangthu.archive.base.AuditOutcome;
import vn.tangthu.archive.base.AuditTrail;
import vn.tangthu.archive.base.Caller;
import vn.tangthu.archive.base.Role;
import vn.tangthu.archive.error.ApiException;
import vn.tangthu.archive.id.Ids;
import vn.tangthu.archive.record.RecordDao;
import vn.tangthu.archive.record.RecordRow;

/**
 * {@code /checks}: online fixity and evidence checks, for {@code ADMIN} and {@code AUDITOR} (403
 * {@code FORBIDDEN} for everyone else). An ADMIN checks every agency's records; an AUDITOR only the
 * records of the agencies they act for (their agency, those below it and those it succeeded), and
 * sees only the checks whose scope lies within theirs; any other check is 404, as an unknown one.
 * Starting a check and reading one are audited; so is a check's end, on behalf of who started it.
 */
@Path("/checks")
@Produces(MediaType.APPLICATION_JSON)
public final class CheckResource {

  static final String TARGET = "CHECK";
  static final String CHECK_START = "CHECK_START";
  static final String CHECK_READ = "CHECK_READ";
  static final String CHECK_FINISH = "CHECK_FINISH";
  static final String INVALID = "INVALID_CHECK";
  private static final int MAX_FAILURES_PAGE = 1000;

  private final Jdbi jdbi;
  private final AccessPolicy access;
  private final AuditTrail audit;
  private final CheckRunner runner;
  private final Ids ids;
  private final Clock clock;

  public CheckResource(
      Jdbi jdbi, AccessPolicy access, AuditTrail audit, CheckRunner runner, Clock clock) {
    this.jdbi = jdbi;
    this.access = access;
    this.audit = audit;
    this.runner = runner;
    this.ids = new Ids(clock);
    this.clock = clock;
  }

  /** The answer to {@code POST /checks}. */
  public record Accepted(UUID id, CheckStatus status) {}

  /** Result counts: {@code checked = ok + failed + pending}; {@code total} once started. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Counts(Long total, long checked, long ok, long failed, long pending) {}

  /** A check, with a page of its failures in record id order. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CheckView(
      UUID id,
      CheckKind kind,
      UUID recordId,
      CheckStatus status,
      String createdBy,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      int resumed,
      Counts counts,
      List<ChecksDao.Failure> failures,
      String nextCursor) {}

  /**
   * {@code POST /checks {kind: FIXITY|EVIDENCE, recordId?}} → 202 {@code {id, status}}: the check
   * runs in the background, on some node, while the archive keeps serving.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(@Auth Caller caller, @Context HttpServletRequest request, JsonNode body) {
    String client = request == null ? null : request.getRemoteAddr();
    allow(caller, client, CHECK_START);
    JsonNode b = object(body);
    CheckKind kind = kind(text(b, "kind"));
    String recordText = text(b, "recordId");
    RecordRow record = recordText == null ? null : record(caller, recordText);
    UUID id = ids.next();
    String[] scope =
        caller.isAdmin()
            ? null
            : access.actingScope(caller).stream().sorted().toArray(String[]::new);
    AuditEvent started =
        AuditEvent.of(caller, CHECK_START, TARGET, id.toString(), AuditOutcome.SUCCESS, client)
            .withDetail("kind", kind)
            .withDetail("recordId", record == null ? null : record.id())
            .concerning(record == null ? null : record.agencyCode());
    jdbi.useTransaction(
        h -> {
          h.attach(ChecksDao.class)
              .insert(
                  id,
                  kind,
                  record == null ? null : record.id(),
                  scope,
                  caller.username(),
                  started.agencyCode(),
                  clock.instant());
          audit.append(h, started);
        });
    runner.wake();
    return Response.accepted(new Accepted(id, CheckStatus.QUEUED))
        .location(URI.create("checks/" + id))
        .build();
  }

  /**
   * {@code GET /checks/{id}?cursor=&size=}: status, counts and a page of failures ({@code size} 1
   * to {@value #MAX_FAILURES_PAGE}, default 100; {@code cursor} the {@code nextCursor} of the page
   * before).
   */
  @GET
  @Path("{id}")
  public CheckView get(
      @Auth Caller caller,
      @Context HttpServletRequest request,
      @PathParam("id") String id,
      @QueryParam("cursor") String cursor,
      @QueryParam("size") @DefaultValue("100") String size) {
    String client = request == null ? null : request.getRemoteAddr();
    allow(caller, client, CHECK_READ);
    CheckRow row =
        Ids.parse(id)
            .flatMap(u -> jdbi.withExtension(ChecksDao.class, d -> d.find(u)))
            .filter(r -> visible(caller, r))
            .orElseThrow(ApiException::notFound);
    int limit = pageSize(size);
    UUID after = cursor == null || cursor.isBlank() ? null : cursor(cursor);
    List<ChecksDao.Failure> failures =
        jdbi.withExtension(ChecksDao.class, d -> d.failures(row.id(), after, limit));
    audit.appendRead(
        AuditEvent.of(caller, CHECK_READ, TARGET, id, AuditOutcome.SUCCESS, client)
            .concerning(row.agencyCode()));
    return new CheckView(
        row.id(),
        row.kind(),
        row.recordId(),
        row.status(),
        row.createdBy(),
        row.createdAt(),
        row.startedAt(),
        row.finishedAt(),
        row.resumed(),
        new Counts(
            row.total(),
            row.ok() + row.failed() + row.pending(),
            row.ok(),
            row.failed(),
            row.pending()),
        failures,
        failures.size() == limit ? failures.get(limit - 1).recordId().toString() : null);
  }

  /** ADMIN sees every check; an AUDITOR those whose scope lies within the agencies they act for. */
  private boolean visible(Caller caller, CheckRow row) {
    if (caller.isAdmin()) {
      return true;
    }
    return row.scope() != null
        && access.actingScope(caller).containsAll(Arrays.asList(row.scope()));
  }

  private void allow(Caller caller, String client, String action) {
    if (caller.has(Role.AUDITOR) || caller.isAdmin()) {
      return;
    }
    audit.appendNow(AuditEvent.of(caller, action, TARGET, null, AuditOutcome.DENIED, client));
    throw ApiException.forbidden(
        "Only auditors and administrators may run checks.",
        "Chỉ kiểm toán viên và quản trị viên được chạy kiểm tra.");
  }

  /**
   * The record to check: 404 when it does not exist or the caller may not read it, 403 {@code
   * OUTSIDE_AGENCY} when they read it but do not act for its agency, 410 {@code DISPOSED} when its
   * content is gone.
   */
  private RecordRow record(Caller caller, String text) {
    UUID id =
        Ids.parse(text)
            .orElseThrow(
                () -> invalid("recordId", "is not a record id.", "không phải mã văn bản."));
    RecordRow r =
        jdbi.withExtension(RecordDao.class, d -> d.find(id))
            .filter(x -> access.canRead(caller, x.id(), x.agencyCode(), x.accessLevel()))
            .orElseThrow(ApiException::notFound);
    if (!access.actsFor(caller, Role.AUDITOR, r.agencyCode())) {
      throw ApiException.of(
          403,
          "OUTSIDE_AGENCY",
          "The record belongs to an agency you do not act for.",
          "Văn bản thuộc cơ quan ngoài phạm vi của bạn.");
    }
    if (!"ACTIVE".equals(r.status())) {
      throw ApiException.of(
              410,
              "DISPOSED",
              "The record's content was " + r.status().toLowerCase() + "; nothing to check.",
              "Nội dung văn bản đã bị hủy hoặc chuyển giao; không có gì để kiểm tra.")
          .with("status", r.status());
    }
    return r;
  }

  private static CheckKind kind(String text) {
    if (text == null) {
      throw invalid(
          "kind", "is required (FIXITY or EVIDENCE).", "là bắt buộc (FIXITY hoặc EVIDENCE).");
    }
    try {
      return CheckKind.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw invalid("kind", "must be FIXITY or EVIDENCE.", "phải là FIXITY hoặc EVIDENCE.");
    }
  }

  private static UUID cursor(String text) {
    return Ids.parse(text)
        .orElseThrow(() -> invalid("cursor", "is not a cursor of this list.", "không hợp lệ."));
  }

  private static int pageSize(String size) {
    try {
      int n = Integer.parseInt(size);
      if (n >= 1 && n <= MAX_FAILURES_PAGE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw invalid(
        "size",
        "must be 1 to " + MAX_FAILURES_PAGE + ".",
        "phải từ 1 đến " + MAX_FAILURES_PAGE + ".");
  }

  private static JsonNode object(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw invalid("", "A JSON object is expected.", "Cần một đối tượng JSON.");
    }
    Set<String> known = Set.of("kind", "recordId");
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!known.contains(f)) {
                throw invalid(f, "is not a field of a check.", "không phải trường của kiểm tra.");
              }
            });
    return body;
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(field, "must be a string.", "phải là chuỗi.");
    }
    return v.asText();
  }

  private static ApiException invalid(String field, String en, String vi) {
    ApiException e =
        ApiException.badRequest(INVALID, (field + " " + en).strip(), (field + " " + vi).strip());
    return field.isEmpty() ? e : e.with("field", field);
  }
}
